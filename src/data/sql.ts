/**
 * The recipes: each KPI kind over canonical `orders` rows, as a plan (plan.ts) that prints as SQL and runs in memory,
 * returning flat rows that the builders of this folder turn into a document. DuckDB and PostgreSQL run the same
 * text (the `duckdb` and `postgres` dialects print identical SQL); BigQuery, ClickHouse and
 * Snowflake differ in a handful of functions, filled by the macros of dialects.ts, each checked
 * against its engine's function reference (ClickHouse's run on chDB in the tests; BigQuery's and Snowflake's are
 * parsed by an independent parser of each dialect).
 *
 * The relation a recipe reads has canonical columns with canonical types: timestamps as
 * `TIMESTAMP` in UTC on DuckDB and PostgreSQL (the engines convert on load), the warehouse's timestamp elsewhere;
 * `amount` numeric, the rest text (`''` read as nothing in the warehouses, whose loaders did not).
 * Ordering and labels are the builders' job, so no recipe depends on an engine's collation.
 */
import { pick, type PeriodUnit, type Recipe, type RecipeContext } from './dialects.js';
// The order columns a recipe may name (from the catalogue), so nothing else from options reaches the SQL text.
import { ORDER_TEXT_COLUMNS, ORDER_TIMESTAMP_COLUMNS, TABLES } from './tables.js';
import {
  and,
  coalesce,
  col,
  columnOf,
  compare,
  inPeriod,
  divide,
  isGiven,
  isMissing,
  left,
  lit,
  localDay,
  or,
  periodStart,
  qualifying,
  present,
  right,
  secondsBetween,
  table,
  text,
  when,
  type Agg,
  type Expr,
  type Plan,
  type Rel,
  type TableRel,
} from './plan.js';
import {
  count,
  countDistinct,
  countIf,
  group,
  join,
  max,
  min,
  percentile,
  rank,
  select,
  setMask,
  sum,
} from './plan-parts.js';
import { printed } from './plan-run.js';

type TextColumn = (typeof ORDER_TEXT_COLUMNS)[number];

type TsColumn = (typeof ORDER_TIMESTAMP_COLUMNS)[number];

const order = columnOf(TABLES.orders);
/** `amount`, null read as 0. */
const amount = coalesce(order('amount'), lit(0));

/** What every build asks first: the orders' currencies and their last day (one conversion, not one per row). */
export function factsPlan(orders: TableRel) {
  const whole = group(
    'whole',
    orders,
    {},
    { low: min(present('currency')), high: max(present('currency')), latest: max(order('ordered_at')), n: count() },
  );
  return select('facts', whole, {
    least_currency: col('low'),
    greatest_currency: col('high'),
    last_day: localDay(col('latest', 'ts')),
    orders: col('n', 'bigint'),
  });
}

/** cohort: per (cohort, period), the cohort's active customers and their qualifying amount. */
export function cohortPlan(options: { period?: PeriodUnit } = {}): Plan {
  const unit = pick(['day', 'week', 'month'] as const, options.period ?? 'month', '--period');
  const orders = table(TABLES.orders, ['customer_id', 'ordered_at', 'amount', 'status', 'currency']);
  const q = select(
    'q',
    orders,
    { customer_id: order('customer_id'), p: periodStart(unit, order('ordered_at')), amt: amount },
    qualifying,
  );
  const firsts = group('firsts', q, { customer_id: col('customer_id') }, { first_p: min(col('p', 'date')) });
  const cells = group(
    'cells',
    join(q, firsts, [['customer_id', 'customer_id']]),
    { cohort: right('first_p', 'date'), period: left('p', 'date') },
    { customers: countDistinct(left('customer_id')), revenue: sum(left('amt', 'number')) },
  );
  return { facts: factsPlan(orders), cells };
}

export function cohortRecipe(options: { period?: PeriodUnit } & RecipeContext = {}): Recipe {
  return printed(cohortPlan(options), options);
}

