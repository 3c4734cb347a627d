import { css } from 'lit';

export const channelStyles = css`
  .controls label { display: inline-flex; gap: 6px; align-items: center; color: var(--_muted); font-size: 0.86em; }
  .sub-section {
    font-size: 0.82em;
    font-weight: 600;
    color: var(--_muted);
    margin: var(--_space) 0 4px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .tile-sub.hl { color: var(--_text); font-weight: 600; }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    gap: calc(var(--_space) * 3);
    margin-bottom: calc(var(--_space) * 2);
  }
  .panel { min-width: 0; }
  .dot {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    border-radius: var(--_r-s);
    flex: none;
    margin-inline-end: 6px;
    vertical-align: -1px;
  }
  .mixbar {
    display: flex;
    height: 16px;
    border-radius: var(--_r-m);
    overflow: hidden;
    background: var(--_surface-2);
    margin-bottom: var(--_space);
  }
  .seg { height: 100%; transition: opacity 0.15s; border-inline-end: 1px solid var(--_surface); }
  /* Highlighting a channel fades the other channels' marks (bars, columns), never their text. */
  .dim { opacity: 0.28; }
  .faded .ov-bar { opacity: 0.28; }
  .mixlist { list-style: none; margin: 0; padding: 0; display: grid; gap: 1px; }
  .mixitem {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto;
    gap: 8px;
    align-items: center;
    width: 100%;
    border: 0;
    background: transparent;
    border-radius: var(--_r-m);
    padding: 4px 6px;
    cursor: pointer;
    text-align: start;
    font-size: 0.88em;
  }
  .mixitem:hover, .mixitem.active { background: var(--_surface-2); }
  .mixname { overflow-wrap: anywhere; }
  .mixshare { font-weight: 700; font-variant-numeric: tabular-nums; }
  .mixvalue { color: var(--_muted); font-variant-numeric: tabular-nums; min-width: 4.5em; text-align: end; }
  .once-line { margin: 0; font-size: 0.92em; }
  .once-dup { margin: 2px 0 0; font-weight: 700; color: var(--_warning); }
  .overlaps { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; font-size: 0.86em; }
  .ov-head { display: flex; justify-content: space-between; gap: 10px; }
  .ov-names { overflow-wrap: anywhere; min-width: 0; }
  .ov-head b { flex: none; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .ov-track { display: block; height: 6px; border-radius: var(--_r-s); background: var(--_surface-2); margin-top: 2px; }
  .ov-bar { display: block; height: 100%; border-radius: var(--_r-s); background: var(--_accent); }
  .note { color: var(--_muted); font-size: 0.78em; margin: 6px 0 0; }
  /* The ▲/▼ key under the table keeps its distance from the trend below it. */
  .table-wrap + .note { margin-bottom: calc(var(--_space) * 2); }
  .table-wrap {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    margin-bottom: calc(var(--_space) * 2);
  }
  table { border-collapse: collapse; width: 100%; font-size: 0.86em; font-variant-numeric: tabular-nums; }
  th, td { padding: 6px 10px; border-bottom: 1px solid var(--_border); white-space: nowrap; text-align: start; }
  thead th { background: var(--_surface-2); color: var(--_muted); font-weight: 600; }
  .first { position: sticky; left: 0; background: var(--_surface); z-index: 1; }
  thead .first { background: var(--_surface-2); }
  .num { text-align: end; }
  tbody tr[data-key] { cursor: pointer; }
  tbody tr[data-key]:hover > *, tbody tr.active > * { background: var(--_surface-2); }
  tbody tr[data-key]:focus-visible { outline: 2px solid var(--_focus); outline-offset: -2px; }
  .grouprow th {
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.82em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding-top: 10px;
  }
  .tone { font-size: 0.7em; margin-inline-start: 4px; }
  td.better .tone { color: var(--_positive); }
  td.worse .tone { color: var(--_negative); }
  .spark path { fill: none; stroke-width: 1.8; stroke-linejoin: round; stroke-linecap: round; }
  .spark-cell { padding-block: 2px; }
  .trend svg { display: block; max-width: 100%; height: auto; }
  .trend rect { transition: opacity 0.15s; }
  .trend rect.dim { opacity: 0.25; }
  .axis { stroke: var(--_border); }
  .gapmark { fill: none; stroke: var(--_muted); stroke-width: 1.5; stroke-dasharray: 2 2; }
  .gapdot {
    display: inline-block;
    width: 9px;
    height: 9px;
    border-radius: 50%;
    border: 1.5px dashed var(--_muted);
    margin-inline-end: 6px;
    vertical-align: -1px;
  }
`;
