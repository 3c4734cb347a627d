import { css } from 'lit';

// A module of its own: a widget that does not import it does not bundle it (a tagged css`` at
// module level is not tree-shaken).
/** The styles of the shared parts that are not in every widget (sort headers). */
export const partStyles = css`
  .sortbtn {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: inherit;
    cursor: pointer;
    display: inline-flex;
    gap: 4px;
    align-items: center;
    white-space: nowrap;
  }
  .sortbtn:hover, th[aria-sort='ascending'] .sortbtn, th[aria-sort='descending'] .sortbtn { color: var(--_text); }
  .arrow { font-size: 0.85em; }
`;
