import { css } from 'lit';

export const checkoutStyles = css`
  [part~='base'] { --_loss: var(--kpi-checkout-loss-color, var(--_negative)); }
  .controls { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: center; }
  .controls label { display: inline-flex; gap: 6px; align-items: center; color: var(--_muted); font-size: 0.86em; }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 4);
    margin-bottom: calc(var(--_space) * 2);
  }
  .kpi { display: grid; min-width: 0; }
  .kpi-label {
    overflow-wrap: anywhere;
    color: var(--_muted);
    font-size: 0.8em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-weight: 600;
  }
  .kpi-value { font-size: 1.75em; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
  .kpi-sub { color: var(--_muted); font-size: 0.82em; overflow-wrap: anywhere; }
  .section-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
  .section-row .section { margin: 0; }
  .flow {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 2.5);
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12.5rem), 1fr));
    gap: var(--_space);
    counter-reset: step;
  }
  .flow-item { display: flex; min-width: 0; }
  .step {
    display: grid;
    gap: 6px;
    align-content: start;
    width: 100%;
    text-align: start;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 10px 12px;
    cursor: pointer;
  }
  .step:hover { background: var(--_surface-2); }
  .step.top { border-color: var(--_loss); box-shadow: inset 0 3px 0 var(--_loss); }
  .step-top { display: flex; gap: 6px; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
  .step-label { font-weight: 650; overflow-wrap: anywhere; min-width: 0; }
  .badge {
    font-size: 0.72em;
    font-weight: 700;
    padding: 1px 7px;
    border-radius: var(--_r-pill);
    background: var(--_loss);
    color: var(--_surface);
    white-space: nowrap;
  }
  .rate-line { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
  .rate { font-size: 1.4em; font-weight: 700; font-variant-numeric: tabular-nums; }
  [part~='delta'] { font-size: 0.8em; font-weight: 600; }
  .worse { color: var(--_negative); } .better { color: var(--_positive); } .neutral { color: var(--_muted); }
  .bar-track {
    display: block;
    height: 8px;
    border-radius: var(--_r-s);
    background: var(--_surface-2);
    overflow: hidden;
  }
  .bar-track.thin { height: 6px; }
  .bar-loss { display: block; height: 100%; background: var(--_loss); border-radius: var(--_r-s); }
  .bar-cause { display: block; height: 100%; background: var(--_accent); border-radius: var(--_r-s); }
  .facts { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 0.8em; color: var(--_muted); }
  .facts b, .risk b { color: var(--_text); font-variant-numeric: tabular-nums; }
  .risk { font-size: 0.86em; color: var(--_muted); }
  .over { font-size: 0.76em; color: var(--_warning); border-top: 1px dashed var(--_border); padding-top: 4px; }
  .lower { display: grid; grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr); gap: calc(var(--_space) * 3); }
  .map-scroll {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
  }
  .map {
    border-collapse: separate;
    border-spacing: 2px;
    font-size: 0.84em;
    font-variant-numeric: tabular-nums;
    width: 100%;
  }
  .map th { color: var(--_muted); font-weight: 600; text-align: start; padding: 4px 6px; white-space: nowrap; }
  .map thead th { text-align: center; font-size: 0.92em; }
  .map tbody th {
    color: var(--_text);
    position: sticky;
    left: 0;
    background: var(--_surface);
    white-space: normal;
    min-width: 6rem;
  }
  .map td { text-align: center; padding: 6px; min-width: 3.2rem; border-radius: var(--_r-s); cursor: pointer; }
  .map td.empty { background: transparent; border: 1px dashed var(--_border); cursor: default; }
  .map td:focus-visible { outline: 2px solid var(--_text); outline-offset: 1px; }
  .cell-detail { min-height: 3.2em; font-size: 0.84em; margin-top: var(--_space); overflow-wrap: anywhere; }
  .cell-detail ul { list-style: none; margin: 4px 0 0; padding: 0; display: grid; gap: 2px; }
  .cell-detail li { display: flex; justify-content: space-between; gap: 12px; }
  .causes { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
  .cause {
    display: grid;
    gap: 3px;
    width: 100%;
    text-align: start;
    border: 0;
    border-radius: var(--_r-m);
    background: transparent;
    padding: 5px 6px;
    cursor: pointer;
  }
  .cause:hover { background: var(--_surface-2); }
  .cause-head { display: flex; justify-content: space-between; gap: 10px; align-items: baseline; }
  .cause-label { font-weight: 600; overflow-wrap: anywhere; min-width: 0; }
  .cause-value { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .cause-sub { font-size: 0.78em; color: var(--_muted); }
  /* The map and the causes side by side only where the map's every category column fits beside the list. */
  @container (max-width: 1199px) {
    .lower { grid-template-columns: minmax(0, 1fr); }
  }
`;
