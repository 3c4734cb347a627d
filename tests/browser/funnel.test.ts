import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/funnel/define.js';
import type { KpiFunnel } from '../../components/funnel/kpi-funnel.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { FunnelDoc } from '../../src/index.js';
import {
  assertNoBadText,
  clone,
  loadFixture,
  shadowText,
  untilState,
  visibleText,
  mountWidget,
} from './helpers/util.js';

let fulfilment: FunnelDoc;
let fulfilmentPt: FunnelDoc;
let leads: FunnelDoc;
before(async () => {
  [fulfilment, fulfilmentPt, leads] = await Promise.all([
    loadFixture<FunnelDoc>('funnel.fulfilment.json'),
    loadFixture<FunnelDoc>('funnel.fulfilment.pt-BR.json'),
    loadFixture<FunnelDoc>('funnel.leads.json'),
  ]);
});

const $ = (el: KpiFunnel, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: KpiFunnel, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
/** The step buttons of the chart (its rows). */
const rows = (el: KpiFunnel) => $$(el, '[part~="chart"] [part~="row"]');
/** A step's conversion as a sighted reader sees it: the percentage in its visible text. */
const pct = (row: HTMLElement) => visibleText(row).match(/[\d.,]+%/)![0];
/** What a step's percentage is of, as a screen reader hears it after the figure (issue #40). */
const description = (_el: KpiFunnel, row: HTMLElement) => row.querySelector('.pct .sr-only')!.textContent!.trim();
/** A group of buttons by its accessible name. */
const group = (el: KpiFunnel, name: string) => $(el, `[role="group"][aria-label="${name}"]`);
/** The headline numbers: the values outside the chart. */
const headline = (el: KpiFunnel) => $$(el, '[part~="value"]').filter((v) => !v.closest('[part~="chart"]'));
/** Whether the chart's bars run up (columns) rather than across. */
const vertical = (el: KpiFunnel) => {
  const b = $$(el, '[part~="bar"]')[0]!.getBoundingClientRect();
  return b.height > b.width;
};
const tableRows = (el: KpiFunnel) =>
  $$(el, 'table tbody tr').map((r) => [...r.children].map((c) => c.textContent!.trim()));

const mount = (doc: unknown, attrs = '', width = 900) => mountWidget<KpiFunnel>('kpi-funnel', doc, attrs, width);

describe('<kpi-funnel>', () => {
  it('renders one bar per step with label, count and % of first', async () => {
    const el = await mount(fulfilment);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(rows(el).length).to.equal(5);
    expect(rows(el)[4]!.textContent).to.contain('Reviewed 4 or 5 stars');
    expect(rows(el)[4]!.textContent).to.contain('6,504');
    expect(rows(el)[4]!.textContent).to.contain('75.1%');
    expect($$(el, '[part~="bar"]').length).to.equal(5);
    assertNoBadText(el);
    await expect(el).to.be.accessible();
  });

  it('switches to % of previous step with the attribute and the toggle', async () => {
    const el = await mount(fulfilment, 'percent-of="previous"');
    expect(pct(rows(el)[4]!)).to.equal('76.8%');
    expect(rows(el).map((r) => description(el, r))).to.deep.equal(Array(5).fill('of the previous step'));
    const [first] = [...group(el, 'Conversion base')!.querySelectorAll('button')];
    first!.click();
    await el.updateComplete;
    expect(el.percentOf).to.equal('first');
    expect(el.getAttribute('percent-of')).to.equal('first');
    expect(pct(rows(el)[4]!)).to.equal('75.1%');
    expect(description(el, rows(el)[4]!)).to.equal('of the first step');
    expect(first!.getAttribute('aria-pressed')).to.equal('true');
    // Small multiples: every step of every segment is described by the base, and follows the switch.
    el.multiples = true;
    await el.updateComplete;
    expect(rows(el).length).to.be.greaterThan(5);
    expect(new Set(rows(el).map((r) => description(el, r)))).to.deep.equal(new Set(['of the first step']));
    el.percentOf = 'previous';
    await el.updateComplete;
    expect(new Set(rows(el).map((r) => description(el, r)))).to.deep.equal(new Set(['of the previous step']));
    await expect(el).to.be.accessible();
  });

  it('shows drop-off, median time and marks the largest drop', async () => {
    const el = await mount(fulfilment);
    const drops = $$(el, '[part~="drop"]');
    expect(drops.length).to.equal(4);
    expect(drops[0]!.textContent).to.contain('2 lost (0.02%)');
    expect(drops[0]!.textContent).to.contain('median 24 min');
    const largest = drops.filter((d) => d.textContent!.includes('Largest drop'));
    expect(largest.length).to.equal(1);
    expect(largest[0]!.textContent).to.contain('1,969 lost (23.2%)');
  });

  it('headline: overall conversion and revenue of the last step', async () => {
    const el = await mount(leads);
    const kpis = headline(el).map((k) => k.textContent!.trim());
    expect(kpis).to.deep.equal(['10.5%', 'R$61.8M']);
  });

  it('comparison: a marker per step and changes coloured by direction', async () => {
    const el = await mount(fulfilment);
    expect($$(el, '[part~="marker"]').length).to.equal(5);
    const deltas = $$(el, '[part~="row"] [part~="delta"]');
    expect(visibleText(deltas[0]!)).to.equal('+39.5%');
    expect(deltas[0]!.className).to.equal('better');
    expect(visibleText(deltas[4]!)).to.equal('-1 p.p.');
    // What the change is, said once per step; the comparison itself is named once, in the summary.
    expect(deltas[4]!.textContent).to.contain('in conversion against the comparison');
    expect(deltas[0]!.textContent).to.contain('in count against the comparison');
    expect(deltas[4]!.className).to.equal('worse');
    expect(shadowText(el)).to.contain('Previous 181 days');
  });

  it('segments: the selector shows one segment, and small multiples side by side', async () => {
    const el = await mount(fulfilment);
    const select = $(el, 'select') as HTMLSelectElement;
    const choose = async (text: string) => {
      select.value = [...select.options].find((o) => o.text === text)!.value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose('Northeast');
    expect(el.segment).to.equal('northeast');
    expect(shadowText(el)).to.contain('Overall conversion · Northeast');
    expect($$(el, '[part~="marker"]').length).to.equal(0);
    await choose('Compare segments');
    expect(el.multiples).to.equal(true);
    const sections = $$(el, '[part~="chart"] section[aria-label]');
    expect(sections.map((x) => x.getAttribute('aria-label'))).to.deep.equal(fulfilment.segments!.map((x) => x.label));
    await expect(el).to.be.accessible();
  });

  it('a step a segment lacks is "no data", not zero', async () => {
    const doc = clone(fulfilment);
    doc.segments![0]!.steps = doc.segments![0]!.steps.filter((s) => s.id !== 'delivered');
    const el = await mount(doc, `segment="${doc.segments![0]!.id}"`);
    const row = rows(el)[3]!;
    expect(row.textContent).to.contain('no data');
    expect(row.querySelector('[part~="bar"]')).to.equal(null);
    expect(tableRows(el)[3]![1]).to.equal('no data');
    assertNoBadText(el);
  });

  it('tiny steps stay visible, and log scale makes them readable', async () => {
    const doc = {
      kind: 'funnel',
      version: 1,
      steps: [
        { id: 'a', label: 'Visits', count: 2_000_000 },
        { id: 'b', label: 'Signups', count: 150 },
      ],
    };
    const el = await mount(doc);
    const bar = $$(el, '[part~="bar"]')[1]!;
    expect(bar.getBoundingClientRect().width).to.be.at.least(3);
    expect(rows(el)[1]!.textContent).to.contain('150');
    el.scale = 'log';
    await el.updateComplete;
    expect($$(el, '[part~="bar"]')[1]!.getBoundingClientRect().width).to.be.greaterThan(200);
  });

  it('rising counts draw without a negative drop-off', async () => {
    const doc = {
      kind: 'funnel',
      version: 1,
      steps: [
        { id: 'a', label: 'A', count: 100 },
        { id: 'b', label: 'B', count: 160 },
        { id: 'c', label: 'C', count: 40 },
      ],
    };
    const el = await mount(doc);
    const drops = $$(el, '[part~="drop"]');
    expect(drops[0]!.textContent).to.contain('60 gained');
    expect(drops[0]!.textContent).not.to.contain('-');
    expect(drops[1]!.textContent).to.contain('120 lost (75%)');
    assertNoBadText(el);
  });

  it('tooltip on focus with all the numbers; arrows move; Enter fires kpi-select', async () => {
    const el = await mount(fulfilment);
    rows(el)[0]!.focus();
    await el.updateComplete;
    expect($(el, '[role="tooltip"]')!.textContent).to.contain('Order placed');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[1]);
    const tip = $(el, '[role="tooltip"]')!.textContent!;
    expect(tip).to.contain('Payment approved');
    expect(tip).to.contain('% of previous step');
    expect(tip).to.contain('Previous 181 days');
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[4]);
    expect(rows(el)[4]!.tabIndex).to.equal(0);
    expect(rows(el)[0]!.tabIndex).to.equal(-1);
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail).to.deep.equal({ type: 'step', id: 'reviewed_positive' });
  });

  // Tab from the selector, past Export, lands on a step.
  it('keyboard: the steps keep one tab stop when the segment changes', async () => {
    const el = await mount(fulfilment);
    rows(el)[2]!.focus();
    const select = $(el, 'select') as HTMLSelectElement;
    for (const text of ['Northeast', 'Compare segments', 'All (total)']) {
      select.focus();
      select.value = [...select.options].find((o) => o.text === text)!.value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const stops = rows(el).filter((r) => r.tabIndex === 0);
      expect(stops.length, `${text}: one tab stop among the steps`).to.equal(1);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, `${text}: the header's last stop, Export`).to.equal(
        $(el, '[part~="export"]'),
      );
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, `${text}: Tab goes from the header to the steps`).to.equal(stops[0]);
    }
    // Back on the total, the stop is where the focus left it.
    expect(rows(el).findIndex((r) => r.tabIndex === 0)).to.equal(0);
  });

  it('Escape closes the tooltip the focus opened, without closing a dialog around the widget', async () => {
    const el = await mount(fulfilment);
    let escapes = 0;
    el.parentElement!.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') escapes++;
    });
    rows(el)[1]!.focus();
    await el.updateComplete;
    expect($(el, '[role="tooltip"]') !== null, 'the focus opened a tooltip').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[role="tooltip"]') === null, 'Escape closed the tooltip').to.equal(true);
    expect(el.shadowRoot!.activeElement === rows(el)[1], 'the focus stays on the step').to.equal(true);
    expect(escapes, 'the first Escape is the tooltip’s').to.equal(0);
    await sendKeys({ press: 'Escape' });
    expect(escapes, 'with no tooltip open, Escape goes on to the page').to.equal(1);
  });

  it('click in a segment fires kpi-select with the segment id', async () => {
    const el = await mount(leads, 'multiples');
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    const section = $$(el, 'section[aria-label]').find(
      (x) => x.getAttribute('aria-label') === leads.segments!.find((g) => g.id === 'paid_search')!.label,
    )!;
    [...section.querySelectorAll<HTMLElement>('[part~="row"]')]
      .find((r) => r.textContent!.includes(leads.steps[1]!.label))!
      .click();
    expect((await picked).detail).to.deep.equal({ type: 'step', id: 'closed_won', segment: 'paid_search' });
  });

  it('screen readers get the funnel as a table', async () => {
    const el = await mount(fulfilment);
    const table = $(el, 'table')!;
    expect(table.querySelector('caption')!.textContent).to.contain(fulfilment.title!);
    expect([...table.querySelectorAll('thead th')].map((t) => t.textContent)).to.deep.equal([
      'Step',
      'Count',
      '% of first step',
      '% of previous step',
      'Drop-off',
      'Median time from previous step',
      'Previous 181 days (4 Jul 2017 – 31 Dec 2017)',
      'Change in count',
      'Value',
    ]);
    expect(tableRows(el)[3]).to.deep.equal([
      'Delivered to customer',
      '8,473',
      '97.8%',
      '98.8%',
      '106 (1.2%)',
      '7.2 days',
      '6,027',
      '+40.6%',
      'R$1,338,897.42',
    ]);
    expect(tableRows(el)[4]![0]).to.equal('Reviewed 4 or 5 stars (Largest drop)');
    for (const bar of $$(el, '[part~="bar"]'))
      expect(bar.closest('[aria-hidden="true"]'), 'bars are hidden from screen readers').to.not.equal(null);
  });

  it('vertical orientation, and back to horizontal when too narrow', async () => {
    const el = await mount(fulfilment, 'orientation="vertical"');
    expect(vertical(el)).to.equal(true);
    await expect(el).to.be.accessible();
    (el.parentElement as HTMLElement).style.width = '320px';
    await waitUntil(() => !vertical(el), 'did not switch to horizontal');
  });

  it('compact variant: headline and bars only, fits 240 × 120', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 240px">
        <kpi-funnel variant="compact" locale="en-US" .data=${fulfilment}></kpi-funnel>
      </div>`,
    );
    const el = wrap.querySelector('kpi-funnel')!;
    await el.updateComplete;
    expect(headline(el)[0]!.textContent).to.equal('75.1%');
    expect($(el, '[role="group"]')).to.equal(null);
    expect($$(el, 'button').length).to.equal(0);
    expect(el.getBoundingClientRect().height).to.be.at.most(120);
    expect(el.scrollWidth).to.be.at.most(240);
    await expect(el).to.be.accessible();
  });

  it('pt-BR: labels, numbers and built-in strings', async () => {
    const el = await mount(fulfilmentPt, 'locale="pt-BR"');
    expect(rows(el)[0]!.textContent).to.contain('8.663');
    expect(shadowText(el)).to.contain('Conversão total');
    expect(shadowText(el)).to.contain('75,1%');
    expect(shadowText(el)).to.contain('Maior queda');
  });

  it('es built-in strings', async () => {
    const el = await mount(fulfilment, 'locale="es"');
    expect(shadowText(el)).to.contain('Conversión total');
    expect(shadowText(el)).to.contain('Mayor caída');
  });

  it('fits a 320 px phone without horizontal overflow, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: 320px"><kpi-funnel theme=${theme} .data=${fulfilment}></kpi-funnel></div>`,
      );
      const el = wrap.querySelector('kpi-funnel')!;
      await el.updateComplete;
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth, theme).to.be.at.most(base.clientWidth + 1);
      await expect(el).to.be.accessible();
    }
  });

  it('loading, empty and error states', async () => {
    const loading = await fixture<KpiFunnel>(html`<kpi-funnel></kpi-funnel>`);
    expect(loading.getAttribute('state')).to.equal('loading');
    await expect(loading).to.be.accessible();
    const emptyDoc = clone(fulfilment);
    emptyDoc.steps.forEach((s) => {
      s.count = null;
    });
    const empty = await mount(emptyDoc);
    expect(empty.getAttribute('state')).to.equal('empty');
    await expect(empty).to.be.accessible();
    const bad = clone(fulfilment) as unknown as { steps: { count: number }[] };
    bad.steps[3]!.count = -4;
    const error = await mount(bad);
    expect(error.getAttribute('state')).to.equal('error');
    expect($(error, '[role="alert"]')!.textContent).to.contain('steps[3].count');
    expect(rows(error).length).to.equal(0);
    await expect(error).to.be.accessible();
  });

  it('loads from src', async () => {
    const el = await fixture<KpiFunnel>(html`<kpi-funnel src="/fixtures/funnel.leads.json"></kpi-funnel>`);
    await untilState(el, 'ready');
    expect(rows(el).length).to.equal(2);
  });

  it('hostile labels render as text', async () => {
    const doc = clone(leads);
    doc.steps[0]!.label = '<img src=x onerror="window.__pwned=1">';
    doc.title = '</table><script>window.__pwned=2</script>';
    const el = await mount(doc);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    expect(rows(el)[0]!.textContent).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
