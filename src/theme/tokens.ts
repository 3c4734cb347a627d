import { css } from 'lit';

/**
 * The design tokens. Every widget reads the public `--kpi-*` custom properties
 * with built-in fallbacks, so it looks right with no page CSS, and maps them to
 * private `--_*` properties used by its own styles.
 *
 * | token | what it sets |
 * | --- | --- |
 * | `--kpi-font` | font family |
 * | `--kpi-font-size` | base font size (default `0.875rem`: 14 px, and it follows the reader's font size) |
 * | `--kpi-color-text` | main text |
 * | `--kpi-color-muted` | secondary text |
 * | `--kpi-color-surface` | widget background |
 * | `--kpi-color-surface-2` | raised areas: table headers, tooltips |
 * | `--kpi-color-border` | borders and grid lines |
 * | `--kpi-color-accent` | primary bars, focus ring, selection |
 * | `--kpi-color-positive` / `--kpi-color-negative` / `--kpi-color-warning` | good / bad / at risk |
 * | `--kpi-series-1` … `--kpi-series-8` | categorical colours (segments, channels) |
 * | `--kpi-heat-low` / `--kpi-heat-high` | ends of the heat scale |
 * | `--kpi-radius` | corner radius of the card; every smaller corner (bars, controls, tooltips, pills) follows it, so
 * `0` squares them all |
 * | `--kpi-space` | base spacing unit |
 * | `--kpi-loading-height` | height reserved while loading |
 *
 * Light and dark values are picked with `light-dark()`, following `color-scheme`, which the
 * widget inherits from its page: a page that declares `color-scheme: light dark` gets widgets
 * that follow the OS, a light-only page (no declaration, or `only light`) keeps them light;
 * the widget's `theme` attribute forces one.
 */
export const tokens = css`
  :host {
    --_font: var(--kpi-font, system-ui, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size: var(--kpi-font-size, 0.875rem);
    --_text: var(--kpi-color-text, light-dark(#1b2230, #e7ebf3));
    --_muted: var(--kpi-color-muted, light-dark(#5a6475, #a3adbf));
    --_surface: var(--kpi-color-surface, light-dark(#fff, #151a23));
    --_surface-2: var(--kpi-color-surface-2, light-dark(#f3f5f8, #1f2633));
    --_border: var(--kpi-color-border, light-dark(#dde2ea, #323b4c));
    --_accent: var(--kpi-color-accent, light-dark(#2f5bea, #7d9cff));
    --_positive: var(--kpi-color-positive, light-dark(#13795b, #4cc79a));
    --_negative: var(--kpi-color-negative, light-dark(#c0362c, #ff7b70));
    --_warning: var(--kpi-color-warning, light-dark(#a35b00, #f0a742));
    --_s1: var(--kpi-series-1, light-dark(#2f5bea, #7d9cff));
    --_s2: var(--kpi-series-2, light-dark(#e0702b, #f39a5c));
    --_s3: var(--kpi-series-3, light-dark(#16917a, #4cc7ad));
    --_s4: var(--kpi-series-4, light-dark(#c0458a, #ec7fbd));
    --_s5: var(--kpi-series-5, light-dark(#7a56d6, #a88cf0));
    --_s6: var(--kpi-series-6, light-dark(#8a7a12, #d1bf4f));
    --_s7: var(--kpi-series-7, light-dark(#2f8fc9, #6cc0ef));
    --_s8: var(--kpi-series-8, light-dark(#8c5a3c, #c99a78));
    --_heat-low: var(--kpi-heat-low, light-dark(#eef3ff, #1c2536));
    --_heat-high: var(--kpi-heat-high, light-dark(#1d3fb8, #8fb0ff));
    --_radius: var(--kpi-radius, 10px);
    /* Smaller corners follow it: marks and controls are never rounder than the card, and square with it. */
    --_r-s: min(var(--_radius), 3px);
    --_r-m: min(var(--_radius), 6px);
    --_r-pill: calc(var(--_radius) * 99);
    --_space: var(--kpi-space, 8px);
    --_focus: var(--kpi-color-focus, var(--_accent));
  }
  :host([theme='light']) { color-scheme: light; }
  :host([theme='dark']) { color-scheme: dark; }
`;

