// <kpi-regional-sla> at scale (5,000 regions: the rows in view, sorts and filters, the keyboard and scrolling keep
// the focus on its region), and what a screen reader hears while filtering.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/regional-sla/define.js';
import type { KpiRegionalSla } from '../../components/regional-sla/kpi-regional-sla.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { RegionalSlaDoc } from '../../src/index.js';
import { loadFixture, shadowText } from './helpers/util.js';
import { municipalities } from '../data/generators.js';
import { filterRows, slaRows, sortRows } from '../../src/compute/regional-sla.js';
import { useFakeClock } from './helpers/clock.js';
import { $, $$, mount, regions, scrollBox, scrollTable } from './helpers/regional-sla.js';

let statesPt: RegionalSlaDoc;
before(async () => {
  statesPt = await loadFixture<RegionalSlaDoc>('regional-sla.states.pt-BR.json');
});

describe('<kpi-regional-sla>: 5,000 regions', () => {
  it('5,000 regions: renders only the rows in view, keeps table semantics, sorts and filters', async () => {
    const doc = municipalities();
    const el = await mount(doc, '', 780);
    const rendered = regions(el);
    expect(rendered.length).to.be.greaterThan(5);
    expect(rendered.length).to.be.below(120);
    expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal('5003');
    expect(rendered[0]!.getAttribute('aria-rowindex')).to.equal('3');
    const scroller = await scrollTable(el, 44 * 2500, 2000);
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
