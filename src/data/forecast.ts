/**
 * The `forecast` builder: a store's orders to a forecast document, in memory (no
 * database). The definition every engine shares: the metric of a period is the sum
 * of `amount` of its qualifying orders (by the UTC day they were placed); the period
 * that holds `asOf` is running (`partial`) unless `asOf` is its last day; the
 * running period is paced from its days and the weeks before.
 */
import { parseKpi, type ForecastDoc, type KpiIssue } from '../schema/index.js';
import { addPeriods, alignedStart, type Granularity } from '../compute/periods.js';
import { cents, checkOrders, isQualifying, utcDay, type OrderRow } from './orders.js';

export interface ForecastBuildOptions {
  granularity: Granularity;
  /** The last complete day; default the day of the latest order. */
  asOf?: string;
  /** First day to include (default: the first order's period). */
  from?: string;
  title?: string;
  subtitle?: string;
  metricLabel?: string;
  /** ISO 4217; default the orders' own currency, else BRL. */
  currency?: string;
  /** Targets by period start (`2018-08-01`), including future periods. */
  targets?: Readonly<Record<string, number>>;
  seasonLength?: number;
  forecast?: ForecastDoc['forecast'];
  /** Days of history before the running period given to pacing (default 56: eight weeks of weekday profile). */
  pacingHistoryDays?: number;
}

/** The document failed its own contract: a bug in the builder or its options, never written out. */
export class InvalidDocumentError extends Error {
  constructor(readonly issues: KpiIssue[]) {
    super(`the built document is invalid: ${issues.map((i) => `${i.pathText}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidDocumentError';
  }
}

/** Builds and validates a `forecast` document from orders. Throws a RowError on a bad row, InvalidDocumentError if the result fails `parseKpi`. */
export function buildForecast(orders: readonly OrderRow[], options: ForecastBuildOptions): ForecastDoc {
  checkOrders(orders);
  const g = options.granularity;
  const byDay = new Map<string, number>();
  let last = '';
  let currency: string | undefined;
  for (const o of orders) {
    const day = utcDay(o.ordered_at)!;
    if (day > last) last = day;
    currency ??= o.currency ?? undefined;
    if (!isQualifying(o)) continue;
    byDay.set(day, (byDay.get(day) ?? 0) + (o.amount ?? 0));
  }
  const asOf = options.asOf ?? last;
  const first = options.from ?? [...byDay.keys()].filter((d) => d <= asOf).sort()[0] ?? asOf;
  const byPeriod = new Map<string, number>();
  for (const [d, v] of byDay) {
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
  for (const p of Object.keys(options.targets ?? {}).filter((k) => k > running).sort()) points.push({ period: p, target: options.targets![p]! });
  const doc: ForecastDoc = {
    kind: 'forecast', version: 1,
    ...(options.title ? { title: options.title } : {}),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    currency: options.currency ?? currency ?? 'BRL',
    metric: { label: options.metricLabel ?? 'Revenue', format: 'currency' },
    granularity: g,
    ...(options.seasonLength ? { seasonLength: options.seasonLength } : {}),
    points,
    ...(options.forecast ? { forecast: options.forecast } : {}),
  };
  if (!complete && g !== 'day') {
    const start = addPeriods(running, 'day', -(options.pacingHistoryDays ?? 56));
    const pacing: { date: string; actual: number }[] = [];
    for (let d = start; d <= asOf; d = addPeriods(d, 'day', 1)) pacing.push({ date: d, actual: cents(byDay.get(d) ?? 0) });
    doc.pacing = { asOf, days: pacing };
  }
  const result = parseKpi(doc, 'forecast');
  if (!result.ok) throw new InvalidDocumentError(result.issues);
  return result.doc;
}
