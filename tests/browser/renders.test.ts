// How often a widget draws (issue #39, the funnel's first render): a document is drawn once, not once more when
// the insights' code arrives or when the height its own content gives it is observed. The first test must run first
// in its page: the insights' code must not be here already.
import { expect, fixture, html } from '@open-wc/testing';
import './helpers/test-element.js';
import type { KpiTestElement } from './helpers/test-element.js';
import { loadFixture, untilState } from './helpers/util.js';
import '../../components/funnel/define.js';
import type { KpiFunnel } from '../../components/funnel/kpi-funnel.js';
import type { FunnelDoc } from '../../src/index.js';

/** Two animation frames: a ResizeObserver's callback and the frame it defers its render to have run. */
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** The `state` attribute's values from now on (at each change). */
function states(el: HTMLElement): string[] {
  const seen: string[] = [];
  const note = () => seen.at(-1) !== el.getAttribute('state') && seen.push(el.getAttribute('state') ?? '');
  new MutationObserver(note).observe(el, { attributes: true, attributeFilter: ['state'] });
  return seen;
}

/** Counts the element's updates from now on. */
function countUpdates(element: HTMLElement): () => number {
  // updated() is protected: reached as any page script would.
  const el = element as unknown as { updated(changed: unknown): void };
  let n = 0;
  const updated = el.updated.bind(el);
  el.updated = (changed) => {
    n++;
    updated(changed);
  };
  return () => n;
}

describe('A document is drawn once', () => {
  it('a document set before it connects is drawn once, with its insights (loading until they can be)', async () => {
    const el = document.createElement('kpi-test-element');
    el.setAttribute('locale', 'en');
    el.data = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
    const seen = states(el);
    await fixture(el);
    await untilState(el, 'ready');
    await frames();
    await el.updateComplete;
    expect(el.renders, 'renders of the ready state').to.equal(1);
    expect(el.shadowRoot!.querySelector('[part~="insights"]'), 'its insights, in that one render').to.not.equal(null);
    expect(seen, 'states').to.deep.equal(['loading', 'ready']);
  });

  it('a height the content gives the widget draws nothing again; a width it reads does', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element locale="en"></kpi-test-element>`);
    el.data = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
    await untilState(el, 'ready');
    await frames();
    const before = el.renders;
    el.style.display = 'block';
    el.style.paddingBottom = '300px'; // the host's content box is as wide, and taller
    el.style.height = '900px';
    await frames();
    await el.updateComplete;
    expect(el.renders, 'after a height change').to.equal(before);
    el.style.width = '300px';
    await frames();
    await el.updateComplete;
    expect(el.renders, 'after a width change').to.equal(before + 1);
    expect(el.size.width).to.equal(300);
  });

  it('<kpi-funnel> draws a document once, and again only when its width changes its layout', async () => {
    const doc = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 1000px"><kpi-funnel orientation="vertical" locale="pt-BR"></kpi-funnel></div>`,
    );
    const el = wrap.firstElementChild as KpiFunnel;
    await el.updateComplete; // its language is here
    await frames();
    const updates = countUpdates(el);
    el.data = doc;
    await untilState(el, 'ready');
    await frames();
    await el.updateComplete;
    expect(updates(), 'updates for the document').to.equal(1);
    expect(el.shadowRoot!.querySelector('.chart.vertical'), 'columns at 1000 px').to.not.equal(null);
    wrap.style.width = '700px'; // still wide enough for columns
    await frames();
    await el.updateComplete;
    expect(updates(), 'updates after a width that keeps the columns').to.equal(1);
    wrap.style.width = '320px'; // too narrow: drawn horizontally
    await frames();
    await el.updateComplete;
    expect(updates(), 'updates after a width that turns the columns into rows').to.equal(2);
    expect(el.shadowRoot!.querySelector('.chart.vertical'), 'no vertical chart at 320 px').to.equal(null);
  });
});
