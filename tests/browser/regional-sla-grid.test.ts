// <kpi-regional-sla>'s rows are laid out alone (issue #39): every row is a grid on the same tracks, and a body row is a
// fixed-height box with its own layout and paint (`contain: strict`), so a sort, filter or scroll that draws new rows
// does not lay out the rest. These tests hold what that must not cost: the columns of every row line up with the
// headers (at a phone's and a desktop's width, grouped or not, with the text doubled, after a sort and a scroll).
import { expect } from '@open-wc/testing';
import '../../components/regional-sla/define.js';
import type { KpiRegionalSla } from '../../components/regional-sla/kpi-regional-sla.js';
import type { RegionalSlaDoc } from '../../src/index.js';
import { loadFixture } from './helpers/util.js';
import { municipalities } from '../data/generators.js';
import { $, $$, mount, regions, scrollTable } from './helpers/regional-sla.js';

/** The drawn rows below the headers: regions, groups and the totals (not the spacers). */
const bodyRows = (el: KpiRegionalSla) => $$(el, 'tbody tr:not(.spacer), tfoot tr');

/** Where each row's cells start and end, against the sort headers' (in px, rounded to halves); the rows that differ. */
function misaligned(el: KpiRegionalSla): string[] {
  const edges = (tr: Element) =>
    [...tr.children].map((c) => {
      const r = c.getBoundingClientRect();
      return `${Math.round(r.left * 2) / 2}…${Math.round(r.right * 2) / 2}`;
    });
  const head = edges($(el, 'thead tr.h2')!);
  const out: string[] = [];
  for (const tr of bodyRows(el)) {
    const e = edges(tr);
    if (e.join() !== head.join()) out.push(`${tr.className} ${tr.getAttribute('aria-rowindex')}: ${e} ≠ ${head}`);
  }
  // Each metric's heading spans its three columns exactly.
  const metricHeads = $$(el, 'thead tr.h1 th.metric-head');
  const cols = [...$(el, 'thead tr.h2')!.children];
  const first = cols.length - metricHeads.length * 3;
  metricHeads.forEach((h, m) => {
    const r = h.getBoundingClientRect();
    const a = cols[first + m * 3]!.getBoundingClientRect();
    const b = cols[first + m * 3 + 2]!.getBoundingClientRect();
    if (Math.abs(r.left - a.left) > 0.5 || Math.abs(r.right - b.right) > 0.5) out.push(`metric heading ${m}`);
  });
  return out;
}

let states: RegionalSlaDoc;
before(async () => {
  states = await loadFixture<RegionalSlaDoc>('regional-sla.states.json');
});
afterEach(() => {
  document.documentElement.style.fontSize = '';
});

describe('<kpi-regional-sla>: rows laid out alone, columns in line', () => {
  for (const [width, rootFont, attrs] of [
    [320, '', ''],
    [1100, '', ''],
    [1100, '', 'grouped'],
    [1100, '32px', ''],
    [320, '32px', 'grouped'],
  ] as const) {
    it(`${width} px${rootFont ? `, root font ${rootFont}` : ''}${attrs ? `, ${attrs}` : ''}`, async () => {
      document.documentElement.style.fontSize = rootFont;
      const el = await mount(states, attrs, width);
      expect(bodyRows(el).length).to.be.greaterThan(attrs ? 28 : 27);
      expect(misaligned(el)).to.deep.equal([]);
      // Every body row: a contained box exactly one row high, 3.15 em of the widget's font (the height the row
      // window counts with).
      const rowH = 3.15 * Number.parseFloat(getComputedStyle(el).fontSize);
      for (const tr of $$(el, 'tbody tr:not(.spacer)')) {
        expect(getComputedStyle(tr).contain).to.equal('strict');
        expect(tr.getBoundingClientRect().height).to.be.closeTo(rowH, 0.5);
      }
    });
  }

  it('5,000 regions: after a sort and a scroll, the new rows line up and sit one row height apart', async () => {
    const el = await mount(municipalities(), '', 780);
    el.sort = 'delivery:p90';
    await el.updateComplete;
    await scrollTable(el, 44 * 1200, 1000);
    expect(misaligned(el)).to.deep.equal([]);
    const tops = regions(el).map((r) => r.getBoundingClientRect().top);
    // A row is 3.15 em of the widget's font (44.1 px at 14 px).
    const rowH = 3.15 * Number.parseFloat(getComputedStyle(el).fontSize);
    expect(tops.slice(1).every((t, i) => Math.abs(t - tops[i]! - rowH) < 0.5)).to.equal(true);
    // The first drawn row sits where its index puts it: the spacer above holds exactly the rows not drawn.
    const first = regions(el)[0]!;
    const index = Number(first.dataset['index']);
    const tbodyTop = $(el, 'tbody')!.getBoundingClientRect().top;
    expect(first.getBoundingClientRect().top - tbodyTop).to.be.closeTo(index * rowH, 1);
  });
});
