import { css } from 'lit';

export const funnelStyles = css`
  :host {
    --_bar: var(--kpi-funnel-bar-color, var(--_accent));
    --_bar-lost: var(--kpi-funnel-lost-color, color-mix(in srgb, var(--_bar) 18%, var(--_surface)));
    --_track: var(--kpi-funnel-track-color, var(--_surface-2));
    --_bar-height: var(--kpi-funnel-bar-height, 14px);
    --_marker: var(--kpi-funnel-comparison-color, var(--_text));
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1) calc(var(--_space) * 3);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .kpi { display: grid; gap: 0; min-width: 0; }
  .kpi-label {
    overflow-wrap: anywhere;
    color: var(--_muted);
    font-size: 0.8em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-weight: 600;
  }
  .kpi-value {
    font-size: 1.75em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.15;
    letter-spacing: -0.01em;
  }
  .kpi-sub { color: var(--_muted); font-size: 0.82em; overflow-wrap: anywhere; }
  .controls { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: center; }
  .controls label { display: inline-flex; gap: 6px; align-items: center; color: var(--_muted); font-size: 0.86em; }

  [part~='delta'] { font-variant-numeric: tabular-nums; font-size: 0.8em; font-weight: 600; white-space: nowrap; }
  .better { color: var(--_positive); }
  .worse { color: var(--_negative); }
  .neutral { color: var(--_muted); }

  .chart { position: relative; }
  .steps { display: grid; gap: 0; }
  .step {
    display: grid; gap: 4px; width: 100%; text-align: start;
    border: 0; border-radius: var(--_r-m); background: transparent;
    padding: 6px 8px; margin: 0 -8px; width: calc(100% + 16px); cursor: pointer; color: inherit;
  }
  .step:hover, .step.active { background: var(--_surface-2); }
  .step-head { display: flex; gap: var(--_space); align-items: baseline; justify-content: space-between; min-width: 0; }
  [part~='label'] { font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
  .nums {
    display: inline-flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0 10px;
    align-items: baseline;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    min-width: 0;
  }
  .count { font-weight: 600; }
  .pct { color: var(--_muted); min-width: 3.5em; text-align: end; }
  .track {
    position: relative;
    display: block;
    height: var(--_bar-height);
    background: var(--_track);
    border-radius: var(--_r-s);
    overflow: visible;
  }
  .lost, [part~='bar'] { position: absolute; inset-block: 0; inset-inline-start: 0; border-radius: var(--_r-s); }
  /* What was lost since the previous step: hatched, on the bar and in the legend alike. */
  .lost, .swatch.lost-swatch {
    background: repeating-linear-gradient(135deg, var(--_bar-lost) 0 4px, transparent 4px 7px);
    border: 1px dashed color-mix(in srgb, var(--_bar) 35%, transparent);
  }
  [part~='bar'] { background: var(--_bar); }
  [part~='bar'].tiny { min-width: 3px; }
  .marker {
    position: absolute;
    top: -4px;
    bottom: -4px;
    width: 0;
    border-inline-start: 2px solid var(--_marker);
    opacity: 0.75;
    transform: translateX(-1px);
  }
  .marker::before {
    content: '';
    position: absolute;
    top: -1px;
    left: -4px;
    width: 6px;
    height: 2px;
    background: var(--_marker);
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    align-items: center;
    color: var(--_muted);
    font-size: 0.8em;
    padding: 2px 0 2px 14px;
    margin: 0 0 0 2px;
    border-inline-start: 2px solid var(--_border);
    font-variant-numeric: tabular-nums;
  }
  .drop.largest { color: var(--_negative); border-inline-start-color: var(--_negative); }
  .badge {
    display: inline-block;
    font-size: 0.92em;
    font-weight: 700;
    padding: 0 7px;
    border-radius: var(--_r-pill);
    background: var(--_negative);
    color: var(--_surface);
  }
  .rise { color: var(--_positive); }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    color: var(--_muted);
    font-size: 0.8em;
    margin-top: calc(var(--_space) * 1.5);
  }
  .legend span { display: inline-flex; gap: 6px; align-items: center; min-width: 0; overflow-wrap: anywhere; }
  .swatch { display: inline-block; width: 14px; height: 10px; border-radius: var(--_r-s); background: var(--_bar); }
  .swatch.marker-swatch { width: 2px; height: 14px; background: var(--_marker); border-radius: 0; }


  /* Vertical orientation: columns. */
  .vertical .steps { grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); gap: 6px; align-items: stretch; }
  .vertical .step {
    margin: 0;
    width: 100%;
    grid-template-rows: 1fr var(--kpi-funnel-column-height, 180px) 1.4em;
    align-items: end;
    text-align: center;
    padding: 6px 4px;
  }
  .vertical .step-head { flex-direction: column; align-items: center; gap: 0; }
  .vertical .track { height: 100%; width: 100%; max-width: 72px; margin: 0 auto; }
  .vertical .lost, .vertical [part~='bar'] { inset-block: auto 0; inset-inline: 0; width: 100%; }
  .vertical [part~='bar'].tiny { min-width: 0; min-height: 3px; }
  .vertical .marker {
    top: auto;
    left: -4px;
    right: -4px;
    bottom: auto;
    width: auto;
    height: 0;
    border-inline-start: 0;
    border-top: 2px solid var(--_marker);
    transform: translateY(1px);
  }
  .vertical .marker::before { display: none; }
  .vertical [part~='label'] { font-size: 0.86em; font-weight: 600; }
  .vertical .step-drop { font-size: 0.76em; color: var(--_muted); min-height: 1.2em; }
  .vertical .step-drop.largest { color: var(--_negative); font-weight: 700; }

  /* Small multiples. */
  .multiples {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: calc(var(--_space) * 1.5);
  }
  .multiple {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 10px 12px;
    min-width: 0;
  }
  .multiple h3 { margin: 0; font-size: 0.95em; overflow-wrap: anywhere; }
  .multiple .kpi-value { font-size: 1.3em; }
  .multiple .step { padding: 3px 6px; margin: 0 -6px; width: calc(100% + 12px); gap: 2px; }
  .multiple .step-head { font-size: 0.82em; }
  .multiple [part~='label'] { font-weight: 500; color: var(--_muted); }
  .multiple .track { height: 8px; }
  .nodata { font-weight: 400; }

  /* Compact variant for KPI strips. */
  :host([variant='compact']) [part~='base'] { padding: 10px 12px; }
  .compact { display: grid; gap: 4px; min-width: 0; }
  .compact-title {
    font-size: 0.82em;
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    margin: 0;
  }
  .compact-head { display: flex; gap: 8px; align-items: baseline; min-width: 0; }
  .compact-head .kpi-sub {
    flex: 1 1 auto;
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .compact .kpi-value { font-size: 1.6em; flex: none; }
  .compact-bars { display: grid; gap: 3px; margin-top: 2px; }
  .compact-bars .track { height: 6px; border-radius: var(--_r-s); }
  .compact-bars [part~='bar'] { border-radius: var(--_r-s); }

  .icon {
    width: 1em;
    height: 1em;
    vertical-align: -0.15em;
    margin-inline-end: 3px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
  }
  @container (max-width: 480px) {
    .chart:not(.vertical) .step-head { flex-direction: column; align-items: flex-start; gap: 0; }
    .nums { gap: 0 8px; justify-content: flex-start; }
    .chart:not(.vertical) .pct { min-width: 0; }
    .kpi-value { font-size: 1.45em; }
  }
`;
