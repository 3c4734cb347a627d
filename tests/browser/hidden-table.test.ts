// The data table a chart hides for screen readers (hiddenTable in src/core/parts.ts): DOM built with textContent (no
// Lit binding per cell), one element per place it is drawn in, its texts synced in place when the view changes (only
// the texts that differ), and labels as text, never markup.
import { expect } from '@open-wc/testing';
import '../../components/funnel/define.js';
import '../../components/forecast/define.js';
import type { KpiFunnel } from '../../components/funnel/kpi-funnel.js';
import type { KpiForecast } from '../../components/forecast/kpi-forecast.js';
import type { FunnelDoc, ForecastDoc } from '../../src/index.js';
import { hiddenTablesFilled } from '../../src/core/parts.js';
import { clone, loadFixture, mountWidget, untilState } from './helpers/util.js';

let fulfilment: FunnelDoc;
let daily: ForecastDoc;
before(async () => {
  fulfilment = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
  daily = await loadFixture<ForecastDoc>('forecast.daily-revenue.json');
});

const table = (el: KpiFunnel) => el.shadowRoot!.querySelector<HTMLTableElement>('.sr-only > table[part~="table"]')!;
const texts = (nodes: Iterable<Element>) => [...nodes].map((n) => n.textContent);
/** Sets a document and waits until the widget has drawn it. */
async function show(el: KpiFunnel, doc: FunnelDoc): Promise<void> {
  el.data = doc;
  await el.updateComplete;
  await untilState(el, 'ready');
  await el.updateComplete;
}

/** A forecast of the daily series (hundreds of periods, a table row each), ready, for `run`; removed after. */
async function withDaily(run: (el: KpiForecast) => Promise<void>): Promise<void> {
  const el = document.createElement('kpi-forecast') as KpiForecast;
  document.body.append(el);
  try {
    el.data = daily;
    await untilState(el, 'ready');
    await run(el);
  } finally {
    el.remove();
  }
}

