import { html, type TemplateResult } from 'lit';

/**
 * An agency's white label, set only through the public `--kpi-*` tokens and
 * `::part` selectors: no fork, no access to the shadow DOM.
 */
export const BRAND_CSS = `
  .brand-aurora > * {
    --kpi-font: Georgia, 'Times New Roman', serif;
    --kpi-color-accent: #0f766e;
    --kpi-color-surface: #fbfaf7;
    --kpi-color-surface-2: #f1eee6;
    --kpi-color-border: #d9d2c3;
    --kpi-color-text: #1f2a2a;
    --kpi-color-negative: #b42318;
    --kpi-heat-low: #ecf7f5;
    --kpi-heat-high: #0f5e58;
    --kpi-series-1: #0f766e; --kpi-series-2: #b45309; --kpi-series-3: #6d28d9; --kpi-series-4: #be185d;
    --kpi-radius: 2px;
  }
  .brand-aurora > *::part(title) { text-transform: uppercase; letter-spacing: 0.08em; font-size: 1rem; }
  .brand-aurora > *::part(base) { box-shadow: 0 1px 0 #d9d2c3, 0 8px 24px rgb(15 118 110 / 0.08); }
`;

/** Wraps a widget in the agency brand. */
export function branded(widget: TemplateResult): TemplateResult {
  return html`<style>${BRAND_CSS}</style><div class="brand-aurora">${widget}</div>`;
}