/** Shared base styles: the card, header, status panels, focus ring, visually hidden text. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
    container-type: inline-size;
    min-width: 0;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  [part~='base'] {
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    min-width: 0;
    position: relative;
  }
  :host([state='loading']) [part~='base'] { min-height: var(--kpi-loading-height, 14rem); }
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    gap: 2px var(--_space);
    align-items: baseline;
    justify-content: space-between;
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .titles { min-width: 0; flex: 1 1 16rem; }
  [part~='title'] { font-size: 1.1em; font-weight: 650; margin: 0; overflow-wrap: anywhere; }
  [part~='subtitle'] { color: var(--_muted); font-size: 0.86em; margin: 2px 0 0; overflow-wrap: anywhere; }
  .meta { color: var(--_muted); font-size: 0.82em; margin: 4px 0 0; overflow-wrap: anywhere; }
  [part~='status'] {
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 1.5);
    font-size: 0.92em;
  }
  .status-error {
    border: 1px solid var(--_negative);
    background: color-mix(in srgb, var(--_negative) 8%, var(--_surface));
  }
  .status-error h2 { margin: 0 0 4px; font-size: 1em; color: var(--_negative); }
  .status-error ul { margin: 0; padding-left: 1.2em; }
  .status-error li { overflow-wrap: anywhere; }
  .status-error code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.95em;
    font-weight: 600;
  }
  .status-stale {
    border: 1px solid var(--_warning);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
    margin-bottom: var(--_space);
  }
  .status-empty { color: var(--_muted); text-align: center; padding: calc(var(--_space) * 4) var(--_space); }
  .status-loading { display: grid; gap: var(--_space); }
  .skeleton {
    height: 1.1rem;
    border-radius: var(--_r-m);
    background: linear-gradient(90deg, var(--_surface-2), var(--_border), var(--_surface-2));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .skeleton:nth-child(2) { width: 80%; } .skeleton:nth-child(3) { width: 62%; } .skeleton:nth-child(4) { width: 45%; }
  @keyframes shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
  @media (prefers-reduced-motion: reduce) { .skeleton { animation: none; } }
  /* The shared vocabulary of the widgets' templates: section headings, chart tick labels, "no data". */
  .section { font-size: 0.95em; font-weight: 650; margin: 0 0 var(--_space); }
  .tick {
    fill: var(--_muted);
    font-size: 0.8em;
    /* SizeController.tick reads this factor */ font-family: var(--_font);
  }
  .nodata { color: var(--_muted); font-style: italic; }
  .sr-only {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  button { font: inherit; color: inherit; background: transparent; }
  .seg-toggle {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_r-pill);
    padding: 2px;
    background: var(--_surface-2);
  }
  .seg-toggle button {
    border: 0;
    background: transparent;
    padding: 3px 10px;
    border-radius: var(--_r-pill);
    cursor: pointer;
    color: var(--_muted);
    font-size: 0.86em;
    white-space: nowrap;
  }
  .seg-toggle button[aria-pressed='true'] {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.15);
    font-weight: 600;
  }
  select {
    font: inherit;
    font-size: 0.9em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_r-m);
    padding: 3px 6px;
    max-width: 100%;
    min-width: 0;
    text-overflow: ellipsis;
  }
  /* Controls shrink with the widget: a 200-character option or label never widens it. */
  .controls { min-width: 0; max-width: 100%; }
  .controls label { min-width: 0; max-width: 100%; flex-wrap: wrap; }
  h2, h3, h4, p, li { overflow-wrap: anywhere; }
  /* The export menu's button ends the header's last line, so its choices open leftwards inside the widget. */
  .export { margin-inline-start: auto; }
  /* Forced colours (Windows high contrast) drop every background: a data mark (class "mark") keeps a
     fill in the text colour, split from its neighbours by the canvas colour, and the pressed option
     of a toggle takes the selection colours. */
  @media (forced-colors: active) {
    .mark { forced-color-adjust: none; background: CanvasText !important; border-color: Canvas; }
    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight !important;
      color: HighlightText !important;
    }
  }
`;
