import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  backtest,
  candidates,
  forecastSeries,
  nelderMead,
  type EtsCode,
  type EtsParams,
  type FittedModel,
} from '../../src/compute/forecast.js';
import { ETS_CODES, etsParamCount, etsRun, normalQuantile, seeded } from '../../src/compute/ets.js';
import { quantileSorted } from '../../src/compute/common.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFixture, SHARED_FIXTURES } from './fixtures.js';

interface RefCase {
  id: string;
  values: number[];
  model: EtsCode;
  seasonLength?: number;
  params: EtsParams;
  horizon: number;
  forecast: number[];
  sigma2?: number;
  interval95?: [number, number][];
}
/**
 * The reference vectors: the project's copy (tests/data), identical to ../shared's where a checkout has it beside it.
 */
const SHARED_REF = path.join(SHARED_FIXTURES, 'forecast-reference.json');
const OWN_REF = fileURLToPath(new URL('../data/forecast-reference.json', import.meta.url));
const ref = JSON.parse(readFileSync(OWN_REF, 'utf8')) as {
  cases: RefCase[];
  accuracy: {
    train: number;
    test: number;
    model: FittedModel;
    seasonLength: number;
    mae: number;
    mape: number;
    smape: number;
    mase: number;
  }[];
};
const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol;
const finite = (r: ReturnType<typeof forecastSeries>) =>
  [
    r.sigma2,
    r.aicc ?? 0,
    ...r.fitted.map((v) => v ?? 0),
    ...r.forecast.flatMap((f) => [f.value, f.lower, f.upper]),
    ...Object.values(r.accuracy ?? {}).map((v) => v ?? 0),
  ].every(Number.isFinite);

describe('reference vectors (tests/data/forecast-reference.json), to 1e-6', () => {
  it.runIf(existsSync(SHARED_REF))("the project's copy is ../shared's file", () => {
    expect(readFileSync(OWN_REF, 'utf8')).toBe(readFileSync(SHARED_REF, 'utf8'));
  });
  it('holds five cases and one backtest', () => {
    expect(ref.cases.length).toBe(5);
    expect(ref.accuracy.length).toBe(1);
  });
  for (const c of ref.cases) {
    it(`${c.id}: ${c.model} forecasts`, () => {
      const r = forecastSeries(c.values, {
        horizon: c.horizon,
        seasonLength: c.seasonLength,
        model: c.model,
        params: c.params,
        level: 0.95,
      });
      expect(r.model).toBe(c.model);
      expect(r.forecast.length).toBe(c.horizon);
      r.forecast.forEach((f, j) =>
        expect(close(f.value, c.forecast[j]!), `h=${j + 1}: ${f.value} vs ${c.forecast[j]}`).toBe(true),
      );
      if (c.sigma2 !== undefined) expect(close(r.sigma2, c.sigma2)).toBe(true);
      c.interval95?.forEach(([lo, hi], j) => {
        expect(close(r.forecast[j]!.lower, lo), `lower h=${j + 1}: ${r.forecast[j]!.lower} vs ${lo}`).toBe(true);
        expect(close(r.forecast[j]!.upper, hi), `upper h=${j + 1}: ${r.forecast[j]!.upper} vs ${hi}`).toBe(true);
      });
    });
  }
  it('T4 counts k = 8 parameters, as R does', () => expect(etsParamCount('AAA', 4)).toBe(8));
  it('a gap lets the states run on: a straight line with a hole is still fitted exactly', () => {
    const run = etsRun([10, 20, 30, null, 50, 60], 'AAN', { alpha: 0.5, beta: 0.1, level0: 0, trend0: 10 });
    expect(run.fitted).toEqual([10, 20, 30, 40, 50, 60]);
    expect(run.sse).toBe(0);
    expect(run.n).toBe(5);
  });
  for (const a of ref.accuracy) {
    it(`${a.model} backtest: MAE, MAPE, sMAPE and MASE`, () => {
      const values = ref.cases.find((c) => c.id.startsWith('T4'))!.values.slice(0, a.train + a.test);
      const r = backtest(values, {
        model: a.model,
        seasonLength: a.seasonLength,
        origins: [a.train],
        horizon: a.test,
      })!;
      expect(close(r.mae, a.mae)).toBe(true);
      expect(close(r.mape!, a.mape)).toBe(true);
      expect(close(r.smape!, a.smape)).toBe(true);
      expect(close(r.mase!, a.mase)).toBe(true);
    });
  }
});

