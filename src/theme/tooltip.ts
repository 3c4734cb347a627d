import { css } from 'lit';

// A module of its own: a widget that does not import it does not bundle it (a tagged css`` at
// module level is not tree-shaken).
/** A tooltip card with a title (`strong`) and label/value rows (`dl`), for `.tooltip` (funnel, forecast). */
export const tooltipStyles = css`
  .tooltip {
    position: absolute; z-index: 2; inset-inline-start: 0;
    min-width: 14rem; max-width: min(22rem, 100%); pointer-events: none;
    background: var(--_surface); color: var(--_text); border: 1px solid var(--_border); border-radius: var(--_r-m);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 8px 10px; font-size: 0.86em;
  }
  .tooltip strong { display: block; margin-bottom: 4px; overflow-wrap: anywhere; }
  .tooltip dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; }
  .tooltip dt { color: var(--_muted); }
  .tooltip dd { margin: 0; text-align: end; font-variant-numeric: tabular-nums; font-weight: 600; }
`;
