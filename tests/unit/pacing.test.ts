import { describe, expect, it } from 'vitest';
import { daysBetween, pacePeriod, weekdayProfile, type PacingDay } from '../../src/compute/pacing.js';
import { addPeriods, alignedStart } from '../../src/compute/periods.js';
import { forecastOutlook, oneEstimate, pipelineModel, type RunningClose } from '../../src/compute/forecast-doc.js';
import { forecastView } from '../../src/view/forecast.js';
import { forecastStrings } from '../../src/i18n/en/forecast.js';
import { inLocale } from './view/helpers.js';
import { forecastIsEmpty } from '../../src/schema/forecast.js';
import { issueText, parseKpi, type ForecastDoc } from '../../src/index.js';
import { clone, loadFixture } from './fixtures.js';

const days = (from: string, n: number, value: (i: number, weekday: number) => number | null): PacingDay[] =>
  Array.from({ length: n }, (_, i) => {
    const date = addPeriods(from, 'day', i);
    return { date, actual: value(i, new Date(`${date}T00:00:00Z`).getUTCDay()) };
  });

describe('periods', () => {
  it.each([
    ['2026-01-01', 'month', 1, '2026-02-01'],
    ['2026-01-01', 'month', 13, '2027-02-01'],
    ['2026-11-01', 'quarter', 1, '2027-02-01'],
    ['2026-11-30', 'week', 1, '2026-12-07'],
    ['2024-02-28', 'day', 2, '2024-03-01'],
    ['2026-03-01', 'month', -1, '2026-02-01'],
  ] as const)('%s + %s × %s = %s', (date, g, k, want) => expect(addPeriods(date, g, k)).toBe(want));
  it('aligns a date to its period', () => {
    expect(alignedStart('2026-11-30', 'week')).toBe('2026-11-30');
    expect(alignedStart('2026-12-06', 'week')).toBe('2026-11-30');
    expect(alignedStart('2026-11-20', 'quarter')).toBe('2026-10-01');
    expect(alignedStart('2026-11-20', 'month')).toBe('2026-11-01');
  });
  it('counts days', () => expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30));
});

describe('pacing', () => {
  it('flat below four weeks: the projection is the daily average times the days', () => {
    const p = pacePeriod({
      days: days('2026-11-01', 10, () => 100),
      asOf: '2026-11-10',
      start: '2026-11-01',
      end: '2026-12-01',
      target: 3600,
    });
    expect(p.flat).toBe(true);
    expect(p).toMatchObject({
      soFar: 1000,
      projected: 3000,
      gap: -600,
      elapsedDays: 10,
      remainingDays: 20,
      totalDays: 30,
    });
    expect(p.attainment).toBeCloseTo(1000 / 3600, 12);
    expect(p.requiredPerDay).toBe(130);
  });
  it('a weekday profile: weekends sell nothing, so a month that started on weekdays is not over-projected', () => {
    // Four weeks of history with weekdays at 100 and weekends at 0, then a running month.
    const history = days('2026-10-01', 31, (_, w) => (w === 0 || w === 6 ? 0 : 100));
    const running = days('2026-11-01', 10, (_, w) => (w === 0 || w === 6 ? 0 : 100));
    const all = [...history, ...running];
    const profile = weekdayProfile(all, '2026-11-10')!;
    expect(profile[0]).toBe(0);
    expect(profile[6]).toBe(0);
    expect(profile[3]).toBeCloseTo(1.4, 12);
    const p = pacePeriod({ days: all, asOf: '2026-11-10', start: '2026-11-01', end: '2026-12-01', target: 2000 });
    expect(p.flat).toBe(false);
    // November 2026 has 21 weekdays: 100 each.
    expect(p.projected).toBeCloseTo(2100, 9);
    expect(p.gap).toBeCloseTo(100, 9);
  });
  it('no target: no gap, attainment or required rate; the target reached: nothing more is required', () => {
    const a = pacePeriod({
      days: days('2026-11-01', 5, () => 10),
      asOf: '2026-11-05',
      start: '2026-11-01',
      end: '2026-12-01',
    });
    expect([a.gap, a.attainment, a.requiredPerDay]).toEqual([null, null, null]);
    const b = pacePeriod({
      days: days('2026-11-01', 5, () => 10),
      asOf: '2026-11-05',
      start: '2026-11-01',
      end: '2026-12-01',
      target: 20,
    });
    expect(b.requiredPerDay).toBe(0);
  });
  it('the last day: nothing remains; nulls and zeros; huge values', () => {
    const a = pacePeriod({
      days: days('2026-11-01', 30, (i) => (i % 2 ? null : 0)),
      asOf: '2026-11-30',
      start: '2026-11-01',
      end: '2026-12-01',
      target: 0,
    });
    expect(a).toMatchObject({ soFar: 0, projected: 0, remainingDays: 0, requiredPerDay: null, attainment: null });
    const b = pacePeriod({
      days: days('2026-11-01', 3, () => 1e14),
      asOf: '2026-11-03',
      start: '2026-11-01',
      end: '2026-12-01',
      target: 1e15,
    });
    expect(b.projected).toBeCloseTo(3e15, -3);
    expect(
      Object.values(b).every((v) => v === null || typeof v === 'boolean' || Array.isArray(v) || Number.isFinite(v)),
    ).toBe(true);
  });
});

