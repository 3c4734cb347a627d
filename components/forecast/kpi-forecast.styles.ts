import { css } from 'lit';

export const forecastStyles = css`
  :host {
    --_actual: var(--kpi-forecast-actual, var(--_accent));
    --_forecast: var(--kpi-forecast-forecast, var(--_s2));
    --_target: var(--kpi-forecast-target, var(--_muted));
  }
  .better { color: var(--_positive); }
  .worse { color: var(--_negative); }
  .chart-wrap { margin: 0 0 var(--_space); }
  .plot { position: relative; border-radius: var(--_r-m); cursor: crosshair; touch-action: pan-y; }
  .plot:focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  .plot svg { display: block; max-width: 100%; height: auto; }
  .grid { stroke: var(--_border); }
  path, .pace { fill: none; stroke-linejoin: round; stroke-linecap: round; }
  .actual { stroke: var(--_actual); stroke-width: 2.25; }
  .forecast { stroke: var(--_forecast); stroke-width: 2.25; stroke-dasharray: 6 4; }
  .band { fill: var(--_forecast); fill-opacity: 0.16; stroke: none; }
  .target { stroke: var(--_target); stroke-width: 2; stroke-dasharray: 2 3; }
  .today { stroke: var(--_text); stroke-width: 1; stroke-dasharray: 3 3; opacity: 0.55; }
  .today-label { font-weight: 600; fill: var(--_text); }
  .pace { stroke: var(--_forecast); stroke-width: 1.5; stroke-dasharray: 2 2; }
  .sofar { fill: var(--_surface); stroke: var(--_actual); stroke-width: 2; }
  .projected { fill: var(--_forecast); stroke: var(--_surface); stroke-width: 1.5; }
  .cursor { stroke: var(--_muted); stroke-width: 1; }
  .dot { fill: var(--_actual); stroke: var(--_surface); stroke-width: 2; }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin: 6px 0 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .legend > * { display: inline-flex; align-items: center; gap: 6px; }
  .key { display: inline-block; width: 18px; height: 0; border-top: 2.5px solid var(--_actual); }
  .target-key { border-top: 2.5px dotted var(--_target); }
  .forecast-key { border-top: 2.5px dashed var(--_forecast); }
  .sofar-key, .projected-key {
    width: 9px;
    height: 9px;
    border: 2px solid var(--_actual);
    border-radius: 50%;
    background: var(--_surface);
  }
  .projected-key { border-color: var(--_forecast); background: var(--_forecast); }
  .tooltip { top: 0; inset-inline-start: auto; }
  details dl { display: grid; grid-template-columns: auto auto; justify-content: start; gap: 2px 12px; margin: 0; }
  details dt { color: var(--_muted); }
  details dd { margin: 0; font-variant-numeric: tabular-nums; }
  .model { font-size: 0.86em; margin: 0 0 calc(var(--_space) * 2); }
  .model p { margin: 0 0 2px; }
  .note { color: var(--_muted); font-size: 0.9em; }
  summary { cursor: pointer; color: var(--_muted); width: fit-content; }
  .pipeline { margin-bottom: var(--_space); }
  .pl-bar {
    position: relative;
    display: flex;
    height: 18px;
    border-radius: var(--_r-m);
    background: var(--_surface-2);
    margin: 0 0 var(--_space);
  }
  .pl-seg { height: 100%; border-inline-end: 1px solid var(--_surface); }
  .pl-seg:first-child { border-radius: var(--_r-m) 0 0 var(--_r-m); }
  .pl-closed { background: var(--_actual); }
  .pl-commit { background: var(--_forecast); }
  .pl-bestCase { background: color-mix(in oklab, var(--_forecast) 55%, var(--_surface)); }
  .pl-open { background: color-mix(in oklab, var(--_muted) 35%, var(--_surface)); }
  .pl-quota { position: absolute; top: -4px; bottom: -4px; width: 0; border-inline-start: 2px solid var(--_text); }
  .pl-legend { color: var(--_text); font-size: 0.86em; }
  .pl-legend .key { width: 10px; height: 10px; border: 0; border-radius: var(--_r-s); }
  .hl { fill: color-mix(in srgb, var(--_focus) 14%, transparent); stroke: var(--_focus); outline: 0; }
  @media (forced-colors: active) {
    .hl { fill: none; stroke: Highlight; stroke-width: 2; }
    .actual, .dot { stroke: CanvasText; }
    .forecast, .pace { stroke: Highlight; }
    .target, .today { stroke: GrayText; }
    .band { fill: Highlight; }
    .pl-seg, .key, .pl-legend .key { forced-color-adjust: none; border: 1px solid CanvasText; }
  }
`;
