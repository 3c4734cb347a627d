import { html } from 'lit';
import { KpiElement } from '../../../src/core/kpi-element.js';
import { SizeController } from '../../../src/core/size-controller.js';
import { defineOnce } from '../../../src/core/define.js';
import { formatInteger } from '../../../src/format/index.js';
import { widgetStrings } from '../../../src/i18n/index.js';
import { funnelSchema, type FunnelDoc } from '../../../src/schema/funnel.js';

/** A test-only widget: the smallest KpiElement, to test the base through. */
export class KpiTestElement extends KpiElement<'funnel'> {
  static override schema = funnelSchema;
  static override strings = widgetStrings('test', { name: 'Test widget' });
  protected readonly kind = 'funnel' as const;
  readonly size = new SizeController(this);
  renders = 0;

  protected isEmpty(doc: FunnelDoc): boolean {
    return doc.steps.every((s) => s.count === null);
  }

  protected renderReady(doc: FunnelDoc) {
    this.renders++;
    return html`<ol part="chart">
      ${doc.steps.map((s) => {
        const pick = () => this.select({ type: 'step', id: s.id });
        return html`<li>
          <button type="button" data-id=${s.id} @click=${pick}>${s.label}: ${formatInteger(this.loc, s.count)}</button>
        </li>`;
      })}
    </ol>`;
  }
}

defineOnce('kpi-test-element', KpiTestElement);

declare global {
  interface HTMLElementTagNameMap {
    'kpi-test-element': KpiTestElement;
  }
}
