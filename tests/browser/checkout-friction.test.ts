import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/checkout-friction/define.js';
import type { KpiCheckoutFriction } from '../../components/checkout-friction/kpi-checkout-friction.js';
import type { KpiSelectEvent } from '../../src/core/events.js';
import type { CheckoutFrictionDoc } from '../../src/index.js';
import { contrast, parseColor } from '../../src/compute/color.js';
import { assertNoBadText, clone, loadFixture, shadowText, mountWidget, visibleText } from './helpers/util.js';

let checkout: CheckoutFrictionDoc;
before(async () => {
  checkout = await loadFixture<CheckoutFrictionDoc>('checkout-friction.modelled.json');
});

const $ = (el: KpiCheckoutFriction, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: KpiCheckoutFriction, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];

/** The flow's steps (the rows of its chart). */
const steps = (el: KpiCheckoutFriction) => $$(el, 'ol[part~="chart"] [part~="row"]');
/** The headline values (outside the chart, the map and the causes). */
const headline = (el: KpiCheckoutFriction) =>
  $$(el, '[part~="value"]').filter((v) => !v.closest('[part~="chart"], ol, table'));
/** The friction map: the grid table. */
const map = (el: KpiCheckoutFriction) => $(el, 'table[role="grid"]')!;
/** A map cell by row and column (body rows; the row header is not a column). */
const mapCell = (el: KpiCheckoutFriction, r: number, c: number) =>
  map(el).querySelectorAll('tbody tr')[r]!.querySelectorAll('td')[c] as HTMLElement;
/** The box under the map that describes the focused cell (a polite status). */
const detail = (el: KpiCheckoutFriction) => $$(el, '[role="status"]').find((n) => !n.closest('[part~="status"]'))!;
/** The ranked causes (buttons in the list after the map). */
const causes = (el: KpiCheckoutFriction) => $$(el, 'section:last-of-type ol [part~="row"]');
/** The screen-reader table of the flow (the visually hidden one). */
const flowTable = (el: KpiCheckoutFriction) => $$(el, 'table').find((t) => !t.matches('[role="grid"]'))!;

const mount = (doc: unknown, attrs = '', width = 1100) =>
  mountWidget<KpiCheckoutFriction>('kpi-checkout-friction', doc, attrs, width);

