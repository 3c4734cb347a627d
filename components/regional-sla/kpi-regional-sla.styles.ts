import { css } from 'lit';

export const slaStyles = css`
  [part~='base'] {
    --_label-w: var(--kpi-sla-label-width, 12rem);
    --_max-h: var(--kpi-sla-max-height, 32rem);
    --_p90-w: 9.5rem;
  }
  .controls { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: center; }
  input[type='search'] {
    font: inherit;
    font-size: 0.9em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_r-m);
    padding: 5px 8px;
    width: 14rem;
    max-width: 100%;
  }
  .search { flex: 0 1 14rem; min-width: 0; display: flex; }
  .btn {
    font-size: 0.86em;
    border: 1px solid var(--_border);
    background: var(--_surface-2);
    border-radius: var(--_r-m);
    padding: 5px 10px;
    cursor: pointer;
    white-space: nowrap;
  }
  .btn[aria-pressed='true'] { background: var(--_accent); border-color: var(--_accent); color: var(--_surface); }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 18px;
    margin: 0 0 calc(var(--_space) * 1.25);
    font-size: 0.84em;
    color: var(--_muted);
  }
  .summary > span { min-width: 0; overflow-wrap: anywhere; }
  .summary strong { color: var(--_text); font-weight: 600; }
  .count { font-weight: 600; color: var(--_text); }
  .scroller {
    position: relative;
    overflow: auto;
    max-height: var(--_max-h);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    overscroll-behavior: contain;
    overflow-anchor: none;
  }
  /* A table laid out as a grid per row: every row has the same tracks (--_cols, set by the widget), so the columns
     line up without the table sizing them from every row; a body row is a fixed-height box whose layout and paint
     are its own (contain: strict), so a sort, filter or scroll that draws new rows lays out only those rows. */
  table {
    display: block;
    width: 100%;
    min-width: var(--_minw);
    font-size: 0.86em;
    font-variant-numeric: tabular-nums;
  }
  thead, tbody, tfoot { display: block; }
  tr { display: grid; grid-template-columns: var(--_cols); }
  th, td {
    display: block;
    align-content: center;
    min-width: 0;
    padding: 0 10px;
    white-space: nowrap;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    background: var(--_surface);
  }
  tbody tr:not(.spacer), tfoot tr { height: var(--_row); }
  tbody tr:not(.spacer) { contain: strict; }
  tr.spacer { display: block; }
  tr.spacer > td { padding: 0; border: 0; }
  thead { position: sticky; top: 0; z-index: 2; }
  /* The headers wrap between words (the tracks do not grow to fit them, as a table's columns would). */
  thead > tr > * {
    background: var(--_surface-2);
    color: var(--_muted);
    font-weight: 600;
    white-space: normal;
    padding-block: 3px;
  }
  thead .sortbtn { white-space: normal; text-align: inherit; }
  .h1 { min-height: 2.3em; }
  .h1 > * { border-bottom: 0; }
  .span2 { grid-column: span 2; }
  .h2 { min-height: 2.65em; }
  .metric-head { grid-column: span 3; text-align: center; color: var(--_text); border-left: 1px solid var(--_border); }
  .target { font-weight: 400; color: var(--_muted); margin-inline-start: 6px; }
  .sticky {
    position: sticky;
    left: 0;
    z-index: 1;
    border-right: 1px solid var(--_border);
  }
  thead .sticky { z-index: 3; }
  .label-col { overflow: hidden; text-overflow: ellipsis; }
  .name { display: block; font-weight: 600; overflow: hidden; text-overflow: ellipsis; color: var(--_text); }
  .sub {
    display: block;
    font-size: 0.82em;
    color: var(--_muted);
    font-weight: 400;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .num { text-align: end; }
  .grp { color: var(--_muted); }
  .num .sortbtn { flex-direction: row; }
  tr.region { cursor: pointer; }
  tr.region:hover > *, tr.region:focus-visible > * { background: var(--_surface-2); }
  tr.region:focus-visible, tr.totals:focus-visible { outline: 2px solid var(--_focus); outline-offset: -2px; }
  tr.group > * { background: var(--_surface-2); font-weight: 700; }
  tfoot { position: sticky; bottom: 0; z-index: 2; }
  tfoot tr > * {
    background: var(--_surface-2);
    font-weight: 700;
    border-top: 2px solid var(--_border);
    border-bottom: 0;
  }
  tfoot .sticky { z-index: 3; }
  .p90-line { display: flex; gap: 5px; align-items: center; line-height: 1.1; }
  .p90-value { font-weight: 600; }
  .within .p90-value { color: var(--_text); }
  .icon {
    width: 1.15em;
    height: 1.15em;
    flex: none;
    fill: none;
    stroke-width: 1.7;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .icon.within { stroke: var(--_positive); }
  .icon.at-risk { stroke: var(--_warning); }
  .icon.breached { stroke: var(--_negative); }
  .bar {
    position: relative;
    display: block;
    height: 6px;
    margin-top: 5px;
    background: var(--_surface-2);
    border-radius: var(--_r-s);
  }
  /* Full-strength fills (3:1 or more against the track) and ticks in the text colour with a halo of the surface,
     so each mark stands out of the bar it sits on and of the track (WCAG 1.4.11). */
  .bar-p90 { position: absolute; inset-block: 0; left: 0; border-radius: var(--_r-s); background: var(--_accent); }
  .at-risk .bar-p90 { background: var(--_warning); }
  .breached .bar-p90 { background: var(--_negative); }
  .bar-p50, .bar-target { position: absolute; box-shadow: 0 0 0 1px var(--_surface); background: var(--_text); }
  .bar-p50 { top: -2px; width: 3px; height: 10px; margin-left: -1px; border-radius: var(--_r-s); }
  .bar-target { top: -4px; bottom: -4px; width: 2px; }
  @media (forced-colors: active) {
    .bar { border: 1px solid; }
    .bar-p50 { forced-color-adjust: none; background: Canvas; }
  }
  .bar-over { position: absolute; right: -2px; top: -7px; font-size: 1em; color: var(--_negative); font-weight: 700; }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    align-items: center;
    margin: calc(var(--_space) * 1.25) 0 0;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .legend > span { display: inline-flex; gap: 5px; align-items: center; }
  .legend .note { flex-basis: 100%; }
  .nomatch {
    color: var(--_muted);
    text-align: center;
    padding: calc(var(--_space) * 3);
    margin: 0;
    border: 1px dashed var(--_border);
    border-radius: var(--_r-m);
  }
  /* Phones and narrow columns: the same table, tighter, scrolling sideways under its sticky region column. */
  @container (max-width: 639px) {
    [part~='base'] { --_label-w: var(--kpi-sla-label-width, 9.5rem); --_p90-w: 7rem; }
    th, td { padding: 0 6px; }
  }
`;