describe('forecastOutlook', () => {
  const monthly = () => clone(loadFixture('forecast.monthly-revenue.json')) as unknown as ForecastDoc;
  it('every forecast fixture parses', () => {
    for (const f of [
      'forecast.monthly-revenue.json',
      'forecast.daily-revenue.json',
      'forecast.weekly-provided.json',
      'forecast.pipeline.modelled.json',
    ]) {
      expect(parseKpi(loadFixture(f), 'forecast').issues).toEqual([]);
    }
  });
  it('monthly Olist: fits on the complete months, forecasts the running one and two more, paces August', () => {
    const o = forecastOutlook(monthly());
    expect(o.source).toBe('model');
    expect(o.partial).toBe(19);
    expect(o.lastActual).toBe(18);
    expect(o.rows.slice(19, 22).every((r) => r.forecast)).toBe(true);
    expect(o.rows[18]!.forecast).toBeNull();
    expect(o.close!.pacing!.flat).toBe(false);
    expect(o.close!.soFar).toBeCloseTo(130839.29, 2);
    expect(o.close!.projected!).toBeGreaterThan(o.close!.soFar);
    expect(o.next).toBe(20);
    expect(o.typicalError).toBeGreaterThan(0);
  });
  it('a provided forecast is drawn as given; model "none" draws none', () => {
    const p = forecastOutlook(loadFixture('forecast.weekly-provided.json') as unknown as ForecastDoc);
    expect(p.source).toBe('provided');
    expect(p.result).toBeNull();
    expect(p.level).toBe(0.9);
    const doc = monthly();
    doc.forecast = { model: 'none' };
    const n = forecastOutlook(doc);
    expect(n.source).toBe('none');
    expect(n.rows.every((r) => !r.forecast)).toBe(true);
  });
  it('the horizon extends the periods past the document', () => {
    const doc = monthly();
    doc.forecast = { horizon: 6 };
    const o = forecastOutlook(doc);
    expect(o.rows.length).toBe(19 + 6);
    expect(o.rows.at(-1)!.period).toBe('2019-01-01');
  });
  it('without pacing days, the running period closes at the model forecast (never below what is in)', () => {
    const doc = monthly();
    delete doc.pacing;
    const o = forecastOutlook(doc);
    expect(o.close!.pacing).toBeNull();
    expect(o.close!.projected).toBe(Math.max(o.close!.soFar, o.rows[19]!.forecast!.value));
  });
  it('empty: no actual and no forecast', () => {
    const doc = monthly();
    doc.points = doc.points.map((p) => ({ period: p.period, target: p.target }));
    delete doc.pacing;
    expect(forecastIsEmpty(doc)).toBe(true);
    expect(forecastIsEmpty(monthly())).toBe(false);
  });
  it.each([
    [{ quota: 1000, closed: 400, commit: 300, bestCase: 200, open: 700 }, 0.4, 2, 1600],
    [{ quota: 1000, closed: 1200, commit: 0, bestCase: 0, open: 0 }, 1.2, null, 1200],
    [{ quota: 0, closed: 0, commit: 0, bestCase: 0, open: 0 }, null, null, 0],
  ])('pipeline %o: attainment %s, coverage %s', (p, attainment, coverage, total) => {
    expect(pipelineModel(p)).toMatchObject({ attainment, coverage, total });
  });
});

/** The monthly fixture as loose JSON, to break in the tests. */
type Loose = {
  points: Record<string, unknown>[];
  pacing: { asOf: string; days: unknown[] };
  forecast: Record<string, unknown>;
  [key: string]: unknown;
};

