/**
 * The `forecast` builder: a store's orders to a forecast document, in memory (no
 * database). The definition every engine shares: the metric of a period is the sum
 * of `amount` of its qualifying orders (by the UTC day they were placed); the period
 * that holds `asOf` is running (`partial`) unless `asOf` is its last day; the
 * running period is paced from its days and the weeks before.
 */
import { forecastSchema, type ForecastDoc } from '../schema/forecast.js';
import { builtInLabel } from './labels.js';
import { CannotBuildError } from './build-checks.js';
import { addPeriods, alignedStart, type Granularity } from '../compute/periods.js';
import { cents, checkOrders, docHeader, recipeFacts, validated, type OrderRow, type RecipeFacts } from './orders.js';
import { forecastPlan } from './sql.js';
import { calendarDay, runPlan } from './plan-run.js';
import { checkTimeZone } from './dialects.js';

export interface ForecastBuildOptions {
  granularity: Granularity;
  /** The last complete day; default the day of the latest order. */
  asOf?: string;
  /** First day to include (default: the first order's period). */
  from?: string;
  title?: string;
  subtitle?: string;
  metricLabel?: string;
  /** Language of the default metric label ("Receita" in pt-BR); default en. */
  locale?: string;
  /** ISO 4217; default the orders' own currency, else BRL. */
  currency?: string;
  /** Targets by period start (`2018-08-01`), including future periods. */
  targets?: Readonly<Record<string, number>>;
  seasonLength?: number;
  forecast?: ForecastDoc['forecast'];
  /** Time zone of days, weeks and months (default UTC). */
  tz?: string;
  /** Days of history before the running period given to pacing (default 56: eight weeks of weekday profile). */
  pacingHistoryDays?: number;
}

/** What the forecast recipe returns (and {@link forecastRows} computes in memory). */
export interface ForecastRows {
  facts: RecipeFacts;
  /** Every day with an order: the amount of its qualifying orders (0 when none qualify). */
  days: { day: string; revenue: number }[];
}

/** The forecast recipe, in memory: the same plan as the SQL, run over the orders. */
export function forecastRows(orders: readonly OrderRow[], options: { tz?: string } = {}): ForecastRows {
  checkOrders(orders);
  const r = runPlan(forecastPlan(), { orders }, calendarDay(checkTimeZone(options.tz ?? 'UTC')));
  return { facts: recipeFacts(r['facts']), days: r['days'] as ForecastRows['days'] };
}

/**
 * Builds and validates a `forecast` document from orders in memory. Throws a RowError on a bad row,
 * InvalidDocumentError if the result fails `parseKpi`.
 */
export function buildForecast(orders: readonly OrderRow[], options: ForecastBuildOptions): ForecastDoc {
  return assembleForecast(forecastRows(orders, options), options);
}

/** The forecast document from the recipe's rows (from SQL or from {@link forecastRows}), validated. */
export function assembleForecast(rows: ForecastRows, options: ForecastBuildOptions): ForecastDoc {
  const g = options.granularity;
  const byDay = new Map(rows.days.map((d) => [d.day, d.revenue]));
  const last = rows.facts.last_day ?? '';
  const currency = rows.facts.currency ?? undefined;
  const asOf = options.asOf ?? last;
  if (!asOf)
    throw new CannotBuildError('as-of', 'no orders, so no running period: give the orders, or --as-of to place it');
  const first = options.from ?? [...byDay.keys()].filter((d) => d <= asOf).sort()[0] ?? asOf;
  const byPeriod = new Map<string, number>();
  // Days in order, so the sums are the same whatever order an engine returned them in.
  for (const [d, v] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (d > asOf) continue;
    const p = alignedStart(d, g);
    byPeriod.set(p, (byPeriod.get(p) ?? 0) + v);
  }
  const points: ForecastDoc['points'] = [];
  const running = alignedStart(asOf, g);
  const runningEnd = addPeriods(running, g, 1);
  const complete = addPeriods(asOf, 'day', 1) === runningEnd;
  for (let p = alignedStart(first, g); p <= running; p = addPeriods(p, g, 1)) {
    const target = options.targets?.[p];
    points.push({
      period: p,
      actual: cents(byPeriod.get(p) ?? 0),
      ...(target === undefined ? {} : { target }),
      ...(p === running && !complete ? { partial: true } : {}),
    });
  }
  // Targets of later periods: the forecast's horizon draws against them.
  for (const p of Object.keys(options.targets ?? {})
    .filter((k) => k > running)
    .sort())
    points.push({ period: p, target: options.targets![p]! });
  const doc: ForecastDoc = {
    kind: 'forecast',
    version: 1,
    ...docHeader(options, false),
    currency: options.currency ?? currency ?? 'BRL',
    metric: { label: options.metricLabel ?? builtInLabel('revenue', options.locale), format: 'currency' },
    granularity: g,
    ...(options.seasonLength ? { seasonLength: options.seasonLength } : {}),
    points,
    ...(options.forecast ? { forecast: options.forecast } : {}),
  };
  if (!complete && g !== 'day') {
    const start = addPeriods(running, 'day', -(options.pacingHistoryDays ?? 56));
    const pacing: { date: string; actual: number }[] = [];
    for (let d = start; d <= asOf; d = addPeriods(d, 'day', 1))
      pacing.push({ date: d, actual: cents(byDay.get(d) ?? 0) });
    doc.pacing = { asOf, days: pacing };
  }
  return validated(doc, forecastSchema);
}