describe('the hidden data table', () => {
  it('holds a caption, a header row and a row per step, the row headers scoped to their rows', async () => {
    const el = await mountWidget<KpiFunnel>('kpi-funnel', fulfilment);
    const t = table(el);
    expect(t.caption!.textContent).to.contain(fulfilment.title);
    expect(texts(t.tHead!.rows[0]!.cells)[0]).to.equal('Step');
    expect([...t.tHead!.rows[0]!.cells].every((c) => c.getAttribute('scope') === 'col')).to.equal(true);
    expect(t.tBodies[0]!.rows.length).to.equal(fulfilment.steps.length);
    const first = t.tBodies[0]!.rows[0]!;
    expect(first.cells[0]!.tagName).to.equal('TH');
    expect(first.cells[0]!.getAttribute('scope')).to.equal('row');
    expect(first.cells[0]!.textContent).to.equal(fulfilment.steps[0]!.label);
    // Plain DOM: no Lit marker (a comment per binding) anywhere in it, so no template part to create and keep.
    const markers = document.createTreeWalker(t, NodeFilter.SHOW_COMMENT);
    expect(markers.nextNode()).to.equal(null);
  });

  it('is one element, its texts synced in place: a render that changes nothing rewrites nothing', async () => {
    const el = await mountWidget<KpiFunnel>('kpi-funnel', fulfilment);
    const before = table(el);
    const firstCount = before.tBodies[0]!.rows[0]!.cells[1]!;
    const written: string[] = [];
    new MutationObserver((records) => records.forEach((r) => written.push(r.type))).observe(before, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    // A percent switch draws the chart again; the table shows both percentages, so nothing in it changes.
    el.setAttribute('percent-of', 'previous');
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(table(el)).to.equal(before);
    await Promise.resolve();
    expect(written).to.deep.equal([]);
    // New data: the same element, the changed count rewritten, the other cells kept.
    const changed = clone(fulfilment);
    changed.steps[0]!.count = 123456789;
    await show(el, changed);
    expect(table(el)).to.equal(before);
    expect(before.tBodies[0]!.rows[0]!.cells[1]).to.equal(firstCount);
    expect(firstCount.textContent).to.equal('123,456,789');
    // Fewer steps: rows removed at the end; more: added.
    const shorter = clone(changed);
    shorter.steps = shorter.steps.slice(0, 2);
    // The comparison and segments count the same steps: without them, a valid two-step funnel.
    delete shorter.comparison;
    delete shorter.segments;
    await show(el, shorter);
    expect(texts(table(el).tBodies[0]!.rows).length).to.equal(2);
    await show(el, fulfilment);
    expect(table(el).tBodies[0]!.rows.length).to.equal(fulfilment.steps.length);
    expect(el.shadowRoot!.querySelectorAll('.sr-only > table').length).to.equal(1);
  });

  it('follows the language: a locale change gives the table in that language', async () => {
    const el = await mountWidget<KpiFunnel>('kpi-funnel', fulfilment);
    el.setAttribute('locale', 'pt-BR');
    await untilState(el, 'ready');
    await el.updateComplete;
    expect(texts(table(el).tHead!.rows[0]!.cells)[0]).to.equal('Etapa');
  });

  it('shows a label as text: markup in a label is never parsed', async () => {
    const hostile = clone(fulfilment);
    hostile.steps[0]!.label = '<img src=x onerror="window.__pwned=1">Paid';
    const el = await mountWidget<KpiFunnel>('kpi-funnel', hostile);
    const t = table(el);
    expect(t.querySelector('img')).to.equal(null);
    expect(t.tBodies[0]!.rows[0]!.cells[0]!.textContent).to.equal(hostile.steps[0]!.label);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a long table gets its rows after the first paint, then follows every change at once', () =>
    withDaily(async (el) => {
      await el.updateComplete;
      const t = el.shadowRoot!.querySelector<HTMLTableElement>('.sr-only > table')!;
      // Drawn with the chart: the caption and the header row; the rows wait for the task after the next frame.
      expect(t.caption!.textContent).to.contain(daily.metric.label);
      expect(t.tHead!.rows[0]!.cells.length).to.be.greaterThan(2);
      expect(t.tBodies[0]?.rows.length ?? 0).to.equal(0);
      await hiddenTablesFilled();
      const rows = t.tBodies[0]!.rows;
      expect(rows.length).to.be.greaterThan(100);
      expect(rows[0]!.cells[0]!.textContent).to.match(/2018/);
      // Filled once, a change is synced at once (no second wait): the language of every header.
      el.setAttribute('locale', 'pt-BR');
      await untilState(el, 'ready');
      await el.updateComplete;
      expect(t.tHead!.rows[0]!.cells[0]!.textContent).to.equal('Período');
      expect(rows[0]!.cells[0]!.textContent).to.match(/2018/);
      expect(rows[0]!.cells[0]!.textContent).to.not.match(/^(Mon|Jan)/);
    }));

  it('a long table changed before its rows came shows the last view, once', () =>
    withDaily(async (el) => {
      const shorter = clone(daily);
      shorter.points = shorter.points.slice(0, 150);
      delete shorter.forecast;
      el.data = shorter;
      await el.updateComplete;
      await hiddenTablesFilled();
      const t = el.shadowRoot!.querySelector<HTMLTableElement>('.sr-only > table')!;
      const periods = texts([...t.tBodies[0]!.rows].map((r) => r.cells[0]!));
      expect(periods.length).to.be.within(150, 150 + 60);
      expect(new Set(periods).size).to.equal(periods.length);
    }));

  it("short tables (a funnel's steps) fill with the first paint: nothing to wait for", async () => {
    const el = await mountWidget<KpiFunnel>('kpi-funnel', fulfilment);
    expect(table(el).tBodies[0]!.rows.length).to.equal(fulfilment.steps.length);
  });
});