describe('forecast schema', () => {
  const issues = (mutate: (d: Loose) => void) => {
    const d = clone(loadFixture('forecast.monthly-revenue.json')) as Loose;
    mutate(d);
    return parseKpi(d, 'forecast').issues.map(issueText);
  };
  it.each([
    [
      'a gap in the periods',
      (d: Loose) => {
        d.points.splice(3, 1);
      },
      'points[3].period',
    ],
    [
      'a period not on its first day',
      (d: Loose) => {
        d.points[0]!['period'] = '2017-01-02';
      },
      'points[0].period',
    ],
    [
      'two partial periods',
      (d: Loose) => {
        d.points[18]!['partial'] = true;
      },
      'points[19].partial',
    ],
    [
      'a partial period without its actual',
      (d: Loose) => {
        delete d.points[19]!['actual'];
      },
      'points[19].actual',
    ],
    [
      'pacing outside the running period',
      (d: Loose) => {
        d.pacing.asOf = '2018-09-02';
      },
      'pacing.asOf',
    ],
    [
      'pacing days out of order',
      (d: Loose) => {
        d.pacing.days.reverse();
      },
      'pacing.days[1].date',
    ],
    [
      'a level above 0.99',
      (d: Loose) => {
        d.forecast['level'] = 1.5;
      },
      'forecast.level',
    ],
    [
      'an unknown model',
      (d: Loose) => {
        d.forecast['model'] = 'ARIMA';
      },
      'forecast.model',
    ],
    [
      'a forecast outside its interval',
      (d: Loose) => {
        d.points[20]!['forecast'] = { value: 10, lower: 20, upper: 30 };
      },
      'points[20].forecast',
    ],
    [
      'currency missing',
      (d: Loose) => {
        delete d['currency'];
      },
      'currency',
    ],
    [
      'a bad granularity',
      (d: Loose) => {
        d['granularity'] = 'year';
      },
      'granularity',
    ],
  ])('%s is reported at its path', (_, mutate, path) => {
    const found = issues(mutate);
    expect(
      found.some((t) => t.startsWith(`${path}:`)),
      found.join('\n'),
    ).toBe(true);
    // One root problem, one issue: no cascade over the later points.
    expect(found.length, found.join('\n')).toBeLessThanOrEqual(2);
  });
});

describe("one estimate per period: the running period's forecast is its projected close", () => {
  const base: RunningClose = {
    index: 0,
    soFar: 100,
    projected: 300,
    target: null,
    gap: null,
    attainment: null,
    projectedAttainment: null,
    pacing: null,
    model: null,
  };
  const row = (forecast: { value: number; lower: number; upper: number } | null) => ({
    period: '2026-01-01',
    last: '2026-01-31',
    actual: 100,
    target: null,
    partial: true,
    forecast,
  });
  it.each([
    [
      'the model said more: the band moves with the value',
      { value: 400, lower: 350, upper: 480 },
      300,
      { value: 300, lower: 250, upper: 380 },
      400,
    ],
    [
      'the model said less than is already in',
      { value: 80, lower: 20, upper: 140 },
      300,
      { value: 300, lower: 240, upper: 360 },
      80,
    ],
    [
      'a wide band never reaches below what is in',
      { value: 400, lower: 0, upper: 800 },
      300,
      { value: 300, lower: 100, upper: 700 },
      400,
    ],
    [
      'already in beyond the projection: the lower end stops at the projection',
      { value: 200, lower: 150, upper: 260 },
      90,
      { value: 90, lower: 90, upper: 150 },
      200,
    ],
    [
      'the same value: nothing changes',
      { value: 300, lower: 250, upper: 350 },
      300,
      { value: 300, lower: 250, upper: 350 },
      null,
    ],
  ] as const)('%s', (_, f, projected, after, model) => {
    const r = row({ ...f });
    const c = oneEstimate({ ...base, projected }, r);
    expect(r.forecast).toEqual(after);
    expect(c.model).toBe(model);
  });
  it('no forecast, or no projection: nothing to reconcile', () => {
    const r = row(null);
    expect(oneEstimate(base, r)).toBe(base);
    const f = row({ value: 400, lower: 350, upper: 480 });
    expect(oneEstimate({ ...base, projected: null }, f).model).toBeNull();
    expect(f.forecast).toEqual({ value: 400, lower: 350, upper: 480 });
  });
  // The details say what the model alone said.
  it("monthly Olist (August 2018 running, paced): the chart's point, the table and the tile agree", () => {
    const doc = clone(loadFixture('forecast.monthly-revenue.json')) as unknown as ForecastDoc;
    const o = forecastOutlook(doc);
    const c = o.close!;
    const running = o.rows[c.index]!;
    expect(running.forecast!.value).toBe(c.projected);
    expect(c.model).not.toBeNull();
    expect(c.model).not.toBe(c.projected);
    expect(running.forecast!.lower).toBeGreaterThanOrEqual(c.soFar);
    const v = forecastView(doc, o, inLocale(forecastStrings, 'en-US'));
    const tile = v.tiles.find((t) => t.label === 'Projected close')!;
    const tip = v.tips[c.index]!;
    expect(tip.rows.find(([k]) => k === 'Forecast')![1]).toBe(tip.rows.find(([k]) => k === 'Projected close')![1]);
    expect(tile.value).toMatch(/^R\$/);
    const said = v.details.find(([k]) => k === 'Running period');
    expect(said?.[1]).toMatch(/^Ends at its projected close; the model said R\$[\d,.]+K?\.$/);
    const pt = forecastView(doc, o, inLocale(forecastStrings, 'pt-BR'));
    expect(pt.details.at(-1)![1]).toMatch(/^Termina no fechamento projetado; o modelo previa R\$/);
  });
});
