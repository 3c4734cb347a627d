import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/regional-sla/define.js';
import type { KpiRegionalSla } from '../../components/regional-sla/kpi-regional-sla.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { RegionalSlaDoc } from '../../src/index.js';
import { assertNoBadText, clone, loadFixture, shadowText, mountWidget, visibleText } from './helpers/util.js';
import { municipalities } from '../data/generators.js';
import { filterRows, slaRows, sortRows } from '../../src/compute/regional-sla.js';
import { useFakeClock } from './helpers/clock.js';

let states: RegionalSlaDoc;
let statesPt: RegionalSlaDoc;
before(async () => {
  [states, statesPt] = await Promise.all([
    loadFixture<RegionalSlaDoc>('regional-sla.states.json'),
    loadFixture<RegionalSlaDoc>('regional-sla.states.pt-BR.json'),
  ]);
});

const $ = (el: KpiRegionalSla, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: KpiRegionalSla, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
/** The region rows of the table, in order. */
const regions = (el: KpiRegionalSla) => $$(el, 'tbody tr[part~="row"]');
/** A region's id, as its row header shows it under the name. */
const idOf = (row: HTMLElement) => row.querySelector('[part~="label"]')!.lastElementChild!.textContent!.split(' · ')[0];
const regionIds = (el: KpiRegionalSla) => regions(el).map(idOf);
/** The row of one region, found by the id its row header shows. */
const region = (el: KpiRegionalSla, id: string) => regions(el).find((r) => idOf(r) === id) ?? null;
/** The table's scroll box (the element around the table). */
const scrollBox = (el: KpiRegionalSla) => $(el, 'table[part~="table"]')!.parentElement!;

/** Mounts and waits two frames more: the row window measures its scroller on the next frame. */
async function mount(doc: unknown, attrs = '', width = 1100) {
  const el = await mountWidget<KpiRegionalSla>('kpi-regional-sla', doc, attrs, width);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return el;
}

describe('<kpi-regional-sla>', () => {
  it('a real table: a row per region with group and volume; per metric p50, p90 vs target, breach rate', async () => {
    const el = await mount(states);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(regions(el).length).to.equal(27);
    const sp = region(el, 'BR-SP')!;
    const cells = [...sp.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells[0]).to.equal('São PauloBR-SP');
    expect(cells[1]).to.equal('Southeast');
    expect(cells[2]).to.equal('11,945');
    expect(cells[3]).to.equal('7.2 days');
    expect(cells[4]).to.equal('15.9 days (At risk)');
    expect(cells[5]).to.equal('29.8%');
    expect($(el, 'thead th[scope="colgroup"]')!.textContent).to.contain('target 10 days');
    assertNoBadText(el);
    await expect(el).to.be.accessible();
  });

  it('status by colour, icon and text', async () => {
    const el = await mount(states);
    const rj = [...region(el, 'BR-RJ')!.querySelectorAll<HTMLElement>('[part~="cell"]')].find((c) =>
      c.querySelector('[part~="bar"]'),
    )!;
    expect(visibleText(rj)).to.not.contain('Breached');
    expect(rj.textContent).to.contain('(Breached)');
    expect(rj.querySelector('svg[aria-hidden="true"]')).to.not.equal(null);
  });

  it('sorts by any column with aria-sort; missing values last', async () => {
    const el = await mount(states);
    expect(regionIds(el)[0]).to.equal('BR-SP');
    const th = (label: string) => $$(el, 'thead th').find((t) => t.textContent!.includes(label))!;
    th('Region').querySelector('button')!.click();
    await el.updateComplete;
    expect(th('Region').getAttribute('aria-sort')).to.equal('ascending');
    expect(regionIds(el)[0]).to.equal('BR-AC');
    th('Region').querySelector('button')!.click();
    await el.updateComplete;
    expect(th('Region').getAttribute('aria-sort')).to.equal('descending');
    expect(regionIds(el)[0]).to.equal('BR-TO');
    const breach = $$(el, 'thead th').filter((t) => t.textContent!.includes('Breach rate'))[0]!;
    breach.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.sort).to.equal('delivery:breach');
    expect(breach.getAttribute('aria-sort')).to.equal('descending');
    const doc = clone(states);
    delete (doc.regions[0]!.values as Record<string, unknown>)['delivery'];
    const el2 = await mount(doc, 'sort="delivery:p50" sort-dir="ascending"');
    expect(regionIds(el2).at(-1)).to.equal(doc.regions[0]!.id);
    const row = region(el2, doc.regions[0]!.id)!;
    expect(row.textContent).to.contain('no data');
  });

  it('filters accent-insensitively by label or id', async () => {
    const el = await mount(states);
    const input = $(el, 'input[type="search"]') as HTMLInputElement;
    input.value = 'sao';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(regionIds(el)).to.deep.equal(['BR-SP']);
    expect(shadowText(el)).to.contain('1 of 27 regions');
    el.filter = 'br-r';
    await el.updateComplete;
    expect(regionIds(el).sort()).to.deep.equal(['BR-RJ', 'BR-RN', 'BR-RO', 'BR-RR', 'BR-RS']);
    el.filter = 'nowhere';
    await el.updateComplete;
    expect(shadowText(el)).to.contain('No region matches “nowhere”');
    await expect(el).to.be.accessible();
  });

  it('groups rows with volume-weighted subtotals and a totals row', async () => {
    const el = await mount(states, 'grouped');
    const groups = $$(el, 'tbody tr:not([part~="row"]):not([aria-hidden])');
    expect(groups.length).to.equal(5);
    const se = groups.find((g) => g.textContent!.includes('Southeast'))!;
    expect(se.textContent).to.contain('4 regions');
    const total = $(el, 'tfoot tr')!;
    expect(total.textContent).to.contain('28,157');
    expect(total.textContent).to.contain('27 regions');
    await expect(el).to.be.accessible();
  });

  it("exports what is shown as CSV in the page's conventions, neutralising formulas", async () => {
    const doc = clone(statesPt);
    doc.regions[0]!.label = '=HYPERLINK("http://evil")';
    const el = await mount(doc, 'locale="pt-BR" sort="label" sort-dir="ascending"');
    el.filter = 'p';
    await el.updateComplete;
    const csv = await el.toCSV();
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(el.shownRows().length).to.be.below(27);
    expect(lines[0]!.split(';').slice(0, 4)).to.deep.equal(['id', 'Região', 'Grupo', 'Volume']);
    expect(lines.length - 1).to.equal(el.shownRows().length);
    const sp = lines.find((l) => l.startsWith('BR-SP;'))!;
    expect(sp).to.contain(';7,22;');
    const evil = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(evil).to.contain(`"'=HYPERLINK(""http://evil"")"`);
    const en = await mount(states);
    expect((await en.toCSV()).split('\r\n')[1]).to.match(/^BR-SP,São Paulo,Southeast,11945,7\.22,15\.87,10,/);
  });

  it('5,000 regions: draws a screenful plus the overscan, and fills a taller box once it is measured', async () => {
    const el = await mount(municipalities(5000));
    const drawn = () => regions(el).length;
    expect(drawn()).to.be.at.most(16);
    const box = scrollBox(el);
    const filled = () =>
      regions(el)[regions(el).length - 1]!.getBoundingClientRect().bottom >= box.getBoundingClientRect().bottom - 1;
    expect(filled(), 'the first screen is full').to.equal(true);
    // A page that makes the table taller: the row window measures the box and draws enough rows, without a scroll.
    el.style.setProperty('--kpi-sla-max-height', '60rem');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
    await el.updateComplete;
    expect(drawn() > 16 && filled(), `${drawn()} rows`).to.equal(true);
  });

  it('Export, then CSV data, saves the rows shown as a file named after the title and period', async () => {
    const saved: { name: string; text: Promise<string> }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    const createObjectURL = URL.createObjectURL;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (b: Blob | MediaSource) => {
      const url = `blob:test-${blobs.size}`;
      blobs.set(url, b as Blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, text: blobs.get(this.href)!.text() });
    };
    try {
      const el = await mount(states, 'filter="bahia"');
      $$(el, 'button')
        .find((b) => b.textContent === 'Export')!
        .click();
      await waitUntil(() => $$(el, '[role="menuitem"]').length === 3, 'the export menu opens');
      $$(el, '[role="menuitem"]')
        .find((b) => b.textContent === 'CSV data')!
        .click();
      await waitUntil(() => saved.length === 1, 'no file saved');
      // Named after the title and the period.
      expect(saved[0]!.name.startsWith(states.title!.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 40))).to.equal(true);
      expect(saved[0]!.name).to.match(/-2016-.*2018\.csv$/);
      const lines = (await saved[0]!.text).trim().split('\r\n');
      expect(lines.length).to.equal(2);
      expect(lines[1]!.startsWith('BR-BA,Bahia,')).to.equal(true);
      expect($$(el, 'a').length).to.equal(0);
    } finally {
      HTMLAnchorElement.prototype.click = click;
      URL.createObjectURL = createObjectURL;
    }
  });

  it('click or Enter on a row fires kpi-select; arrows move between rows', async () => {
    const el = await mount(states);
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    region(el, 'BR-MG')!.click();
    expect((await picked).detail).to.deep.equal({ type: 'region', id: 'BR-MG' });
    region(el, 'BR-SP')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset['id']).to.equal('BR-RJ');
    const again = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await again).detail.id).to.equal('BR-RJ');
  });

  it('5,000 regions: renders only the rows in view, keeps table semantics, sorts and filters', async () => {
    const doc = municipalities();
    const el = await mount(doc, '', 780);
    const rendered = regions(el);
    expect(rendered.length).to.be.greaterThan(5);
    expect(rendered.length).to.be.below(120);
    expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal('5003');
    expect(rendered[0]!.getAttribute('aria-rowindex')).to.equal('3');
    const scroller = scrollBox(el);
    scroller.scrollTop = 44 * 2500;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(
      () => Number(regions(el)[0]!.getAttribute('aria-rowindex')) > 2000,
      'did not render the rows in view',
    );
    const idx = Number(regions(el)[0]!.getAttribute('aria-rowindex'));
    expect(idx).to.be.within(2480, 2510);
    const head = $(el, 'thead tr[aria-rowindex="2"] th')!.getBoundingClientRect();
    expect(Math.abs(head.top - scroller.getBoundingClientRect().top - 28)).to.be.below(3);
    el.sort = 'handoff:p90';
    el.sortDir = 'ascending';
    await el.updateComplete;
    expect(el.shownRows().at(-1)!.cells['handoff']!.p90).to.equal(null);
    el.filter = 'agua';
    await el.updateComplete;
    expect(el.shownRows().length).to.equal(625);
    expect(el.shownRows().every((r) => r.label.startsWith('Água Branca'))).to.equal(true);
    expect(shadowText(el)).to.contain('625 of 5,000 regions');
    await expect(el).to.be.accessible();
  });

  // Ties by label, then id.
  it('5,000 regions sorted again and again: the order, totals and counts of the first sort', async () => {
    const el = await mount(municipalities(), 'locale="pt-BR"', 780);
    const ids = () => el.shownRows().map((r) => r.id);
    /** Where two orders of ids first differ (-1: nowhere): a short message, not two lists of 5,000. */
    const firstDifference = (a: string[], b: string[]) =>
      a.length === b.length ? a.findIndex((id, i) => id !== b[i]) : Math.min(a.length, b.length);
    const first = ids();
    const totals = () => $(el, 'tfoot')!.textContent + $(el, '.summary')!.textContent!;
    const before = totals();
    // The first sort breaks ties with the collator; from the second on, label ranks worked out once do: every order
    // must be the collator's.
    el.sort = 'delivery:p90';
    await el.updateComplete;
    expect(
      firstDifference(
        ids(),
        sortRows(slaRows(municipalities()), 'delivery:p90', 'descending', 'pt-BR').map((r) => r.id),
      ),
    ).to.equal(-1);
    expect(totals()).to.equal(before);
    el.sort = 'volume';
    await el.updateComplete;
    expect(firstDifference(ids(), first)).to.equal(-1);
    el.filter = 'sao';
    el.sortDir = 'ascending';
    await el.updateComplete;
    const kept = filterRows(slaRows(municipalities()), 'sao');
    expect(
      firstDifference(
        ids(),
        sortRows(kept, 'volume', 'ascending', 'pt-BR').map((r) => r.id),
      ),
    ).to.equal(-1);
    expect(totals()).to.not.equal(before);
  });

  it('5,000 regions: the keyboard pages through rows not rendered; focus stays on the right region', async () => {
    const el = await mount(municipalities(5000), 'sort="label" sort-dir="ascending"', 780);
    const ids = el.shownRows().map((r) => r.id);
    regions(el)[0]!.focus();
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
    }
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset['id']).to.equal(ids[120]);
    expect(focused.getAttribute('aria-rowindex')).to.equal('123');
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail.id).to.equal(ids[120]);
  });

  // Rows are recycled: the focus must never land on another region.
  it('5,000 regions: scrolling with a row focused keeps the focus on that region', async () => {
    const el = await mount(municipalities(5000), 'sort="label" sort-dir="ascending"', 780);
    const row = regions(el)[12] as HTMLElement;
    const id = row.dataset['id'];
    row.focus();
    const scroller = scrollBox(el);
    const focusedId = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['id'];
    // A few rows down: the focused region is still rendered, now in another recycled row element.
    scroller.scrollTop = 44 * 8;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => regions(el)[0]!.getAttribute('aria-rowindex') !== '3', 'the window did not move');
    await el.updateComplete;
    expect(focusedId()).to.equal(id);
    // Far away: the region is no longer rendered, so no row keeps the focus (Enter must not pick another region).
    scroller.scrollTop = 44 * 3000;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(
      () => Number(regions(el)[0]!.getAttribute('aria-rowindex')) > 2000,
      'did not render the rows in view',
    );
    await el.updateComplete;
    expect(focusedId()).to.equal(undefined);
    let picked = false;
    el.addEventListener('kpi-select', () => {
      picked = true;
    });
    await sendKeys({ press: 'Enter' });
    expect(picked).to.equal(false);
  });

  // The tab stop moves to a row that is shown, reachable by Tab; Enter picks it.
  it('keyboard: after filtering away the focused region, Tab reaches a shown row', async () => {
    const el = await mount(states);
    region(el, 'BR-SP')!.focus();
    const input = $(el, 'input[type="search"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'bahia' });
    await el.updateComplete;
    expect(regionIds(el)).to.deep.equal(['BR-BA']);
    expect(region(el, 'BR-BA')!.tabIndex).to.equal(0);
    let steps = 0;
    while (!(el.shadowRoot!.activeElement as HTMLElement | null)?.matches('tr') && steps++ < 40)
      await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(region(el, 'BR-BA'));
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail.id).to.equal('BR-BA');
  });

  it('screen readers: each sort button names its metric; a metric heading keeps a space before target', async () => {
    const el = await mount(states);
    const names = $$(el, 'thead button').map((b) =>
      b
        .textContent!.replace(/[↕▲▼]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
    expect(names).to.include(`Median · ${states.metrics[0]!.label}`);
    expect(names).to.include(`Breach rate · ${states.metrics[2]!.label}`);
    const heading = $(el, 'thead th[scope="colgroup"]')!;
    expect(heading.textContent!.replace(/\s+/g, ' ')).to.contain(`${states.metrics[0]!.label} target 10 days`);
    expect(visibleText($$(el, 'thead button')[3]!)).to.not.contain(states.metrics[0]!.label);
  });

  it('repeated labels show their group', async () => {
    const el = await mount(municipalities(200), 'grouped');
    expect(regions(el)[0]!.querySelector('[part~="label"]')!.textContent!.trim()).to.match(
      / · (Norte|Nordeste|Centro-Oeste|Sudeste|Sul)$/,
    );
  });

  for (const [width, attrs] of [
    [320, 'locale="pt-BR" theme="dark"'],
    [640, ''],
    [639, 'theme="light"'],
  ] as const) {
    // A phone, or 1280 px at 200% zoom: only the table scrolls sideways.
    it(`${width} px: the same table, sortable, one tab stop, Enter picks`, async () => {
      const el = await mount(width === 320 ? statesPt : states, attrs, width);
      expect(regions(el).length).to.equal(27);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      // Sort by a metric's P90 with a click on its header: still there at this width.
      const p90 = $$(el, 'thead button')[4]!;
      p90.click();
      await el.updateComplete;
      expect(el.sort).to.equal(`${states.metrics[0]!.id}:p90`);
      // One tab stop in the table; Tab from the search box reaches it after the controls and headers.
      expect(regions(el).filter((r) => r.tabIndex === 0).length).to.equal(1);
      ($(el, 'input[type="search"]') as HTMLInputElement).focus();
      let steps = 0;
      while (!(el.shadowRoot!.activeElement as HTMLElement | null)?.matches('tr') && steps++ < 40)
        await sendKeys({ press: 'Tab' });
      const first = el.shadowRoot!.activeElement as HTMLElement;
      expect(first.matches('tr.region')).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      const second = el.shadowRoot!.activeElement as HTMLElement;
      expect(second !== first && second.matches('tr.region')).to.equal(true);
      const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await picked).detail.id).to.equal(second.dataset['id']);
      // The region column stays in view while the metrics scroll under it.
      const scroller = scrollBox(el);
      if (width === 320) expect(scroller.scrollWidth > scroller.clientWidth).to.equal(true);
      scroller.scrollLeft = scroller.scrollWidth;
      const label = second.querySelector('th')!.getBoundingClientRect();
      expect(label.left).to.be.at.least(scroller.getBoundingClientRect().left - 1);
      await expect(el).to.be.accessible();
    });
  }

  it('pt-BR and es strings and number formats', async () => {
    const pt = await mount(statesPt, 'locale="pt-BR"');
    expect(shadowText(pt)).to.contain('27 de 27 regiões');
    expect(region(pt, 'BR-SP')!.textContent).to.contain('7,2 dias');
    const es = await mount(states, 'locale="es"');
    expect(shadowText(es)).to.contain('Exportar');
    expect(shadowText(es)).to.contain('Tasa de incumplimiento');
  });

  it('loading, empty and error states', async () => {
    const loading = await fixture<KpiRegionalSla>(html`<kpi-regional-sla></kpi-regional-sla>`);
    expect(loading.getAttribute('state')).to.equal('loading');
    await expect(loading).to.be.accessible();
    const empty = await mount({ ...states, regions: [] });
    expect(empty.getAttribute('state')).to.equal('empty');
    await expect(empty).to.be.accessible();
    const bad = clone(states) as unknown as { regions: { values: { delivery: { withinTarget: number } } }[] };
    bad.regions[0]!.values.delivery.withinTarget = 10 ** 6;
    const error = await mount(bad);
    expect(error.getAttribute('state')).to.equal('error');
    expect($(error, '[role="alert"]')!.textContent).to.contain('regions[0].values.delivery.withinTarget');
    await expect(error).to.be.accessible();
  });
});

