import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../components/forecast/define.js';
import type { KpiForecast } from '../../components/forecast/kpi-forecast.js';
import type { KpiErrorEvent, KpiSelectEvent } from '../../src/core/events.js';
import type { ForecastDoc } from '../../src/index.js';
import { forecastOutlook } from '../../src/compute/forecast-doc.js';
import { formatValue } from '../../src/format/index.js';
import { assertNoBadText, clone, loadFixture, mountWidget, visuallyHidden } from './helpers/util.js';

let monthly: ForecastDoc;
let daily: ForecastDoc;
let provided: ForecastDoc;
let pipeline: ForecastDoc;
before(async () => {
  [monthly, daily, provided, pipeline] = await Promise.all([
    loadFixture<ForecastDoc>('forecast.monthly-revenue.json'),
    loadFixture<ForecastDoc>('forecast.daily-revenue.json'),
    loadFixture<ForecastDoc>('forecast.weekly-provided.json'),
    loadFixture<ForecastDoc>('forecast.pipeline.modelled.json'),
  ]);
});

const $ = (el: KpiForecast, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: KpiForecast, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
/** A headline tile by the start of its label: its value and the line under it. */
const tile = (el: KpiForecast, label: string) => {
  const li = $$(el, 'ul.tiles > li').find((t) => t.querySelector('[part~="label"]')!.textContent!.startsWith(label));
  return li ? { value: li.querySelector('[part~="value"]')!.textContent, sub: li.lastElementChild!.textContent } : null;
};
const slider = (el: KpiForecast) => $(el, '[role="slider"]')!;
const tooltipTitle = (el: KpiForecast) => $(el, '[role="tooltip"] strong')?.textContent ?? null;
const legend = (el: KpiForecast) => [...$(el, '[part~="legend"]')!.children].map((c) => c.textContent!.trim());
/** Text with its no-break spaces as plain spaces (Intl puts them in pt-BR and es money). */
const plain = (s: string | null | undefined) => (s ?? '').replace(/\s/g, ' ');
const money = (v: number | null) => formatValue('en-US', 'currency', v, { currency: 'BRL', compact: true });

const mount = (doc: unknown, attrs = '', width = 1100) => mountWidget<KpiForecast>('kpi-forecast', doc, attrs, width);

describe('<kpi-forecast>', () => {
  it('monthly Olist revenue: the running month paced to its close, against target, with the daily need', async () => {
    const el = await mount(monthly);
    expect(el.getAttribute('state')).to.equal('ready');
    const o = forecastOutlook(monthly);
    expect(tile(el, 'Projected close')!.value).to.equal(money(o.close!.projected));
    expect(tile(el, 'Projected close')!.sub).to.contain('of target R$170K');
    // Olist's August 2018: R$130.8K in by the 20th against R$170K.
    expect(tile(el, 'Gap to target')!.sub).to.equal('R$130.8K so far, 77% of target');
    expect(tile(el, 'Needed per day')!.sub).to.equal('11 days left');
    // The tiles' money reads alike: compact like the others, though this one is under ten thousand.
    expect(tile(el, 'Needed per day')!.value).to.equal('R$3.6K');
    expect(tile(el, 'Next: September 2018')!.value).to.equal(money(o.rows[20]!.forecast!.value));
    expect(tile(el, 'Next: September 2018')!.sub).to.match(/^R\$[\d.]+K to R\$[\d.]+K \(80% range\)$/);
    assertNoBadText(el);
    await expect(el).to.be.accessible();
  });

  // The forecast is joined to the last actual; today and the running month are set apart.
  it('draws actuals, targets, the forecast with its band, today and the running month', async () => {
    const el = await mount(monthly);
    for (const cls of ['actual', 'target', 'forecast', 'band'])
      expect($(el, `path.${cls}`)!.getAttribute('d')!.length, cls).to.be.greaterThan(10);
    // The forecast starts where the actuals end (July 2018), not in a gap.
    const lastActualX = Number($(el, 'path.actual')!.getAttribute('d')!.split('L').at(-1)!.split(',')[0]);
    const forecastStartX = Number($(el, 'path.forecast')!.getAttribute('d')!.slice(1).split(',')[0]);
    expect(forecastStartX).to.equal(lastActualX);
    expect(['line.today', 'circle.sofar', 'circle.projected'].map((sel) => $(el, sel) !== null)).to.deep.equal([
      true,
      true,
      true,
    ]);
    expect(legend(el)).to.deep.equal(['Actual', 'Target', 'Forecast (80%)', 'Running period', 'Projected close']);
  });

  it('says which model and how far off it typically is, with the ETS code in the details', async () => {
    const el = await mount(monthly);
    const o = forecastOutlook(monthly);
    const model = $(el, '[part~="model"] p')!.textContent!;
    expect(model).to.match(
      /^(Exponential smoothing \(level[^)]*\)|Repeats the last value) · typically within ±[\d.]+%$/,
    );
    expect($(el, 'details')!.textContent).to.contain(
      o.result!.model.startsWith('A') || o.result!.model.startsWith('M') ? 'ETS(' : o.result!.model,
    );
  });

  // The pointer crossing a focused chart shows the period under it; leaving goes back to the keyboard's period.
  it('pointer over a focused chart: its period while over, the keyboard’s again once it leaves', async () => {
    const el = await mount(monthly);
    const s = slider(el);
    s.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(tooltipTitle(el)).to.equal('July 2018');
    const box = s.getBoundingClientRect();
    s.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width * 0.3, clientY: box.top + 20 }));
    await el.updateComplete;
    const over = tooltipTitle(el);
    expect(over).to.not.equal(null);
    expect(over).to.not.equal('July 2018');
    s.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(tooltipTitle(el)).to.equal('July 2018');
    expect(s.getAttribute('aria-valuenow')).to.equal('18');
  });

  it('keyboard: one tab stop along the periods, tooltip on focus, Escape closes it, Enter picks', async () => {
    const el = await mount(monthly);
    const s = slider(el);
    s.focus();
    await el.updateComplete;
    expect(tooltipTitle(el)).to.equal('August 2018 (Running period)');
    expect(s.getAttribute('aria-valuetext')).to.contain('Projected close: R$');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(tooltipTitle(el)).to.equal('July 2018');
    expect(s.getAttribute('aria-valuenow')).to.equal('18');
    let escaped = false;
    const outer = () => {
      escaped = true;
    };
    document.addEventListener('keydown', outer);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    document.removeEventListener('keydown', outer);
    expect(tooltipTitle(el)).to.equal(null);
    expect(escaped, 'the Escape that closed the tooltip reached the page').to.equal(false);
    const picked = oneEvent(el, 'kpi-select') as Promise<KpiSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail).to.deep.equal({ type: 'period', id: '2018-07-01' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(tooltipTitle(el)).to.equal('October 2018');
    expect(el.shadowRoot!.activeElement).to.equal(s);
    // A slider, as ARIA has it: Down and Left earlier, Up and Right later, PageDown a season earlier.
    const at = () => Number(s.getAttribute('aria-valuenow'));
    const end = at();
    for (const [key, move] of [
      ['ArrowDown', -1],
      ['ArrowUp', 1],
      ['ArrowLeft', -1],
      ['ArrowRight', 1],
      ['PageDown', -12],
      ['PageUp', 12],
    ] as const) {
      const before = at();
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(at() - before, key).to.equal(Math.max(-before, Math.min(move, end - before)));
    }
  });

  it('the tab stop survives a new document, and the keyboard position is kept within it', async () => {
    const el = await mount(daily);
    slider(el).focus();
    await sendKeys({ press: 'End' });
    el.data = monthly;
    await el.updateComplete;
    const s = slider(el);
    expect(s.getAttribute('tabindex')).to.equal('0');
    expect(Number(s.getAttribute('aria-valuenow'))).to.be.lessThan(Number(s.getAttribute('aria-valuemax')) + 1);
  });

  it('a forecast supplied with the data is drawn as given, at its own level', async () => {
    const el = await mount(provided);
    expect($(el, '[part~="model"] p')!.textContent).to.equal('Forecast supplied with the data');
    expect($(el, 'details')).to.equal(null);
    expect(legend(el)).to.include('Forecast (90%)');
    expect(tile(el, 'Next: ')!.value).to.equal(money(provided.points.find((p) => p.forecast)!.forecast!.value));
  });

  it('the pipeline: closed, commit, best case and open against quota, with coverage', async () => {
    const el = await mount(pipeline);
    const p = $(el, '[part~="pipeline"]')!;
    expect(p.querySelector('h3')!.textContent).to.equal('Pipeline vs quota');
    expect([...p.querySelectorAll('li')].map((li) => li.textContent!.trim().replace(/\s+/g, ' '))).to.deep.equal([
      'Closed R$645.2K',
      'Commit R$210K',
      'Best case R$140K',
      'Open pipeline R$380K',
    ]);
    // (210 + 140 + 380) / (1,085 − 645.2) thousand = 1.7×
    expect(p.querySelector('.note')!.textContent).to.equal('Quota R$1.1M · 59% · Coverage 1.7× of what is left');
    await expect(el).to.be.accessible();
  });

  it('too short a history: the last value repeated, and said', async () => {
    const doc = {
      kind: 'forecast',
      version: 1,
      metric: { label: 'Orders', format: 'integer' },
      granularity: 'month',
      points: [
        { period: '2026-09-01', actual: 120 },
        { period: '2026-10-01', actual: 135 },
      ],
    };
    const el = await mount(doc);
    expect($(el, '[part~="model"] p')!.textContent).to.equal('Repeats the last value');
    expect($(el, '[part~="model"] .note')!.textContent).to.contain('Too little history');
    expect(tile(el, 'Next: November 2026')!.value).to.equal('135');
    assertNoBadText(el);
  });

  it('a screen reader gets every period in a hidden table', async () => {
    const el = await mount(monthly);
    const table = $(el, 'table')!;
    expect(visuallyHidden(table)).to.equal(true);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal([
      'Period',
      'Actual',
      'Target',
      'Forecast',
      'Low (80%)',
      'High (80%)',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(22);
    // The running period says its projected close and the gap, as the tiles do (issue #40).
    expect(rows[19]!.querySelector('th')!.textContent).to.equal(
      'August 2018 (Running period: Projected close R$205,194, R$35,194 ahead)',
    );
    // Blank cells say what they are.
    expect([...rows[0]!.querySelectorAll('td')].map((td) => td.textContent)).to.deep.equal([
      'R$22,516',
      'no target',
      'no forecast',
      'no forecast',
      'no forecast',
    ]);
    expect(rows[0]!.querySelectorAll('td')[0]!.textContent).to.equal('R$22,516');
  });

  it('speaks Portuguese and Spanish, with the page’s money and dates', async () => {
    const pt = await mount(monthly, 'locale="pt-BR"');
    expect(tile(pt, 'Fechamento projetado')).to.not.equal(null);
    expect(plain(tile(pt, 'Distância da meta')!.sub)).to.equal('R$ 130,8 mil até agora, 77% da meta');
    expect(tile(pt, 'Próximo: setembro de 2018')).to.not.equal(null);
    expect(legend(pt)[0]).to.equal('Realizado');
    const es = await mount(monthly, 'locale="es"');
    expect(tile(es, 'Cierre proyectado')).to.not.equal(null);
    expect(tile(es, 'Necesario por día')!.sub).to.equal('quedan 11 días');
    await expect(pt).to.be.accessible();
  });

  it('an invalid document names each problem by path, fires kpi-error and draws nothing', async () => {
    const doc = clone(monthly) as unknown as Record<string, unknown>;
    doc['granularity'] = 'year';
    const wrap = await mount(undefined);
    const err = oneEvent(wrap, 'kpi-error') as Promise<KpiErrorEvent>;
    wrap.data = doc as never; // untyped on purpose: the widget validates it
    const e = await err;
    await wrap.updateComplete;
    expect(e.detail.issues.map((i) => i.pathText)).to.include('granularity');
    expect($(wrap, '[role="alert"]')!.textContent).to.contain('granularity');
    expect($(wrap, 'svg')).to.equal(null);
    expect(wrap.getAttribute('state')).to.equal('error');
  });

  it('empty: targets but no actual and no forecast', async () => {
    const doc = {
      ...clone(monthly),
      points: monthly.points.map((p) => ({ period: p.period, target: p.target })),
      pacing: undefined,
    };
    const el = await mount(doc);
    expect(el.getAttribute('state')).to.equal('empty');
    await expect(el).to.be.accessible();
  });

  it('forced colours: lines, band, dots, legend keys and pipeline bars stay visible in system colours', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const el = await mount(pipeline);
      const visible = (c: string) => c !== 'none' && c !== 'transparent' && !/rgba\(.*, 0\)$/.test(c);
      for (const sel of ['path.actual', 'path.forecast', 'path.target', 'circle.sofar']) {
        const cs = getComputedStyle($(el, sel)!);
        expect(visible(cs.stroke), `${sel} stroke ${cs.stroke}`).to.equal(true);
      }
      expect(visible(getComputedStyle($(el, 'path.band')!).fill)).to.equal(true);
      for (const n of $$(el, '.pl-seg, .legend .key')) {
        const cs = getComputedStyle(n);
        expect(cs.borderTopStyle !== 'none' && visible(cs.borderTopColor), `${n.className} border`).to.equal(true);
      }
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('fits a 320 px phone: nothing wider than the card', async () => {
    for (const doc of [monthly, pipeline, daily]) {
      const el = await mount(doc, '', 320);
      const card = $(el, '[part~="base"]')!.getBoundingClientRect();
      for (const n of $$(el, 'svg, ul.tiles, [part~="pipeline"], [part~="legend"]')) {
        expect(n.getBoundingClientRect().right, n.className.toString()).to.be.at.most(card.right + 0.5);
      }
      assertNoBadText(el);
    }
  });
});
