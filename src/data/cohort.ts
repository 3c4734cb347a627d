/**
 * The `cohort` builder: a store's orders to an acquisition-cohort document, in memory.
 * The definition every engine shares (data-path.md): a customer's cohort is the period of
 * their first qualifying order over *all* rows given; `values[k]` is the number of the
 * cohort's customers with a qualifying order in period cohort + k (with `measure:
 * revenue`, the sum of their `amount` there); `size` is the cohort's customers. Every
 * cohort has one value per period from the first cohort shown to the last period shown,
 * `null` for periods after the last one with data. `from`/`to` choose the cohorts and
 * periods shown, never who counts as new.
 */
import { parseKpi, type CohortDoc } from '../schema/index.js';
import { addPeriods, alignedStart } from '../compute/periods.js';
import { cents, checkOrders, isQualifying, utcDay, type OrderRow } from './orders.js';
import { InvalidDocumentError } from './forecast.js';

export type CohortPeriod = CohortDoc['periodUnit'];

export interface CohortBuildOptions {
  period?: CohortPeriod;
  measure?: CohortDoc['measure'];
  /** First cohort and period shown (a day inside it is enough). */
  from?: string;
  /** Last period shown. */
  to?: string;
  title?: string;
  subtitle?: string;
  /** ISO 4217, for `measure: revenue` (default: the orders' own, else BRL). */
  currency?: string;
  /** Locale of the cohort labels ("Jan 2017"); default en. */
  labelLocale?: string;
}

/** Builds and validates a `cohort` document from orders. */
export function buildCohort(orders: readonly OrderRow[], options: CohortBuildOptions = {}): CohortDoc {
  checkOrders(orders);
  const unit = options.period ?? 'month';
  const measure = options.measure ?? 'customers';
  const periodOf = (ts: string) => alignedStart(utcDay(ts)!, unit);
  // Per customer: the cohort (first qualifying period) and, per period, what they brought.
  const first = new Map<string, string>();
  const activity = new Map<string, Map<string, number>>();
  let lastData = '';
  let currency: string | undefined;
  for (const o of orders) {
    if (!isQualifying(o)) continue;
    currency ??= o.currency ?? undefined;
    const p = periodOf(o.ordered_at);
    if (p > lastData) lastData = p;
    const f = first.get(o.customer_id);
    if (!f || p < f) first.set(o.customer_id, p);
    let byPeriod = activity.get(o.customer_id);
    if (!byPeriod) activity.set(o.customer_id, (byPeriod = new Map()));
    byPeriod.set(p, (byPeriod.get(p) ?? 0) + (o.amount ?? 0));
  }
  const cohortsSeen = [...new Set(first.values())].sort();
  const start = options.from ? alignedStart(options.from, unit) : cohortsSeen[0] ?? lastData;
  const end = options.to ? alignedStart(options.to, unit) : lastData;
  const periods: string[] = [];
  for (let p = start; p && p <= end; p = addPeriods(p, unit, 1)) periods.push(p);
  const label = labeler(unit, options.labelLocale ?? 'en');
  const cohorts = periods.map((c, i) => {
    const members = [...first].filter(([, f]) => f === c).map(([id]) => id);
    const values = periods.slice(i).map((p) => {
      if (p > lastData) return null;
      let v = 0;
      for (const id of members) {
        const brought = activity.get(id)!.get(p);
        if (brought !== undefined) v += measure === 'customers' ? 1 : brought;
      }
      return measure === 'revenue' ? cents(v) : v;
    });
    // One value per period from the first cohort shown: later cohorts end in nulls (periods not reached yet).
    return { id: unit === 'month' ? c.slice(0, 7) : c, label: label(c), size: members.length, values: [...values, ...periods.slice(0, i).map(() => null)] };
  }).filter((c) => c.size > 0);
  const doc: CohortDoc = {
    kind: 'cohort', version: 1, measure, periodUnit: unit,
    ...(options.title ? { title: options.title } : {}),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    ...(periods.length ? { period: { from: periods[0]!, to: addPeriods(addPeriods(periods.at(-1)!, unit, 1), 'day', -1) } } : {}),
    ...(measure === 'revenue' ? { currency: options.currency ?? currency ?? 'BRL' } : {}),
    cohorts,
  };
  const result = parseKpi(doc, 'cohort');
  if (!result.ok) throw new InvalidDocumentError(result.issues);
  return result.doc;
}

/** "Jan 2017" (month), "Jan 2, 2017" (week: its Monday; day). */
function labeler(unit: CohortPeriod, locale: string): (period: string) => string {
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat(locale, unit === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' });
  } catch {
    f = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  }
  return (p) => f.format(new Date(`${p}T00:00:00Z`));
}