describe('<kpi-regional-sla>: what screen readers hear while filtering', () => {
  const t = useFakeClock();
  /** The live regions in the widget (polite or assertive). */
  const live = (el: KpiRegionalSla) => $$(el, '[role="status"], [role="alert"], [aria-live]');

  it('one short polite message, once typing stops (not per keystroke), in the page language', async () => {
    const el = await mount(statesPt, 'locale="pt-BR"');
    expect(live(el).length).to.equal(1);
    const status = live(el)[0]!;
    expect(status.textContent).to.equal('');
    ($(el, 'input[type="search"]') as HTMLInputElement).focus();
    await sendKeys({ type: 'ba' });
    await el.updateComplete;
    t.clock.tick(500);
    await sendKeys({ type: 'hia' });
    await el.updateComplete;
    t.clock.tick(500);
    await el.updateComplete;
    // Still typing (each keystroke restarts the wait): nothing said yet, and the visible summary is no live region.
    expect(status.textContent).to.equal('');
    expect(live(el).length).to.equal(1);
    t.clock.tick(200);
    await el.updateComplete;
    expect(status.textContent).to.equal('1 de 27 regiões');
    await sendKeys({ type: 'zz' });
    t.clock.tick(700);
    await el.updateComplete;
    expect(status.textContent).to.contain('bahiazz');
    expect(live(el).length).to.equal(1);
  });
});