/** forecast: per day, the qualifying amount (and every day with an order, qualifying or not). */
export function forecastPlan(): Plan {
  const orders = table(TABLES.orders, ['ordered_at', 'amount', 'status', 'currency']);
  const days = group(
    'days',
    orders,
    { day: localDay(order('ordered_at')) },
    { revenue: sum(when(qualifying, amount, lit(0))) },
  );
  return { facts: factsPlan(orders), days };
}

export function forecastRecipe(options: RecipeContext = {}): Recipe {
  return printed(forecastPlan(), options);
}

export interface SlaMetricSql {
  id: string;
  from: string;
  to: string;
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
  target: number;
}
const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

/** regional-sla: per region, its qualifying orders and, per metric, percentiles, counts and negatives. */
export function regionalSlaPlan(options: { metrics: readonly SlaMetricSql[] }): Plan {
  const metrics = options.metrics.map((x, i) => ({
    i,
    from: pick(ORDER_TIMESTAMP_COLUMNS, x.from, '--metric from column'),
    to: pick(ORDER_TIMESTAMP_COLUMNS, x.to, '--metric to column'),
    unit: UNIT_SECONDS[pick(['seconds', 'minutes', 'hours', 'days'] as const, x.unit, '--metric unit')],
    target: Number(x.target),
  }));
  if (metrics.some((x) => !Number.isFinite(x.target))) throw new Error('--metric target: expected a number');
  const used = new Set(metrics.flatMap((x) => [x.from, x.to]));
  const orders = table(TABLES.orders, ['status', 'region_id', 'region_label', 'region_group', ...used]);
  const durations = Object.fromEntries(
    metrics.map((x) => [`d${x.i}`, divide(secondsBetween(order(x.from), order(x.to)), x.unit)]),
  );
  const q = select(
    'q',
    orders,
    { rid: present('region_id'), rl: present('region_label'), rg: present('region_group'), ...durations },
    qualifying,
  );
  const measures: Record<string, Agg> = { volume: count() };
  for (const x of metrics) {
    const d = col(`d${x.i}`, 'number');
    const kept = when(compare(d, '>=', lit(0)), d);
    measures[`p50_${x.i}`] = percentile(0.5, kept);
    measures[`p90_${x.i}`] = percentile(0.9, kept);
    measures[`total_${x.i}`] = countIf(compare(d, '>=', lit(0)));
    measures[`within_${x.i}`] = countIf(and(compare(d, '>=', lit(0)), compare(d, '<=', lit(x.target))));
    measures[`negative_${x.i}`] = countIf(compare(d, '<', lit(0)));
  }
  const regions = group(
    'regions',
    q,
    { region_id: col('rid') },
    { region_label: min(col('rl')), region_group: min(col('rg')), ...measures },
    isGiven(col('rid')),
  );
  const unplaced = group('unplaced', q, {}, { orders: count() }, isMissing(col('rid')));
  return { regions, unplaced };
}

export function regionalSlaRecipe(options: { metrics: readonly SlaMetricSql[] } & RecipeContext): Recipe {
  return printed(regionalSlaPlan(options), options);
}

/** Rows where every condition holds (none: every row). */
const all = (conditions: Expr[]) => (conditions.length ? and(...conditions) : undefined);

/**
 * funnel from orders: per segment (and once for all), orders reaching each step, their amount, medians and negatives
 * between steps.
 */
