import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/channel-view/define.js';
import type { KpiChannelView } from '../../components/channel-view/kpi-channel-view.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { ChannelsDoc } from '../../src/index.js';
import {
  assertNoBadText,
  clone,
  loadFixture,
  shadowText,
  mountWidget,
  visibleText,
  visuallyHidden,
} from './helpers/util.js';

let omni: ChannelsDoc;
let leads: ChannelsDoc;
before(async () => {
  [omni, leads] = await Promise.all([
    loadFixture<ChannelsDoc>('channels.omnichannel.modelled.json'),
    loadFixture<ChannelsDoc>('channels.leads.json'),
  ]);
});

const $ = (el: KpiChannelView, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: KpiChannelView, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
/** A KPI tile by its label: its value part, and the line under it. */
const tile = (el: KpiChannelView, label: string) => {
  const li = $$(el, 'ul > li').find((t) => t.querySelector('[part~="label"]')?.textContent === label)!;
  return { value: li.querySelector('[part~="value"]')!.textContent, sub: li.lastElementChild!.textContent };
};
/** A titled section (mix, customers counted once, trend) by the start of its heading. */
const section = (el: KpiChannelView, heading: string) =>
  $$(el, 'section').find((x) => x.querySelector('h3')!.textContent!.startsWith(heading)) ?? null;
/** The channel mix's legend buttons, largest share first. */
const mixItems = (el: KpiChannelView) => $$(el, 'ol[part~="legend"] button');
/** The channel table's rows. */
const channelRows = (el: KpiChannelView) => $$(el, 'tbody tr[part~="row"]');
/** A channel's table row by its label. */
const channelRow = (el: KpiChannelView, label: string) =>
  channelRows(el).find((r) => r.querySelector('[part~="label"]')!.textContent === label)!;
/** Drawn as faded (the other channels while one is highlighted). */
const faded = (n: Element) => Number(getComputedStyle(n).opacity) < 1;

const mount = (doc: unknown, attrs = '', width = 1100) =>
  mountWidget<KpiChannelView>('kpi-channel-view', doc, attrs, width);

describe('<kpi-channel-view>', () => {
  it('KPI tiles: sums where summable, reported totals otherwise, unique customers never the sum', async () => {
    const el = await mount(omni);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(tile(el, 'Revenue').value).to.equal('R$7M');
    expect(tile(el, 'Orders').value).to.equal('35,460');
    expect(tile(el, 'Customers').value).to.equal('24,100');
    expect(tile(el, 'Customers').sub).to.contain('28,240');
    expect(tile(el, 'Conversion').value).to.equal('2.4%');
    expect(tile(el, 'Conversion').sub).to.equal('Reported total');
    assertNoBadText(el);
    await expect(el).to.be.accessible();
  });

  it('a percentage without a reported total shows nothing, not a sum', async () => {
    const doc = clone(omni);
    delete doc.totals!['conversion'];
    const el = await mount(doc);
    expect(tile(el, 'Conversion').value).to.equal('—');
    expect(tile(el, 'Conversion').sub).to.contain('Not summable');
  });

  it('channel mix: shares of the chosen metric, ranked, consistent colours', async () => {
    const el = await mount(omni);
    const items = mixItems(el);
    expect(items[0]!.querySelector('[part~="label"]')!.textContent).to.equal('Physical stores');
    expect(visibleText(items[0]!)).to.contain('31.6%');
    const colourInMix = getComputedStyle(items[0]!.querySelector('i')!).backgroundColor;
    const swatch = channelRow(el, 'Physical stores').querySelector('i')!;
    expect(getComputedStyle(swatch).backgroundColor).to.equal(colourInMix);
    const select = $(el, 'select') as HTMLSelectElement;
    select.value = 'orders';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.metric).to.equal('orders');
    expect(section(el, 'Channel mix')!.querySelector('h3')!.textContent).to.contain('Orders');
  });

  it('customers counted once: unique vs summed, and the overlaps', async () => {
    const el = await mount(omni);
    const once = section(el, 'Customers counted once')!;
    expect(once.textContent).to.contain('24,100 unique customers vs 28,240 summed');
    expect(once.querySelector('[part~="delta"]')!.textContent).to.equal('4,140 (14.7%) counted more than once');
    const overlaps = [...once.querySelectorAll('ul li')];
    expect(overlaps.length).to.equal(5);
    expect(overlaps[0]!.textContent).to.contain('Online store + Physical stores');
    expect(overlaps[0]!.textContent).to.contain('2,150');
    expect(once.textContent).to.contain('320 more are not itemised');
  });

  it('no customers block: no overlap panel', async () => {
    const el = await mount(leads);
    expect(section(el, 'Customers counted once')).to.equal(null);
  });

  it('channel table: grouped rows, a column per metric, sparklines, sortable with aria-sort', async () => {
    const el = await mount(omni);
    expect($$(el, 'tbody th[scope="colgroup"]').map((g) => g.textContent!.trim())).to.deep.equal([
      'digital',
      'social',
      'assisted',
      'in-person',
    ]);
    expect(channelRows(el).length).to.equal(6);
    expect($$(el, 'tbody svg path').length).to.equal(6);
    expect(channelRow(el, 'Marketplaces').textContent).to.contain('no data');
    const th = $$(el, 'thead th').find((t) => t.textContent!.includes('Revenue'))!;
    th.querySelector('button')!.click();
    await el.updateComplete;
    expect(th.getAttribute('aria-sort')).to.equal('descending');
    const assisted = channelRows(el)
      .map((r) => r.querySelector('[part~="label"]')!.textContent)
      .filter((l) => l === 'WhatsApp sales team' || l === 'B2B field reps');
    expect(assisted).to.deep.equal(['B2B field reps', 'WhatsApp sales team']);
  });

  it('better: lower metrics are coloured the right way', async () => {
    const el = await mount(omni);
    const cac = (label: string) => [...channelRow(el, label).querySelectorAll('td')][5]!;
    expect(visibleText(cac('Marketplaces'))).to.contain('▲');
    expect(cac('Marketplaces').textContent).to.contain('better than the median channel');
    expect(visibleText(cac('B2B field reps'))).to.contain('▼');
    expect(cac('B2B field reps').textContent).to.contain('worse than the median channel');
    const arrow = (label: string) => getComputedStyle(cac(label).querySelector('[aria-hidden="true"]')!).color;
    expect(arrow('Marketplaces')).to.not.equal(arrow('B2B field reps'));
    // What the arrows mean is shown to sighted readers too, under the table (screen readers hear it per cell).
    const key = $$(el, 'p.note').find((p) => p.textContent!.includes('▲'));
    const legend = '▲ better than the median channel · ▼ worse than the median channel';
    expect(Boolean(key) && visibleText(key!).includes(legend)).to.equal(true);
    const pt = await mount(omni, 'locale="pt-BR"');
    expect($$(pt, 'p.note').some((p) => visibleText(p).includes('▲ melhor'))).to.equal(true);
  });

  it('trend: stacked by channel over time; a missing bucket is a gap, marked, not zero', async () => {
    const doc = clone(leads);
    doc.channels[0]!.series = doc.channels[0]!.series!.filter((b) => b.date !== '2017-09-01');
    const el = await mount(doc);
    const trend = section(el, 'Trend')!;
    expect(trend.querySelectorAll('svg rect').length).to.be.greaterThan(20);
    expect(trend.querySelectorAll('svg circle').length).to.equal(1);
    expect(visibleText(trend)).to.contain('no data');
    const row = [...trend.querySelectorAll('table tbody tr')][0]!;
    expect(row.textContent).to.contain('no data');
  });

  it('hover or focus highlights a channel in tiles, mix, table and trend at once; Enter fires kpi-select', async () => {
    const el = await mount(omni);
    const row = channelRow(el, 'Online store');
    row.focus();
    await el.updateComplete;
    expect(el.highlighted).to.equal('online_store');
    expect(tile(el, 'Revenue').sub).to.contain('Online store: R$1.8M');
    // The fade is a CSS transition: wait for it to end (not for a time).
    await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
    const mixBars = $$(el, 'section [part~="chart"] [part~="bar"]');
    expect(mixBars.filter(faded).length).to.equal(5);
    expect([...section(el, 'Trend')!.querySelectorAll('svg rect')].filter(faded).length).to.be.greaterThan(0);
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail).to.deep.equal({ type: 'channel', id: 'online_store' });
  });

  it('highlighting a channel never fades the other channels’ text (it stays readable), light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(omni, `theme="${theme}"`);
      const opacity = (n: Element) => {
        let o = 1;
        for (let e: Element | null = n; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
        return o;
      };
      // Every piece of text, with how opaque it is drawn, before and while a channel is highlighted.
      const texts = () =>
        [...el.shadowRoot!.querySelectorAll('*')]
          .filter(
            (n) =>
              !(n instanceof SVGElement) &&
              [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()) &&
              !visuallyHidden(n),
          )
          .map((n) => [n.textContent!.trim().slice(0, 30), opacity(n)] as const);
      const before = new Map(texts());
      channelRow(el, 'Online store').focus();
      await el.updateComplete;
      await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
      const faint = texts()
        .filter(([text, o]) => o < (before.get(text) ?? 1) - 0.01)
        .map(([text]) => text);
      expect(faint, theme).to.deep.equal([]);
      // The marks of the other channels do fade, so the highlighted one stands out.
      expect($$(el, 'section [part~="chart"] [part~="bar"]').filter(faded).length, theme).to.equal(5);
      await expect(el).to.be.accessible();
    }
  });

  it('keyboard reaches every channel: one tab stop in the table, Down to each row', async () => {
    const el = await mount(omni);
    expect(mixItems(el).length).to.equal(6);
    expect(channelRows(el).filter((r) => r.tabIndex === 0).length).to.equal(1);
    channelRows(el)[0]!.focus();
    const seen = new Set<string>();
    for (let i = 0; i < channelRows(el).length + 2; i++) {
      seen.add((el.shadowRoot!.activeElement as HTMLElement).dataset['key']!);
      await sendKeys({ press: 'ArrowDown' });
    }
    expect(seen.size).to.equal(channelRows(el).length);
  });

  it('12 channels get distinct colours', async () => {
    const doc = clone(leads);
    doc.channels.push(
      { ...clone(doc.channels[0]!), id: 'extra1', label: 'Extra 1' },
      { ...clone(doc.channels[1]!), id: 'extra2', label: 'Extra 2' },
    );
    const el = await mount(doc);
    const colours = channelRows(el).map((r) => getComputedStyle(r.querySelector('i')!).backgroundColor);
    expect(colours.length).to.equal(12);
    expect(new Set(colours).size).to.equal(12);
    await expect(el).to.be.accessible();
  });

  it('pt-BR and es', async () => {
    const pt = await mount(omni, 'locale="pt-BR"');
    expect(shadowText(pt)).to.contain('Clientes contados uma vez');
    expect(tile(pt, 'Customers').value).to.equal('24.100');
    const es = await mount(omni, 'locale="es"');
    expect(shadowText(es)).to.contain('Participación por canal');
  });

  it('fits 320 px, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(omni, `theme="${theme}"`, 320);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth, theme).to.be.at.most(base.clientWidth + 1);
      // A number never breaks across lines ("12" over "0"), even beside a long overlap name.
      const long = clone(omni);
      for (const ch of long.channels) ch.label = `${ch.label} ${ch.label} ${ch.label}`;
      const el2 = await mount(long, `theme="${theme}"`, 320);
      const counts = [...section(el2, 'Customers counted once')!.querySelectorAll('li b')] as HTMLElement[];
      expect(counts.length).to.be.greaterThan(0);
      for (const b of counts) {
        const text = document.createRange();
        text.selectNodeContents(b);
        expect(text.getClientRects().length, `${b.textContent} on one line`).to.equal(1);
      }
      await expect(el).to.be.accessible();
    }
  });

  it('loading, empty and error states', async () => {
    const loading = await fixture<KpiChannelView>(html`<kpi-channel-view></kpi-channel-view>`);
    expect(loading.getAttribute('state')).to.equal('loading');
    await expect(loading).to.be.accessible();
    const empty = await mount({ ...omni, channels: [], customers: undefined });
    expect(empty.getAttribute('state')).to.equal('empty');
    await expect(empty).to.be.accessible();
    const bad = clone(omni);
    bad.customers!.overlaps![0]!.channels[0] = 'nowhere';
    const error = await mount(bad);
    expect(error.getAttribute('state')).to.equal('error');
    expect($(error, '[role="alert"]')!.textContent).to.contain('customers.overlaps[0].channels[0]');
    await expect(error).to.be.accessible();
  });
});