describe('normalQuantile and quantiles', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.005, -2.5758293035489],
    [0.999, 3.090232306167813],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expect(close(normalQuantile(p), z, 1e-8)).toBe(true);
  });
  it('type-7 quantile of sorted values', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([0, 10], 0.1)).toBe(1);
  });
  it('the seeded generator repeats itself and stays in [0, 1)', () => {
    const a = seeded(1);
    const b = seeded(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic and of Rosenbrock', () => {
    const [x, y] = nelderMead(([a, b]) => (a! - 3) ** 2 + (b! + 1) ** 2, [0, 0], [1, 1]);
    expect(close(x!, 3, 1e-3) && close(y!, -1, 1e-3)).toBe(true);
    const r = nelderMead(([a, b]) => 100 * (b! - a! * a!) ** 2 + (1 - a!) ** 2, [-1.2, 1], [0.5, 0.5], 5000);
    expect(close(r[0]!, 1, 1e-2) && close(r[1]!, 1, 1e-2)).toBe(true);
  });
});

describe('fitting', () => {
  const tourists = ref.cases.find((c) => c.id.startsWith('T4'))!;
  it("a fitted AAA comes close to R's fit (AICc within a few points, σ² within 15 %)", () => {
    const r = forecastSeries(tourists.values, { horizon: 4, seasonLength: 4, model: 'AAA' });
    expect(r.model).toBe('AAA');
    expect(r.sigma2).toBeLessThan(tourists.sigma2! * 1.15);
    r.forecast.forEach((f, j) =>
      expect(Math.abs(f.value - tourists.forecast[j]!) / tourists.forecast[j]!).toBeLessThan(0.05),
    );
  });
  it('auto picks a seasonal model for a clearly seasonal series and beats seasonal naive in the backtest', () => {
    const r = forecastSeries(tourists.values, { horizon: 4, seasonLength: 4 });
    expect(r.model).toMatch(/A$|M$/);
    const naive = forecastSeries(tourists.values, { horizon: 4, seasonLength: 4, model: 'seasonal-naive' });
    expect(r.accuracy!.mase!).toBeLessThan(naive.accuracy!.mase!);
  });
  it('auto beats seasonal naive on the Olist daily revenue backtest', () => {
    const doc = loadFixture('forecast.daily-revenue.json') as { points: { actual: number }[] };
    const y = doc.points.map((p) => p.actual);
    const origins = [y.length - 56, y.length - 42, y.length - 28, y.length - 14];
    const auto = forecastSeries(y, { horizon: 14, seasonLength: 7, backtest: false }).model;
    const a = backtest(y, { model: auto, seasonLength: 7, origins, horizon: 14 })!;
    const s = backtest(y, { model: 'seasonal-naive', seasonLength: 7, origins, horizon: 14 })!;
    expect(a.mase!).toBeLessThan(s.mase!);
    expect(a.mae).toBeLessThan(s.mae);
  });
  it('multiplicative models only for strictly positive data, seasonal ones only with two full seasons', () => {
    expect(
      candidates([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 4).every(
        (c) => c.endsWith('N') || c.endsWith('A') || c.endsWith('M'),
      ),
    ).toBe(true);
    expect(candidates([1, 2, 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 4).some((c) => c.startsWith('M'))).toBe(
      false,
    );
    expect(
      candidates(
        Array.from({ length: 30 }, (_, i) => i + 1),
        20,
      ).some((c) => c !== 'ANN' && c.length === 3 && c[2] !== 'N'),
    ).toBe(false);
    expect(
      candidates(
        Array.from({ length: 30 }, (_, i) => i + 1),
        7,
      ),
    ).toEqual([...ETS_CODES]);
  });
  it('a trending series gets a trend; a damped one unless the evidence is clear', () => {
    const y = Array.from({ length: 40 }, (_, i) => 100 + 5 * i + Math.sin(i) * 2);
    const r = forecastSeries(y, { horizon: 5 });
    expect(shapeHasTrend(r.model)).toBe(true);
    expect(r.forecast[4]!.value).toBeGreaterThan(y[39]!);
  });
  it('too little data falls back to naive and says so', () => {
    const r = forecastSeries([10, 12, 11], { horizon: 2 });
    expect(r.model).toBe('naive');
    expect(r.fallback).toBe('too-short');
    expect(r.forecast.map((f) => f.value)).toEqual([11, 11]);
    const m = forecastSeries([1, -2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { horizon: 1, model: 'MAM', seasonLength: 4 });
    expect(m.fallback).toBe('not-positive');
  });
  it('multiplicative intervals are simulated with a seed: the same every run, around the point', () => {
    const a = forecastSeries(tourists.values, { horizon: 4, seasonLength: 4, model: 'MAM' });
    const b = forecastSeries(tourists.values, { horizon: 4, seasonLength: 4, model: 'MAM' });
    expect(a.forecast).toEqual(b.forecast);
    a.forecast.forEach((f) => expect(f.lower < f.value && f.value < f.upper).toBe(true));
  });
  it('wider level, wider interval; later periods, wider intervals', () => {
    const a = forecastSeries(tourists.values, { horizon: 8, seasonLength: 4, model: 'AAdA', level: 0.8 });
    const b = forecastSeries(tourists.values, { horizon: 8, seasonLength: 4, model: 'AAdA', level: 0.95 });
    a.forecast.forEach((f, j) =>
      expect(b.forecast[j]!.upper - b.forecast[j]!.lower).toBeGreaterThan(f.upper - f.lower),
    );
    expect(a.forecast[7]!.upper - a.forecast[7]!.lower).toBeGreaterThan(a.forecast[0]!.upper - a.forecast[0]!.lower);
  });
});

const shapeHasTrend = (m: string) => m.length >= 3 && m[1] === 'A';

describe('edge series: every number finite', () => {
  const table: [string, (number | null)[], number][] = [
    ['empty', [], 1],
    ['all nulls', [null, null, null], 1],
    ['one value', [5], 1],
    ['two values', [5, 7], 7],
    ['zeros', Array(30).fill(0), 7],
    ['zero-heavy', Array.from({ length: 60 }, (_, i) => (i % 9 === 0 ? 120 : 0)), 7],
    ['flat', Array(40).fill(1234.5), 7],
    ['negative', Array.from({ length: 40 }, (_, i) => -500 + 10 * Math.cos(i)), 7],
    ['crossing zero', Array.from({ length: 40 }, (_, i) => 30 * Math.sin(i / 3)), 1],
    ['gaps and leading nulls', [null, null, 10, 12, null, 13, 15, null, 14, 16, 18, 17, 19, null, 21, 22, 20, 23], 1],
    ['huge', Array.from({ length: 30 }, (_, i) => 1e14 + i * 1e12), 1],
    ['tiny', Array.from({ length: 30 }, (_, i) => 1e-9 * (i + 1)), 1],
  ];
  for (const [name, values, m] of table) {
    for (const model of ['auto', 'naive', 'seasonal-naive', 'AAdA', 'MAM'] as const) {
      it(`${name}, ${model}`, () => {
        const r = forecastSeries(values, { horizon: 6, seasonLength: m, model });
        expect(finite(r)).toBe(true);
        expect(r.fitted.length).toBe(values.length);
        expect(r.forecast.length).toBe(values.some((v) => v !== null) ? 6 : 0);
        r.forecast.forEach((f) => expect(f.lower <= f.value && f.value <= f.upper).toBe(true));
      });
    }
  }
  it('a flat series forecasts itself', () => {
    const r = forecastSeries(Array(40).fill(100), { horizon: 3, seasonLength: 7 });
    r.forecast.forEach((f) => expect(close(f.value, 100, 1e-3)).toBe(true));
  });
  it('MAPE is skipped where actuals are zero, sMAPE is not', () => {
    const r = backtest([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { model: 'naive', origins: [8], horizon: 2 })!;
    expect(r.mape).toBeNull();
    expect(r.mae).toBe(0);
  });
});
