// The insights' code loads when a widget connects (issue #39), so a document that comes later is drawn at once.
// Alone in its page: the code must not be here before the widget connects.
import { expect, fixture, html } from '@open-wc/testing';
import './helpers/test-element.js';
import type { KpiTestElement } from './helpers/test-element.js';
import { loadFixture } from './helpers/util.js';
import type { FunnelDoc } from '../../src/index.js';

/** The `state` attribute's values from now on (at each change). */
function states(el: HTMLElement): string[] {
  const seen: string[] = [];
  const note = () => seen.at(-1) !== el.getAttribute('state') && seen.push(el.getAttribute('state') ?? '');
  new MutationObserver(note).observe(el, { attributes: true, attributeFilter: ['state'] });
  return seen;
}

describe('The insights load early', () => {
  it("loads the insights' code when it connects, so a document that comes later is ready at once", async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element locale="en"></kpi-test-element>`);
    // The module the widget started loading when it connected, with no document.
    await import('../../src/lazy/insights.js');
    await new Promise((r) => requestAnimationFrame(r));
    const seen = states(el);
    el.data = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
    await el.updateComplete;
    expect(seen, 'states after the document').to.deep.equal(['ready']);
    expect(el.renders).to.equal(1);
  });
});
