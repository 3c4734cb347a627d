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
import { cohortSchema, type CohortDoc } from '../schema/cohort.js';
import { addPeriods, alignedStart } from '../compute/periods.js';
import {
  cents,
  checkOrders,
  docHeader,
  isQualifying,
  localDayOf,
  orderFacts,
  validated,
  type OrderRow,
  type RecipeFacts,
} from './orders.js';

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
  /** Time zone of the periods (default UTC). */
  tz?: string;
  /** Locale of the cohort labels ("Jan 2017"); default en. */
  labelLocale?: string;
}

/** What the cohort recipe returns (and {@link cohortRows} computes in memory). */
export interface CohortRows {
  facts: RecipeFacts;
  /** Per (cohort, period): the cohort's customers with a qualifying order in the period, and their amount. */
  cells: { cohort: string; period: string; customers: number; revenue: number }[];
}

/** The cohort recipe, in memory: the same rows the SQL gives. */
export function cohortRows(
  orders: readonly OrderRow[],
  options: Pick<CohortBuildOptions, 'period' | 'tz'> = {},
): CohortRows {
  checkOrders(orders);
  const unit = options.period ?? 'month';
  const day = localDayOf(options.tz);
  const first = new Map<string, string>();
  const q: { customer: string; period: string; amount: number }[] = [];
  for (const o of orders) {
    if (!isQualifying(o)) continue;
    const period = alignedStart(day(o.ordered_at), unit);
    q.push({ customer: o.customer_id, period, amount: o.amount ?? 0 });
    const f = first.get(o.customer_id);
    if (f === undefined || period < f) first.set(o.customer_id, period);
  }
  const cells = new Map<string, { cohort: string; period: string; customers: Set<string>; revenue: number }>();
  for (const r of q) {
    const cohort = first.get(r.customer)!;
    const key = `${cohort}|${r.period}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { cohort, period: r.period, customers: new Set(), revenue: 0 }));
    cell.customers.add(r.customer);
    cell.revenue += r.amount;
  }
  return {
    facts: orderFacts(orders, options.tz),
    cells: [...cells.values()].map((c) => ({
      cohort: c.cohort,
      period: c.period,
      customers: c.customers.size,
      revenue: c.revenue,
    })),
  };
}

/** Builds and validates a `cohort` document from orders in memory. */
export function buildCohort(orders: readonly OrderRow[], options: CohortBuildOptions = {}): CohortDoc {
  return assembleCohort(cohortRows(orders, options), options);
}

/** The cohort document from the recipe's rows (from SQL or from {@link cohortRows}), validated. */
export function assembleCohort(rows: CohortRows, options: CohortBuildOptions = {}): CohortDoc {
  const unit = options.period ?? 'month';
  const measure = options.measure ?? 'customers';
  const cell = new Map(
    rows.cells.map((c) => [`${c.cohort}|${c.period}`, { customers: Number(c.customers), revenue: Number(c.revenue) }]),
  );
  let lastData = '';
  for (const c of rows.cells) if (String(c.period) > lastData) lastData = String(c.period);
  const cohortsSeen = [...new Set(rows.cells.map((c) => c.cohort))].sort();
  const start = options.from ? alignedStart(options.from, unit) : (cohortsSeen[0] ?? lastData);
  const end = options.to ? alignedStart(options.to, unit) : lastData;
  const periods: string[] = [];
  for (let p = start; p && p <= end; p = addPeriods(p, unit, 1)) periods.push(p);
  const label = labeler(unit, options.labelLocale ?? 'en');
  const cohorts = periods
    .map((c, i) => {
      const values = periods.slice(i).map((p) => {
        if (p > lastData) return null;
        const x = cell.get(`${c}|${p}`);
        return measure === 'customers' ? (x?.customers ?? 0) : cents(x?.revenue ?? 0);
      });
      // One value per period from the first cohort shown: later cohorts end in nulls (periods not reached yet).
      return {
        id: unit === 'month' ? c.slice(0, 7) : c,
        label: label(c),
        size: cell.get(`${c}|${c}`)?.customers ?? 0,
        values: [...values, ...periods.slice(0, i).map(() => null)],
      };
    })
    .filter((c) => c.size > 0);
  const doc: CohortDoc = {
    kind: 'cohort',
    version: 1,
    measure,
    periodUnit: unit,
    ...docHeader(options, false),
    ...(periods.length
      ? { period: { from: periods[0]!, to: addPeriods(addPeriods(periods.at(-1)!, unit, 1), 'day', -1) } }
      : {}),
    ...(measure === 'revenue' ? { currency: options.currency ?? rows.facts.currency ?? 'BRL' } : {}),
    cohorts,
  };
  return validated(doc, cohortSchema);
}

/** "Jan 2017" (month), "Jan 2, 2017" (week: its Monday; day). */
function labeler(unit: CohortPeriod, locale: string): (period: string) => string {
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat(
      locale,
      unit === 'month'
        ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeZone: 'UTC' },
    );
  } catch {
    f = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  }
  return (p) => f.format(new Date(`${p}T00:00:00Z`));
}
