import { css } from 'lit';

/**
 * Headline tiles (channels, forecast): label, value and a line under it, in a row that fills the
 * card (auto-fit: a few tiles stretch, many wrap). A module of its own, so a widget without tiles
 * does not bundle it (a tagged css`` at module level is not tree-shaken).
 */
export const tileStyles = css`
  .tiles {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8rem), 1fr));
    gap: var(--_space);
  }
  .tile {
    display: grid;
    gap: 1px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 8px 10px;
    min-width: 0;
    container-type: inline-size;
  }
  .tile-label {
    color: var(--_muted);
    font-size: 0.78em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    overflow-wrap: anywhere;
  }
  /* A value never breaks inside a word ("193,10 BRL" stays whole): */
  /* it breaks at spaces only and shrinks in a narrow tile. */
  .tile-value {
    font-size: clamp(1em, 13cqi, 1.35em);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    overflow-wrap: normal;
  }
  .tile-sub { color: var(--_muted); font-size: 0.76em; overflow-wrap: anywhere; }
`;
