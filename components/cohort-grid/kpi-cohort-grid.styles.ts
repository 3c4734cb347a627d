import { css } from 'lit';

export const cohortStyles = css`
  [part~='base'] {
    --_label-w: var(--kpi-cohort-label-width, 9.75rem);
    --_size-w: 4.5rem;
    --_cell-w: var(--kpi-cohort-cell-width, 4.25rem);
    --_max-h: var(--kpi-cohort-max-height, 30rem);
  }
  .controls { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: center; }
  .axis {
    margin: 0 0 4px;
    color: var(--_muted);
    font-size: 0.8em;
    padding-inline-start: calc(var(--_label-w) + var(--_size-w));
  }
  .gridbox { position: relative; }
  .scroller {
    position: relative; overflow: auto; max-height: var(--_max-h);
    border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 4px);
    overscroll-behavior: contain; overflow-anchor: none;
    scroll-padding-top: 2.2rem; scroll-padding-left: calc(var(--_label-w) + var(--_size-w));
  }
  table { border-collapse: separate; border-spacing: 0; font-variant-numeric: tabular-nums; font-size: 0.86em; }
  th, td {
    padding: 0 6px;
    height: var(--_row);
    box-sizing: border-box;
    white-space: nowrap;
    text-align: end;
    border-bottom: 1px solid var(--_surface);
    border-right: 1px solid var(--_surface);
  }
  td[data-c] { min-width: var(--_cell-w); cursor: pointer; }
  td[data-c]:focus-visible { outline: 2px solid var(--_text); outline-offset: -2px; }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_surface-2);
    color: var(--_muted);
    font-weight: 600;
    text-align: center;
    border-bottom: 1px solid var(--_border);
  }
  .corner, .rowhead {
    position: sticky;
    left: 0;
    z-index: 1;
    width: var(--_label-w);
    min-width: var(--_label-w);
    max-width: var(--_label-w);
    text-align: start;
    overflow: hidden;
    text-overflow: ellipsis;
    background: var(--_surface);
    font-weight: 600;
  }
  .sizecol {
    position: sticky;
    left: var(--_label-w);
    z-index: 1;
    width: var(--_size-w);
    min-width: var(--_size-w);
    background: var(--_surface);
    color: var(--_muted);
    border-right: 1px solid var(--_border);
  }
  thead .corner, thead .sizecol { z-index: 3; background: var(--_surface-2); }
  .avg > * { font-weight: 700; border-bottom: 2px solid var(--_border); }
  tr.spacer > td, td.gap { padding: 0; border: 0; }
  .avg .rowhead, .avg .sizecol { background: var(--_surface-2); }
  /* "Weighted average" wraps in a narrow column rather than being cut. */
  .avg .rowhead { white-space: normal; text-overflow: clip; line-height: 1.15; }
  td.nyet {
    background: repeating-linear-gradient(135deg, var(--_surface-2) 0 5px, var(--_surface) 5px 10px);
    cursor: default;
  }
  .tooltip {
    position: absolute; z-index: 5; pointer-events: none; min-width: 12rem; max-width: 16rem;
    background: var(--_surface); color: var(--_text); border: 1px solid var(--_border); border-radius: var(--_r-m);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 8px 10px; font-size: 0.84em; line-height: 1.45;
  }
  .tooltip strong { display: block; margin-bottom: 2px; overflow-wrap: anywhere; }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 18px;
    align-items: center;
    margin-top: calc(var(--_space) * 1.25);
    color: var(--_muted);
    font-size: 0.8em;
  }
  .legend span { display: inline-flex; gap: 6px; align-items: center; }
  .ramp {
    display: inline-block;
    width: 8rem;
    height: 10px;
    border-radius: var(--_r-s);
    border: 1px solid var(--_border);
  }
  .swatch {
    display: inline-block;
    width: 14px;
    height: 10px;
    border-radius: var(--_r-s);
    border: 1px solid var(--_border);
  }
  .swatch.nyet { background: repeating-linear-gradient(135deg, var(--_surface-2) 0 3px, var(--_surface) 3px 6px); }
  .note { flex-basis: 100%; }
  .curve { margin: 0 0 var(--_space); }
  .curve figcaption { color: var(--_muted); font-size: 0.8em; margin-bottom: 2px; }
  .curve svg { display: block; max-width: 100%; height: auto; }
  .gridline { stroke: var(--_border); stroke-width: 1; }
  .line { fill: none; stroke: var(--_accent); stroke-width: 2; }
  .dot { fill: var(--_accent); }
  @container (max-width: 480px) {
    [part~='base'] { --_label-w: 6.5rem; --_size-w: 3.6rem; --_cell-w: 3.6rem; }
    .axis { padding-inline-start: 0; }
  }
`;
