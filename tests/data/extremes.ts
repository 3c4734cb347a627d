/**
 * fast-check generators of valid documents at the edges: one step or cohort, all
 * zeros, all-null periods, counts near 1e12, 200-character, right-to-left and
 * emoji labels, and thousands of rows.
 */
import fc from 'fast-check';
import type {
  ChannelsDoc,
  CheckoutFrictionDoc,
  CohortDoc,
  ForecastDoc,
  FunnelDoc,
  KpiKind,
  RegionalSlaDoc,
} from '../../src/index.js';
import { addPeriods } from '../../src/compute/periods.js';

export const LABELS = [
  'Sessions',
  'x'.repeat(200),
  'Supercalifragilisticexpialidocious-checkout-step-with-no-spaces-at-all-to-wrap-anywhere-'.repeat(2).slice(0, 200),
  'مرحلة الدفع عبر الإنترنت',
  'שלב התשלום',
  '🛒 Carrinho 💳 Pagamento 🚚 Entrega ✅',
  'São João d’Aliança — Goiás',
  'a',
];

const label = fc.constantFrom(...LABELS);
const count = fc.oneof(
  fc.constant(0),
  fc.constant(999_999_999_999),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.constant(1),
);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id_${i}`);

const funnel: fc.Arbitrary<FunnelDoc> = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    counts: fc.array(fc.option(count, { nil: null }), { minLength: 9, maxLength: 9 }),
    labels: fc.array(label, { minLength: 9, maxLength: 9 }),
    withComparison: fc.boolean(),
    withSegments: fc.integer({ min: 0, max: 12 }),
    value: fc.option(fc.constantFrom(0, 1e12, 123.45), { nil: undefined }),
  })
  .map(({ n, counts, labels, withComparison, withSegments, value }) => {
    const steps = ids(n).map((id, i) => ({
      id,
      label: labels[i]!,
      count: counts[i] ?? null,
      ...(i === n - 1 && value !== undefined ? { value } : {}),
      ...(i > 0 ? { medianSecondsFromPrevious: i * 977 } : {}),
    }));
    return {
      kind: 'funnel',
      version: 1,
      title: labels[0],
      subtitle: labels[1],
      currency: 'BRL',
      steps,
      ...(withComparison
        ? {
            comparison: {
              label: labels[2]!,
              steps: steps
                .filter((_, i) => i % 2 === 0)
                .map((s) => ({ id: s.id, count: s.count === null ? null : Math.floor(s.count / 2) })),
            },
          }
        : {}),
      ...(withSegments
        ? {
            segments: Array.from({ length: withSegments }, (_, k) => ({
              id: `seg${k}`,
              label: labels[(k + 3) % 9]!,
              steps: steps.slice(0, 1 + (k % n)).map((s) => ({ id: s.id, count: s.count })),
            })),
          }
        : {}),
    } as FunnelDoc;
  });

const checkout: fc.Arbitrary<CheckoutFrictionDoc> = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    entered: fc.array(count, { minLength: 6, maxLength: 6 }),
    frac: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    labels: fc.array(label, { minLength: 6, maxLength: 6 }),
    aov: fc.option(fc.constantFrom(0, 160.16, 1e9), { nil: undefined }),
    frictions: fc.integer({ min: 0, max: 8 }),
  })
  .map(
    ({ n, entered, frac, labels, aov, frictions }) =>
      ({
        kind: 'checkout-friction',
        version: 1,
        currency: 'BRL',
        ...(aov !== undefined ? { averageOrderValue: aov } : {}),
        steps: ids(n).map((id, i) => ({
          id,
          label: labels[i]!,
          entered: entered[i]!,
          exited: Math.floor(entered[i]! * frac[i]!),
          frictions: Array.from({ length: frictions }, (_, k) => ({
            id: `f${k}`,
            label: labels[(i + k) % 6]!,
            category: (['price', 'payment', 'form', 'account', 'delivery', 'trust', 'technical', 'other'] as const)[
              k % 8
            ]!,
            count: k * 1_000_003,
          })),
        })),
        breakdowns: [{ dimension: 'device', label: labels[0]!, values: [{ id: 'm', label: labels[1]!, steps: [] }] }],
      }) as CheckoutFrictionDoc,
  );

const cohort: fc.Arbitrary<CohortDoc> = fc
  .record({
    n: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(60)),
    periods: fc.integer({ min: 1, max: 30 }),
    revenue: fc.boolean(),
    shape: fc.constantFrom('zeros', 'nulls', 'huge', 'normal'),
    labels: fc.array(label, { minLength: 4, maxLength: 4 }),
  })
  .map(
    ({ n, periods, revenue, shape, labels }) =>
      ({
        kind: 'cohort',
        version: 1,
        measure: revenue ? 'revenue' : 'customers',
        periodUnit: 'week',
        currency: 'BRL',
        title: labels[0],
        cohorts: ids(n).map((id, i) => {
          const size = shape === 'zeros' ? 0 : shape === 'huge' ? 999_999_999_999 : 100 + i;
          const values = Array.from({ length: Math.max(1, periods - i) }, (_, k) =>
            shape === 'nulls'
              ? null
              : shape === 'zeros'
                ? 0
                : shape === 'huge'
                  ? 999_999_999_999 - k
                  : Math.max(0, size - k * 7),
          );
          return { id, label: labels[i % 4]!, size, values };
        }),
      }) as CohortDoc,
  );

const sla: fc.Arbitrary<RegionalSlaDoc> = fc
  .record({
    n: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(3000)),
    labels: fc.array(label, { minLength: 4, maxLength: 4 }),
    zero: fc.boolean(),
  })
  .map(
    ({ n, labels, zero }) =>
      ({
        kind: 'regional-sla',
        version: 1,
        title: labels[0],
        metrics: [
          { id: 'd', label: labels[1]!, unit: 'days', target: zero ? 0 : 10 },
          { id: 's', label: labels[2]!, unit: 'seconds', target: 3600 },
        ],
        regions: ids(n).map((id, i) => ({
          id,
          label: labels[i % 4]!,
          group: labels[(i + 1) % 4]!,
          volume: zero ? 0 : 999_999_999_999 - i,
          values:
            i % 3 === 0
              ? {}
              : {
                  d: {
                    p50: zero ? 0 : i % 20,
                    p90: zero ? 0 : (i % 20) + 5,
                    withinTarget: zero ? 0 : i,
                    total: zero ? 0 : i * 2,
                  },
                  s: { p50: 1, p90: 1e9, withinTarget: 0, total: 1 },
                },
        })),
      }) as RegionalSlaDoc,
  );

const channels: fc.Arbitrary<ChannelsDoc> = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    labels: fc.array(label, { minLength: 4, maxLength: 4 }),
    zero: fc.boolean(),
    gaps: fc.boolean(),
  })
  .map(
    ({ n, labels, zero, gaps }) =>
      ({
        kind: 'channels',
        version: 1,
        currency: 'BRL',
        title: labels[0],
        metrics: [
          { id: 'revenue', label: labels[1]!, format: 'currency', aggregate: 'sum' },
          { id: 'customers', label: labels[2]!, format: 'integer', aggregate: 'sum' },
          { id: 'conversion', label: labels[3]!, format: 'percent', aggregate: 'none' },
          { id: 'ttc', label: 'Time to close', format: 'duration', aggregate: 'none', better: 'lower' },
        ],
        channels: ids(n).map((id, i) => ({
          id,
          label: labels[i % 4]!,
          group: labels[(i + 2) % 4]!,
          values: zero
            ? { revenue: 0, customers: 0 }
            : { revenue: 999_999_999_999 - i, customers: 1000 + i, conversion: i / 100, ttc: i * 86400 },
          series: Array.from({ length: 12 }, (_, k) => ({
            date: `2026-${String(k + 1).padStart(2, '0')}-01`,
            values: { revenue: zero ? 0 : k * 1000 + i },
          })).filter((_, k) => !gaps || (k + i) % 4 !== 0),
        })),
        customers: {
          metric: 'customers',
          unique: zero ? 0 : 500,
          overlaps: n > 1 ? [{ channels: ['id_0', 'id_1'], customers: zero ? 0 : 100 }] : [],
        },
      }) as ChannelsDoc,
  );

/**
 * Forecast series: one point to 400 days; zeros, huge, negative or gappy values; a running period with pacing; any
 * model.
 */
const forecast: fc.Arbitrary<ForecastDoc> = fc
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

export const VALID: Record<KpiKind, fc.Arbitrary<unknown>> = {
  funnel,
  'checkout-friction': checkout,
  cohort,
  'regional-sla': sla,
  channels,
  forecast,
};

/** Replaces every free-text field (title, subtitle, label, group) with hostile text, rotating through `payloads`. */
export function withHostileText<T>(doc: T, payloads: readonly string[]): T {
  let i = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v))
        out[k] =
          ['title', 'subtitle', 'label', 'group'].includes(k) && typeof x === 'string'
            ? payloads[i++ % payloads.length]
            : walk(x);
      return out;
    }
    return v;
  };
  return walk(doc) as T;
}

export const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '</table><b id="injected">bold</b>',
  '{{constructor.constructor("window.__pwned=4")()}}',
  '${window.__pwned=5}',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(1,1)',
  '<svg onload="window.__pwned=6">',
  '"><iframe src="javascript:window.__pwned=7">',
];
