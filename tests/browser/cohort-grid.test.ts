import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/cohort-grid/define.js';
import type { KpiCohortGrid } from '../../components/cohort-grid/kpi-cohort-grid.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { CohortDoc } from '../../src/index.js';
import { contrast, parseColor } from '../../src/compute/color.js';
import { assertNoBadText, clone, loadFixture, shadowText, visibleText } from './helpers/util.js';
import { weeklyCohorts } from '../data/generators.js';

let customers: CohortDoc;
let revenue: CohortDoc;
before(async () => {
  [customers, revenue] = await Promise.all([
    loadFixture<CohortDoc>('cohort.monthly-customers.json'),
    loadFixture<CohortDoc>('cohort.monthly-revenue.json'),
  ]);
});

import { $, $$, cell, focusedCell, mount, periodHead, row, scrollBox } from './helpers/cohort-grid.js';

/**
 * Lit's dev-mode "change-in-update" warnings in this page (each test file has its own page): a render
 * that schedules another (issue #19). Lit says each warning once per page, so the last test reads them all.
 */
const renderWarnings: string[] = [];
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (String(args[0]).includes('scheduled an update')) renderWarnings.push(String(args[0]));
  warn(...args);
};

describe('<kpi-cohort-grid>', () => {
  it('a real table: a row per cohort with size, a column per period, and the weighted average row', async () => {
    const el = await mount(customers);
    expect(el.getAttribute('state')).to.equal('ready');
    const table = $(el, 'table')!;
    expect(table.getAttribute('role')).to.equal('grid');
    expect($$(el, 'tbody tr').length).to.equal(customers.cohorts.length + 1);
    expect($$(el, 'thead th').length).to.equal(2 + 20);
    expect(periodHead(el, 3).textContent).to.contain('Month 3');
    const first = $$(el, 'tbody tr')[1]!;
    expect(first.querySelector('th')!.textContent).to.equal('Jan 2017');
    expect(first.querySelector('[part~="value"]')!.textContent).to.equal('239');
    expect($$(el, 'tbody tr')[0]!.querySelector('th')!.textContent).to.equal('Weighted average');
    expect(cell(el, -1, 0).textContent).to.equal('100.0%');
    assertNoBadText(el);
    await expect(el).to.be.accessible();
  });

  it('modes: percent, count, churn; revenue and ltv for revenue', async () => {
    const el = await mount(customers);
    expect(el.effectiveMode).to.equal('percent');
    expect(cell(el, 0, 7).textContent).to.equal('0.4%');
    el.mode = 'count';
    await el.updateComplete;
    expect(cell(el, 0, 7).textContent).to.equal('1');
    el.mode = 'churn';
    await el.updateComplete;
    expect(cell(el, 0, 7).textContent).to.equal('99.6%');
    const r = await mount(revenue);
    expect(r.effectiveMode).to.equal('ltv');
    expect(cell(r, 0, 0).textContent).to.equal('R$177');
    const [, revenueButton] = [...$(r, '[role="group"][aria-label="Show"]')!.querySelectorAll('button')];
    revenueButton!.click();
    await r.updateComplete;
    expect(r.effectiveMode).to.equal('revenue');
    expect(cell(r, 0, 0).textContent).to.equal('R$42.3K');
    await expect(r).to.be.accessible();
  });

  it('a mode the measure lacks falls back to its default', async () => {
    const el = await mount(revenue, 'mode="churn"');
    expect(el.effectiveMode).to.equal('ltv');
  });

  it('not-yet cells look different from zero and say so to screen readers', async () => {
    const el = await mount(customers);
    const last = customers.cohorts.length - 1;
    const nyet = cell(el, last, 19);
    expect(nyet.classList.contains('nyet')).to.equal(true);
    // The row's first period that has not come says so; the later ones are blank (said once a row, issue #40).
    const firstNyet = customers.cohorts[last]!.values.findIndex((v) => v === null);
    expect(cell(el, last, firstNyet).textContent!.trim()).to.equal('not yet');
    expect(nyet.textContent!.trim()).to.equal(firstNyet === 19 ? 'not yet' : '');
    const zero = cell(el, 0, 1);
    expect(zero.textContent).to.equal('0.0%');
    expect(getComputedStyle(zero).backgroundImage).to.equal('none');
    expect(getComputedStyle(nyet).backgroundImage).to.contain('gradient');
  });

  it('every shaded cell has AA contrast, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(customers, `theme="${theme}"`);
      for (const td of $$(el, 'td[part~="cell"]').filter((c) => visibleText(c) !== '')) {
        const s = getComputedStyle(td);
        const ratio = contrast(parseColor(s.backgroundColor)!, parseColor(s.color)!);
        expect(ratio, `${theme} ${td.textContent}`).to.be.at.least(4.5);
      }
      await expect(el).to.be.accessible();
    }
  });

  // Reading them while rendering would force a page layout per widget.
  it("reads its colours after layout, never while rendering, and follows the page's theme", async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 900px"><kpi-cohort-grid locale="en-US"></kpi-cohort-grid></div>`,
    );
    const el = wrap.querySelector('kpi-cohort-grid')!;
    const inside: string[] = [];
    const real = window.getComputedStyle;
    window.getComputedStyle = ((e: Element, pseudo?: string | null) => {
      if (e.getRootNode() === el.shadowRoot) inside.push(`${e.tagName} ${e.className}`);
      return real.call(window, e, pseudo);
    }) as typeof window.getComputedStyle;
    try {
      el.data = customers;
      await el.updateComplete;
    } finally {
      window.getComputedStyle = real;
    }
    expect(inside, 'styles read inside the widget while it rendered').to.deep.equal([]);
    const shade = () => getComputedStyle(cell(el, 0, 0)).backgroundColor;
    const light = shade();
    const root = document.documentElement.style;
    try {
      // The page turns dark (a style on <html>): the cells follow without any other change, and stay readable.
      root.colorScheme = 'dark';
      await waitUntil(() => shade() !== light, 'the cells did not follow the page to dark');
      const s = getComputedStyle(cell(el, 0, 1));
      expect(contrast(parseColor(s.backgroundColor)!, parseColor(s.color)!)).to.be.at.least(4.5);
      // An agency's heat colour: period 0 is shaded at full strength, so it takes it exactly.
      root.setProperty('--kpi-heat-high', 'rgb(150, 20, 40)');
      await waitUntil(() => shade() === 'rgb(150, 20, 40)', `period 0 is ${shade()}`);
    } finally {
      root.colorScheme = '';
      root.removeProperty('--kpi-heat-high');
    }
    await waitUntil(() => shade() === light, 'the cells did not come back to light');
  });

  it('scale="row" shades each cohort against itself', async () => {
    const el = await mount(customers);
    const before = getComputedStyle(cell(el, 0, 1)).backgroundColor;
    el.scale = 'row';
    await el.updateComplete;
    expect(el.getAttribute('scale')).to.equal('row');
    expect(getComputedStyle(cell(el, 0, 7)).backgroundColor).to.not.equal(before);
  });

  it('keyboard: arrows, Home/End, Page keys move through cells; Enter fires kpi-select', async () => {
    const el = await mount(customers);
    expect($$(el, 'td[tabindex="0"]').length).to.equal(1);
    cell(el, 0, 0).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 0, 1));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 1, 1));
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 1, 19));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 1, 0));
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, 11, 0));
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(cell(el, -1, 0));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail).to.deep.equal({ type: 'cell', id: '2017-01', period: 2 });
    expect($(el, '[role="tooltip"]')!.textContent).to.contain('Jan 2017 · Month 2');
  });

  it('hover highlights the row and column; click fires kpi-select', async () => {
    const el = await mount(customers);
    const target = cell(el, 2, 3);
    target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(getComputedStyle(cell(el, 2, 0)).boxShadow).to.not.equal('none');
    expect(getComputedStyle(cell(el, 5, 3)).boxShadow).to.not.equal('none');
    expect(getComputedStyle(cell(el, 5, 4)).boxShadow).to.equal('none');
    expect($(el, '[role="tooltip"]')!.textContent).to.contain('of 775 customers');
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    target.click();
    expect((await picked).detail).to.deep.equal({ type: 'cell', id: '2017-03', period: 3 });
  });

  it('Escape closes the tooltip the focus opened, and keeps the focus on the cell', async () => {
    const el = await mount(customers);
    cell(el, 0, 1).focus();
    await el.updateComplete;
    expect($(el, '[role="tooltip"]') !== null, 'the focus opened a tooltip').to.equal(true);
    // The focused cell is described by its tooltip: its cohort, its period, what the figure is of (issue #40).
    const described = cell(el, 0, 1).getAttribute('aria-describedby');
    expect(el.shadowRoot!.getElementById(described!)!.textContent).to.match(/Jan 2017 · Month 1.*of 239 customers/s);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[role="tooltip"]') === null, 'Escape closed the tooltip').to.equal(true);
    expect(cell(el, 0, 1).hasAttribute('aria-describedby'), 'no description of a closed tooltip').to.equal(false);
    expect(el.shadowRoot!.activeElement === cell(el, 0, 1), 'the focus stays on the cell').to.equal(true);
  });

  it('the average curve above the grid', async () => {
    const el = await mount(customers, 'curve');
    expect($(el, 'figure[part~="chart"] path')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L/);
    expect($(el, 'figure[part~="chart"]')!.getAttribute('aria-hidden')).to.equal('true');
  });

  // Rows in view drawn with table semantics; sticky header and first column; re-shaded on a mode change.
  it('104 × 104 weekly cohorts: the rows in view, as a table that scrolls inside its box', async () => {
    const doc = weeklyCohorts(104);
    const el = await mount(doc, '', 700);
    expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal('106');
    const rendered = $$(el, 'tbody tr[part~="row"]');
    expect(rendered.length).to.be.within(10, 50);
    expect(rendered[0]!.getAttribute('aria-rowindex')).to.equal('3');
    const scroller = scrollBox(el);
    expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    scroller.scrollTop = 1500;
    scroller.scrollLeft = 2000;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => row(el, 50) !== null, 'rows in view were not rendered');
    await new Promise((r) => requestAnimationFrame(r));
    expect(row(el, 50)!.querySelector('th')!.textContent).to.equal(doc.cohorts[50]!.label);
    expect(row(el, 0)).to.equal(null);
    const head = periodHead(el, 31).getBoundingClientRect();
    const label = row(el, 50)!.querySelector('th')!.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    expect(Math.abs(head.top - box.top)).to.be.below(3);
    expect(Math.abs(label.left - box.left)).to.be.below(3);
    // 2,000 px to the right: period 10 is out of view and not drawn; period 31 is drawn, in view, right of the sticky
    // columns.
    await waitUntil(
      () => el.shadowRoot!.querySelector('td[data-r="50"][data-c="10"]') === null,
      'columns out of view were drawn',
    );
    const shown = cell(el, 50, 31).getBoundingClientRect();
    expect(shown.left).to.be.at.least(label.right - 1);
    expect(shown.right).to.be.at.most(box.right);
    const before = getComputedStyle(cell(el, 50, 31)).backgroundColor;
    el.mode = 'churn';
    await el.updateComplete;
    expect(getComputedStyle(cell(el, 50, 31)).backgroundColor).to.not.equal(before);
    expect(cell(el, 50, 31).textContent).to.match(/%$/);
  });

  it('104 periods: only the columns in view are drawn, with aria-colindex; the keyboard reaches all', async () => {
    const doc = weeklyCohorts(104);
    const el = await mount(doc, '', 700);
    const scroller = scrollBox(el);
    const periods = () => $$(el, 'thead th[data-c]').map((th) => Number(th.dataset['c']));
    await waitUntil(() => periods().length > 0 && periods().length < 40, 'all 104 period columns were drawn');
    // The table still spans every period: its scroll width is the sum of all columns.
    expect(scroller.scrollWidth).to.be.above(104 * 50);
    expect($(el, 'table')!.getAttribute('aria-colcount')).to.equal('106');
    expect(cell(el, 0, 2).getAttribute('aria-colindex')).to.equal('5');
    expect($(el, 'thead th.corner')!.getAttribute('aria-colindex')).to.equal('1');
    // No text is cut: every drawn cell's text fits its column.
    for (const td of $$(el, 'td[data-c]:not(.nyet)').slice(0, 60))
      expect(td.scrollWidth, td.textContent!).to.be.at.most(td.clientWidth + 1);
    // End goes to the last period: scrolled into view, drawn and focused; Home comes back.
    cell(el, 0, 1).focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedCell(el) === '0,103', 'End did not reach the last period');
    const last = cell(el, 0, 103).getBoundingClientRect();
    expect(last.right).to.be.at.most(scroller.getBoundingClientRect().right + 1);
    expect(cell(el, 0, 1)).to.equal(null);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedCell(el) === '0,0', 'Home did not come back');
    // Arrows walk right past the drawn columns, one at a time.
    for (let i = 0; i < 30; i++) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focusedCell(el) === '0,30', `ArrowRight ×30 reached ${focusedCell(el)}`);
    expect($$(el, 'td[tabindex="0"]').length).to.equal(1);
    // Scrolled away from the focused column by hand: one tab stop stays, in a drawn column.
    scroller.scrollLeft = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => cell(el, 0, 0) !== null, 'scrolling back did not draw period 0');
    await el.updateComplete;
    expect($$(el, 'td[tabindex="0"]').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('large grid: the keyboard reaches rows that were not rendered, and the tab stop survives scrolling', async () => {
    const el = await mount(weeklyCohorts(104), '', 700);
    cell(el, 0, 1).focus();
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
    }
    await el.updateComplete;
    expect(focusedCell(el)).to.equal('80,1');
    const scroller = scrollBox(el);
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => row(el, 80) === null, 'row 80 still rendered');
    expect($$(el, 'td[tabindex="0"]').length).to.equal(1);
  });

  // Rows are recycled: the focus must never land on another cell.
  it('large grid: scrolling with a cell focused keeps the focus on that cell', async () => {
    const el = await mount(weeklyCohorts(104), '', 700);
    cell(el, 12, 2).focus();
    const scroller = scrollBox(el);
    const focused = () => focusedCell(el);
    scroller.scrollTop = 32 * 12;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => row(el, 0) === null, 'the window did not move');
    await el.updateComplete;
    expect(focused()).to.equal('12,2');
    scroller.scrollTop = 32 * 90;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => row(el, 12) === null, 'row 12 still rendered');
    await el.updateComplete;
    expect(focused()).to.equal(null);
  });

  it('pt-BR and es', async () => {
    const pt = await mount(revenue, 'locale="pt-BR"');
    expect(shadowText(pt)).to.contain('LTV por cliente');
    expect(cell(pt, 0, 0).textContent!.replace(/\s/g, ' ')).to.equal('R$ 177');
    expect(periodHead(pt, 2).textContent).to.contain('Mês 2');
    const es = await mount(customers, 'locale="es"');
    expect(shadowText(es)).to.contain('Promedio ponderado');
    expect(periodHead(es, 2).textContent).to.contain('Mes 2');
  });

  it('period numbers are formatted in the page’s locale too (here with Arabic-Indic digits)', async () => {
    const el = await mount(customers, 'locale="ar-EG" curve');
    expect(visibleText(periodHead(el, 2))).to.equal('٢');
    expect(periodHead(el, 2).textContent).to.contain('Month ٢');
    expect(
      [...el.shadowRoot!.querySelectorAll('figure[part~="chart"] text')].map((t) => t.textContent).slice(-2),
    ).to.deep.equal(['١', '١٩']);
  });

  it('fits 320 px: the grid scrolls inside its own box, never the page', async () => {
    const el = await mount(customers, 'theme="dark"', 320);
    const base = $(el, '[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    await expect(el).to.be.accessible();
  });

  it('zero-size cohorts and single cohorts render with no NaN', async () => {
    const doc = {
      kind: 'cohort',
      version: 1,
      measure: 'customers',
      periodUnit: 'day',
      cohorts: [
        { id: 'a', label: 'A', size: 0, values: [0, 0, null] },
        { id: 'b', label: 'B', size: 5, values: [5] },
      ],
    };
    const el = await mount(doc);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(cell(el, 0, 0).textContent!.trim()).to.equal('not defined');
    assertNoBadText(el);
  });

  it('loading, empty and error states', async () => {
    const loading = await fixture<KpiCohortGrid>(html`<kpi-cohort-grid></kpi-cohort-grid>`);
    expect(loading.getAttribute('state')).to.equal('loading');
    await expect(loading).to.be.accessible();
    const empty = await mount({ ...customers, cohorts: [] });
    expect(empty.getAttribute('state')).to.equal('empty');
    await expect(empty).to.be.accessible();
    const bad = clone(customers) as unknown as { cohorts: { values: unknown[] }[] };
    bad.cohorts[0]!.values = [239, null, 4];
    const error = await mount(bad);
    expect(error.getAttribute('state')).to.equal('error');
    expect($(error, '[role="alert"]')!.textContent).to.contain('cohorts[0].values[2]');
    expect($(error, 'table')).to.equal(null);
    await expect(error).to.be.accessible();
  });

  // Runs last: every path above (keyboard, scrolling with a focused cell, tooltips, mode changes) rendered once per
  // change.
  it("no render schedules another (Lit's change-in-update warning never fires)", () => {
    expect(renderWarnings).to.deep.equal([]);
  });
});
