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
import { cents, checkOrders, docHeader, recipeFacts, validated, type OrderRow, type RecipeFacts } from './orders.js';
import { cohortPlan } from './sql.js';
import { calendarDay, runPlan } from './plan-run.js';
import { checkTimeZone } from './dialects.js';

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

/** The cohort recipe, in memory: the same plan as the SQL, run over the orders. */
export function cohortRows(
  orders: readonly OrderRow[],
  options: Pick<CohortBuildOptions, 'period' | 'tz'> = {},
): CohortRows {
  checkOrders(orders);
  const r = runPlan(cohortPlan(options), { orders }, calendarDay(checkTimeZone(options.tz ?? 'UTC')));
  return { facts: recipeFacts(r['facts']), cells: r['cells'] as CohortRows['cells'] };
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