describe('<kpi-checkout-friction>', () => {
  it('the flow: each step with entered, exited, abandonment, time, revenue at risk; the costliest marked', async () => {
    const el = await mount(checkout);
    expect(el.getAttribute('state')).to.equal('ready');
    const rows = steps(el);
    expect(rows.length).to.equal(4);
    const cart = rows[0]!.textContent!.replace(/\s+/g, ' ');
    expect(cart).to.contain('45%');
    expect(cart).to.contain('Entered 20,000');
    expect(cart).to.contain('Left 9,000');
    expect(cart).to.contain('Median time 48 sec');
    expect(cart).to.contain('R$1,441,440');
    expect(
      rows.filter((r) => r.textContent!.includes('Biggest loss')).map((r) => r.textContent!.trim().slice(0, 4)),
    ).to.deep.equal(['Cart']);
    expect(headline(el).map((k) => k.textContent)).to.deep.equal(['71.2%', 'R$2.3M']);
    assertNoBadText(el);
    await expect(el).to.be.accessible();
  });

  it('says when friction reports outnumber exits', async () => {
    const el = await mount(checkout);
    expect(steps(el)[1]!.textContent).to.contain('3,100 friction reports for 2,750 exits');
    expect(steps(el)[0]!.textContent).not.to.contain('friction reports for');
  });

  it('the friction map: steps × categories, shaded by count, empty cells visibly empty, AA text', async () => {
    const el = await mount(checkout);
    const table = map(el);
    expect([...table.querySelectorAll('thead th')].map((t) => t.textContent)).to.deep.equal([
      'Step',
      'Price',
      'Payment',
      'Form',
      'Account',
      'Delivery',
      'Trust',
      'Technical',
      'Other',
    ]);
    expect(mapCell(el, 0, 0).textContent).to.equal('5,600');
    const empty = mapCell(el, 0, 1);
    expect(empty.textContent).to.equal('none');
    expect(visibleText(empty)).to.equal('');
    expect(getComputedStyle(empty).borderStyle).to.equal('dashed');
    for (const td of [...table.querySelectorAll('td')].filter((c) => visibleText(c) !== '')) {
      const s = getComputedStyle(td);
      expect(contrast(parseColor(s.backgroundColor)!, parseColor(s.color)!)).to.be.at.least(4.5);
    }
  });

  it('map keyboard: arrows move like a grid, focus lists the frictions, Enter fires kpi-select', async () => {
    const el = await mount(checkout);
    const first = map(el).querySelector<HTMLElement>('td[tabindex="0"]')!;
    first.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(mapCell(el, 1, 1));
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(detail(el).textContent).to.contain('Shipping · Price');
    expect(detail(el).textContent).to.contain('Freight too expensive');
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail).to.deep.equal({ type: 'cell', id: 'shipping', category: 'price' });
  });

  it('ranked causes by count and by revenue at risk, with their step', async () => {
    const el = await mount(checkout);
    expect(causes(el)[0]!.textContent).to.contain('Shipping cost shown only at checkout');
    expect(causes(el)[0]!.textContent).to.contain('Cart · Price');
    const [, byRevenue] = [...$(el, '[role="group"][aria-label="Rank by"]')!.querySelectorAll('button')];
    byRevenue!.click();
    await el.updateComplete;
    expect(el.rankBy).to.equal('revenue');
    expect(visibleText(causes(el)[0]!)).to.match(/R\$[\d.]+K/);
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    causes(el)[0]!.click();
    const d = (await picked).detail;
    expect(d.type).to.equal('friction');
    // The union narrows on type: a friction carries its step.
    expect(d.type === 'friction' && typeof d.step === 'string').to.equal(true);
  });

  it('screen readers: each cause says what its figures count, in both rankings and in pt-BR', async () => {
    /** A button's name as a screen reader builds it: its text without the parts hidden from it. */
    const spoken = (b: HTMLElement) => {
      const copy = b.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    };
    const el = await mount(checkout);
    expect(spoken(causes(el)[0]!)).to.match(
      /^Shipping cost shown only at checkout [\d,]+ reports Cart · Price · Revenue at risk: R\$[\d.]+K$/,
    );
    el.rankBy = 'revenue';
    await el.updateComplete;
    expect(spoken(causes(el)[0]!)).to.match(/Revenue at risk: R\$[\d.]+K .* · [\d,]+ reports$/);
    const pt = await mount(checkout, 'locale="pt-BR"');
    expect(spoken(causes(pt)[0]!)).to.match(/[\d.]+ relatos .*: R\$\s[\d,]+\smil$/);
  });

  for (const width of [616, 1084, 1280]) {
    it(`${width} px: the friction map shows every category unscrolled; its details are never empty`, async () => {
      const el = await mount(checkout, '', width);
      const scroller = $(el, '.map-scroll')!;
      expect(
        scroller.scrollWidth <= scroller.clientWidth + 1,
        `map ${scroller.scrollWidth} in ${scroller.clientWidth}`,
      ).to.equal(true);
      expect($$(el, '.map thead th').length).to.equal(
        1 + new Set(checkout.steps.flatMap((s) => (s.frictions ?? []).map((f) => f.category))).size,
      );
      // Before any cell is picked, the details are the tab stop's cell's.
      expect($(el, '.cell-detail')!.textContent!.trim()).to.match(/^Cart · Price/);
    });
  }

  it('breakdowns: the flow for one value and its difference from the whole', async () => {
    const el = await mount(checkout);
    const select = $(el, 'select') as HTMLSelectElement;
    select.value = 'device:mobile';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.breakdown).to.equal('device:mobile');
    const cart = steps(el)[0]!;
    expect(cart.querySelector('[part~="value"]')!.textContent).to.equal('48.6%');
    expect(cart.querySelector('[part~="delta"]')!.textContent).to.equal('+3.6 p.p. vs all');
    expect(cart.querySelector('[part~="delta"]')!.className).to.equal('worse');
    expect(shadowText(el)).to.contain('Checkout abandonment · Device: Mobile');
    await expect(el).to.be.accessible();
  });

  it('click on a step fires kpi-select', async () => {
    const el = await mount(checkout);
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    steps(el)[2]!.click();
    expect((await picked).detail).to.deep.equal({ type: 'step', id: 'payment' });
  });

  it('screen readers get a table for the flow', async () => {
    const el = await mount(checkout);
    const table = flowTable(el);
    const row = [...table.querySelectorAll('tbody tr')][0]!;
    expect([...row.children].map((c) => c.textContent)).to.deep.equal([
      'Cart (Biggest loss)',
      '20,000',
      '9,000',
      '45%',
      '48 sec',
      'R$1,441,440 (estimated: exits × average order value)',
    ]);
  });

  it('revenueLost overrides the estimate', async () => {
    const doc = clone(checkout);
    doc.steps[3]!.revenueLost = 999999;
    const el = await mount(doc);
    expect(steps(el)[3]!.textContent).to.contain('R$999,999');
    expect(flowTable(el).querySelectorAll('tbody tr')[3]!.textContent).to.contain('reported by the store');
  });

  it('exited > entered is an error with its path', async () => {
    const doc = clone(checkout);
    doc.steps[2]!.exited = 10 ** 6;
    const el = await mount(doc);
    expect(el.getAttribute('state')).to.equal('error');
    expect($(el, '[role="alert"]')!.textContent).to.contain('steps[2].exited');
    await expect(el).to.be.accessible();
  });

  it('pt-BR money in the document currency, and es strings', async () => {
    const pt = await mount(checkout, 'locale="pt-BR"');
    expect(shadowText(pt)).to.contain('Abandono do checkout');
    expect(steps(pt)[0]!.textContent!.replace(/\s/g, ' ')).to.contain('R$ 1.441.440');
    const es = await mount(checkout, 'locale="es"');
    expect(shadowText(es)).to.contain('Por qué se van los compradores');
  });

  it('fits a 320 px phone, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(checkout, `theme="${theme}"`, 320);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth, theme).to.be.at.most(base.clientWidth + 1);
      await expect(el).to.be.accessible();
    }
  });

  it('loading and empty states', async () => {
    const loading = await fixture<KpiCheckoutFriction>(html`<kpi-checkout-friction></kpi-checkout-friction>`);
    expect(loading.getAttribute('state')).to.equal('loading');
    await expect(loading).to.be.accessible();
    const empty = await mount({ ...checkout, steps: [], breakdowns: [] });
    expect(empty.getAttribute('state')).to.equal('empty');
    // The shared empty-state message (the map's "none" for an empty cell is another key).
    expect(empty.shadowRoot!.querySelector('[part~="status"]')!.textContent).to.equal('No data for this period.');
    await expect(empty).to.be.accessible();
  });
});
