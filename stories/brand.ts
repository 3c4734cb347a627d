import { html, type TemplateResult } from 'lit';
// The demo's agency brand (only public --kpi-* tokens and ::part), shared with the stories.
import BRAND_CSS from '../demo/brand.css?inline';

export { BRAND_CSS };

/** Wraps a widget in the agency brand: no fork, no access to the shadow DOM. */
export function branded(widget: TemplateResult): TemplateResult {
  return html`<style>${BRAND_CSS}</style><div class="brand-aurora">${widget}</div>`;
}

