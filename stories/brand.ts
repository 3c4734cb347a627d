import { html, type TemplateResult } from 'lit';

/**
 * An agency's white label, set only through the public `--kpi-*` tokens and
 * `::part` selectors: no fork, no access to the shadow DOM.
 */
export const BRAND_CSS = `
  .brand-aurora > * {
    --kpi-font: Georgia, 'Times New Roman', serif;
    --kpi-color-accent: light-dark(#0f766e, #5fd4c4);
    --kpi-color-surface: light-dark(#fbfaf7, #10201f);
    --kpi-color-surface-2: light-dark(#f1eee6, #18302e);
    --kpi-color-border: light-dark(#d9d2c3, #2c4a47);
    --kpi-color-text: light-dark(#1f2a2a, #e9f2f0);
    --kpi-color-muted: light-dark(#5b6663, #a9bcb8);
    --kpi-color-negative: light-dark(#b42318, #ff8a80);
    --kpi-color-positive: light-dark(#0f6e46, #6fe0ae);
    --kpi-heat-low: light-dark(#ecf7f5, #14302d);
    --kpi-heat-high: light-dark(#0f5e58, #7fe0d2);
    --kpi-series-1: light-dark(#0f766e, #5fd4c4); --kpi-series-2: light-dark(#b45309, #f5a35c);
    --kpi-series-3: light-dark(#6d28d9, #b69cf5); --kpi-series-4: light-dark(#be185d, #f08cbc);
    --kpi-radius: 2px;
  }
  .brand-aurora > *::part(title) { text-transform: uppercase; letter-spacing: 0.08em; font-size: 1rem; }
  .brand-aurora > *::part(base) { box-shadow: 0 1px 0 #d9d2c3, 0 8px 24px rgb(15 118 110 / 0.08); }
`;

/** Wraps a widget in the agency brand. */
export function branded(widget: TemplateResult): TemplateResult {
  return html`<style>${BRAND_CSS}</style><div class="brand-aurora">${widget}</div>`;
}
