// <kpi-regional-sla>: a real table of regions and their service levels; sort, filter, group, export, keyboard,
// screen readers, languages and states. 5,000 regions and what a screen reader hears while filtering:
// regional-sla-scale.test.ts.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/regional-sla/define.js';
import type { KpiRegionalSla } from '../../components/regional-sla/kpi-regional-sla.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { RegionalSlaDoc } from '../../src/index.js';
import { assertNoBadText, clone, loadFixture, shadowText, visibleText } from './helpers/util.js';
import { municipalities } from '../data/generators.js';
import { $, $$, mount, region, regionIds, regions, scrollBox } from './helpers/regional-sla.js';

let states: RegionalSlaDoc;
let statesPt: RegionalSlaDoc;
before(async () => {
  [states, statesPt] = await Promise.all([
    loadFixture<RegionalSlaDoc>('regional-sla.states.json'),
    loadFixture<RegionalSlaDoc>('regional-sla.states.pt-BR.json'),
  ]);
});

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