export function funnelOrdersPlan(options: {
  steps: readonly string[];
  segmentBy?: string;
  from?: string;
  to?: string;
}): Plan {
  const steps = options.steps.map((s) => pick(ORDER_TIMESTAMP_COLUMNS, s, '--steps') as TsColumn);
  const seg = options.segmentBy
    ? (pick(ORDER_TEXT_COLUMNS, options.segmentBy, '--segment-by') as TextColumn)
    : undefined;
  const orders = table(TABLES.orders, [
    ...new Set(['ordered_at', 'amount', 'currency', ...steps, ...(seg ? [seg] : [])]),
  ]);
  // An order reaches a step when it has that step's time or a later one's.
  const reached = Object.fromEntries(
    steps.map((_, k) => [`r${k}`, when(or(...steps.slice(k).map((c) => isGiven(order(c)))), lit(1), lit(0))]),
  );
  const gaps = Object.fromEntries(
    steps.slice(1).map((c, k) => [`g${k + 1}`, secondsBetween(order(steps[k]!), order(c))]),
  );
  const q = select(
    'q',
    orders,
    {
      segment: seg ? coalesce(text(present(seg)), lit('unknown')) : lit('all'),
      amt: amount,
      ...reached,
      ...gaps,
    },
    all(inPeriod(order('ordered_at'), options)),
  );
  const tallies: Record<string, Agg> = {};
  steps.forEach((_, k) => {
    const r = col(`r${k}`, 'bigint');
    tallies[`count_${k}`] = sum(r);
    tallies[`value_${k}`] = sum(when(compare(r, '=', lit(1)), col('amt', 'number'), lit(0)));
  });
  const between: Record<string, Agg> = {};
  steps.slice(1).forEach((_, j) => {
    const g = col(`g${j + 1}`, 'number');
    between[`median_${j + 1}`] = percentile(0.5, when(compare(g, '>=', lit(0)), g));
    between[`negative_${j + 1}`] = countIf(compare(g, '<', lit(0)));
  });
  const plan: Record<string, Rel> = {
    facts: factsPlan(orders),
    all: group('all_orders', q, {}, { ...tallies, ...between }),
  };
  if (seg) plan['segments'] = group('segments', q, { segment: col('segment') }, tallies);
  return plan;
}

export function funnelOrdersRecipe(
  options: { steps: readonly string[]; segmentBy?: string; from?: string; to?: string } & RecipeContext,
): Recipe {
  return printed(funnelOrdersPlan(options), options);
}

/**
 * channels: per channel and per channel-month, revenue, orders, customers and repeat customers; customers per exact
 * channel set.
 */
export function channelsPlan(options: { from?: string; to?: string } = {}): Plan {
  const orders = table(TABLES.orders, ['ordered_at', 'amount', 'status', 'currency', 'channel', 'customer_id']);
  const q = select(
    'q',
    orders,
    {
      ch: coalesce(present('channel'), lit('unknown')),
      customer_id: order('customer_id'),
      amt: amount,
      month: periodStart('month', order('ordered_at')),
    },
    and(qualifying, ...inPeriod(order('ordered_at'), options)),
  );
  const perCustomer = group(
    'per_customer',
    q,
    { ch: col('ch'), customer_id: col('customer_id') },
    { n: count(), rev: sum(col('amt', 'number')) },
  );
  const repeat = countIf(compare(col('n', 'bigint'), '>=', lit(2)));
  const channels = group(
    'channels',
    perCustomer,
    { channel: col('ch') },
    {
      revenue: sum(col('rev', 'number')),
      orders: sum(col('n', 'bigint')),
      customers: count(),
      repeat_customers: repeat,
    },
  );
  const months = group(
    'months',
    q,
    { channel: col('ch'), month_start: col('month', 'date') },
    {
      revenue: sum(col('amt', 'number')),
      orders: count(),
      customers: countDistinct(col('customer_id')),
    },
  );
  // Each channel gets a bit; a customer's mask is the set of channels they bought in.
  const bits = rank('bits', q, 'ch', 'bit');
  const masks = group(
    'masks',
    join(q, bits, [['ch', 'ch']]),
    { customer_id: left('customer_id') },
    { set_mask: setMask(right('bit', 'bigint')), n: count() },
  );
  const sets = group(
    'sets',
    masks,
    { mask: text(col('set_mask', 'bigint')) },
    { customers: count(), repeat_customers: repeat },
  );
  return {
    facts: factsPlan(orders),
    channels,
    months,
    sets,
    bits: select('channel_bits', bits, { channel: col('ch'), bit: col('bit', 'bigint') }),
  };
}

export function channelsRecipe(options: { from?: string; to?: string } & RecipeContext = {}): Recipe {
  return printed(channelsPlan(options), options);
}

export * from './sql-events.js';
