/**
 * The `forecast` kind for the robustness suites: the fields its schema requires (each broken by the
 * invalid-document generator), the rules beyond types it must enforce, and valid documents at the
 * edges. Gathered by tests/data/kinds/all.ts (generated from the registry).
 */
import fc from 'fast-check';
import { arr, label, type Field, type Json, type Rule } from '../contract.js';
import type { ForecastDoc } from '../../../src/index.js';
import { addPeriods } from '../../../src/compute/periods.js';

/** Its required (and typed optional) fields: path ('*' is any index) and type. */
export const required: Field[] = [
  { path: ['points'], type: 'nonempty-array' },
  { path: ['granularity'], type: 'enum' },
  { path: ['metric', 'format'], type: 'enum' },
  { path: ['points', '*', 'actual'], type: 'number', optional: true },
  { path: ['points', '*', 'target'], type: 'number', optional: true },
  { path: ['forecast', 'model'], type: 'enum', optional: true },
  { path: ['pacing', 'days'], type: 'array', optional: true },
  { path: ['pipeline', 'quota'], type: 'money', optional: true },
  { path: ['metric'], type: 'object' },
];

/** Rules beyond types, each breaking one; false when it cannot apply to the document. */
export const rules: Rule[] = [
  (doc, pick) => {
    const a = arr(doc['points']);
    if (!a || a.length < 2) return false;
    const p = a[pick % a.length] as Record<string, Json>;
    if (pick % 2) p['period'] = '2001-01-01';
    else p['forecast'] = { value: 1, lower: 2, upper: 3 };
    return true;
  },
];

/** Valid documents at the edges. */
export const valid: fc.Arbitrary<ForecastDoc> = fc
  .record({
    n: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constant(400)),
    shape: fc.constantFrom('zeros', 'huge', 'negative', 'gaps', 'wave'),
    granularity: fc.constantFrom('day', 'month'),
    model: fc.constantFrom('auto', 'none', 'naive', 'seasonal-naive', 'AAdA', 'MAM', 'MNM'),
    partial: fc.boolean(),
    pipeline: fc.boolean(),
    labels: fc.array(label, { minLength: 2, maxLength: 2 }),
  })
  .map(({ n, shape, granularity, model, partial, pipeline, labels }) => {
    const value = (i: number) =>
      shape === 'zeros'
        ? 0
        : shape === 'huge'
          ? 999_999_999_999 - i
          : shape === 'negative'
            ? -1000 - i
            : shape === 'gaps' && i % 3 === 1
              ? null
              : 100 + 50 * Math.sin(i);
    const start = granularity === 'day' ? '2026-01-05' : '2020-01-01';
    const points = Array.from({ length: n }, (_, i) => ({
      period: addPeriods(start, granularity, i),
      actual: value(i),
      target: i % 2 ? 120 : null,
      ...(partial && i === n - 1 ? { partial: true, actual: value(i) ?? 0 } : {}),
    }));
    const last = points[n - 1]!.period;
    return {
      kind: 'forecast',
      version: 1,
      title: labels[0],
      currency: 'BRL',
      metric: { label: labels[1]!, format: 'currency' },
      granularity,
      points,
      forecast: { model, horizon: 6, level: 0.9 },
      ...(partial ? { pacing: { asOf: last, days: [{ date: last, actual: value(0) }] } } : {}),
      ...(pipeline ? { pipeline: { quota: 0, closed: 0, commit: 999_999_999_999, bestCase: 0, open: 0 } } : {}),
    };
  }) as fc.Arbitrary<ForecastDoc>;
