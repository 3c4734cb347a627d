import { describe, expect, it } from 'vitest';
import { etsLabel, forecastView } from '../../../src/view/forecast.js';
import { forecastOutlook } from '../../../src/compute/forecast-doc.js';
import { forecastStrings } from '../../../src/i18n/en/forecast.js';
import type { ForecastDoc } from '../../../src/index.js';
import { clone, loadFixture } from '../fixtures.js';
import { assertCleanView, inLocale } from './helpers.js';

const FIXTURES = [
  'forecast.monthly-revenue.json',
  'forecast.daily-revenue.json',
  'forecast.weekly-provided.json',
  'forecast.pipeline.modelled.json',
];
const LOCALES = ['en-US', 'pt-BR', 'es'];
const view = (doc: ForecastDoc, locale = 'en-US') =>
  forecastView(doc, forecastOutlook(doc), inLocale(forecastStrings, locale));
const monthly = () => clone(loadFixture('forecast.monthly-revenue.json')) as unknown as ForecastDoc;
/** A made-up monthly series for the edge cases. */
const series = (values: (number | null)[], extra: Partial<ForecastDoc> = {}): ForecastDoc =>
  ({
    kind: 'forecast',
    version: 1,
    currency: 'BRL',
    granularity: 'month',
    metric: { label: 'Net', format: 'number' },
    points: values.map((actual, i) => ({
      period: `20${20 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      actual,
    })),
    ...extra,
  }) as ForecastDoc;

describe('forecastView', () => {
  for (const f of FIXTURES) {
    for (const locale of LOCALES) {
      it(`${f} in ${locale}: every text clean, one table row and tooltip per period`, () => {
        const doc = loadFixture(f) as unknown as ForecastDoc;
        const v = view(doc, locale);
        assertCleanView(v);
        expect(v.tiles.length).toBeGreaterThan(0);
        expect(v.table.rows.length).toBe(v.outlook.rows.length);
        expect(v.tips.length).toBe(v.outlook.rows.length);
        expect(v.ticks.every((t) => t.length > 0)).toBe(true);
      });
    }
  }
  it('the model in plain words, in each language, and its ETS code', () => {
    const doc = monthly();
    doc.forecast = { model: 'AAdA' };
    doc.seasonLength = 4;
    expect(view(doc).model).toMatch(/^Exponential smoothing \(level, damped trend, and seasonal pattern\)/);
    expect(view(doc, 'pt-BR').model).toMatch(
      /^Suavização exponencial \(nível, tendência amortecida e padrão sazonal\)/,
    );
    expect(view(doc, 'es').model).toMatch(
      /^Suavizado exponencial \(nivel, tendencia amortiguada y patrón estacional\)/,
    );
    expect(view(doc).details[0]![1]).toMatch(/^ETS\(A,Ad,A\) · α [\d.]+ · β [\d.]+ · γ [\d.]+ · φ [\d.]+$/);
    expect(etsLabel('MNM')).toBe('ETS(M,N,M)');
  });
  it('a running period without a target: the projected close says what is in so far; no gap, no daily need', () => {
    const doc = monthly();
    doc.points = doc.points.map((p) => ({ ...p, target: null }));
    const v = view(doc);
    expect(v.tiles.map((t) => t.label)).toEqual(['Projected close', 'Next: September 2018']);
    expect(v.tiles[0]!.sub).toBe('Running period: R$130.8K');
  });
  it('better: lower turns the tones and drops the daily need (costs, churn)', () => {
    const doc = monthly();
    doc.metric = { ...doc.metric, better: 'lower' };
    const v = view(doc);
    const projected = v.outlook.close!.projected!;
    expect(v.tiles[0]!.tone).toBe(projected > 170000 ? 'worse' : 'better');
    expect(v.tiles.some((t) => t.label === 'Needed per day')).toBe(false);
    expect(v.tiles[1]!.value).toMatch(projected > 170000 ? / short$/ : / ahead$/);
  });
  it.each([
    ['short', [120, 135, 128]],
    ['flat', Array(18).fill(500)],
    ['zero-heavy', Array.from({ length: 24 }, (_, i) => (i % 5 === 0 ? 900 : 0))],
    ['negative', Array.from({ length: 24 }, (_, i) => -400 + 300 * Math.sin(i / 2))],
    ['gaps', Array.from({ length: 24 }, (_, i) => (i % 7 === 3 ? null : 200 + 10 * i))],
    ['one value', [7]],
    ['huge', Array.from({ length: 30 }, (_, i) => 999_999_999_999 - i)],
  ] as const)('%s series: a clean view with a forecast', (_, values) => {
    const v = view(series([...values]));
    assertCleanView(v);
    expect(v.outlook.next).not.toBeNull();
  });
  it('too short a history says so', () => {
    expect(view(series([120, 135, 128])).note).toBe('Too little history for a model, so the last value is repeated.');
  });
  it('the pipeline: segments in order, widths against the larger of stack and quota, coverage of what is left', () => {
    const v = view(loadFixture('forecast.pipeline.modelled.json') as unknown as ForecastDoc);
    const p = v.pipeline!;
    expect(p.segments.map((s) => s.key)).toEqual(['closed', 'commit', 'bestCase', 'open']);
    const total = 645233 + 210000 + 140000 + 380000;
    expect(p.segments[0]!.pct).toBeCloseTo((645233 / total) * 100, 9);
    expect(p.quotaPct).toBeCloseTo((1085000 / total) * 100, 9);
    expect(p.coverage).toBe('Coverage 1.7× of what is left');
  });
});

describe('the value axis reads in one format', () => {
  it('every tick compact once one is ("R$ 5 mil" beside "R$ 10 mil"), none when none needs it', () => {
    const v = view(loadFixture('forecast.monthly-revenue.json') as unknown as ForecastDoc, 'pt-BR');
    expect(v.axis([0, 5000, 10000, 15000]).map((s) => s.replace(/\s/g, ' '))).toEqual([
      'R$ 0',
      'R$ 5 mil',
      'R$ 10 mil',
      'R$ 15 mil',
    ]);
    expect(v.axis([0, 2500, 5000]).map((s) => s.replace(/\s/g, ' '))).toEqual(['R$ 0', 'R$ 2.500', 'R$ 5.000']);
    expect(v.axis([])).toEqual([]);
  });
});
