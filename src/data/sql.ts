/**
 * The recipes: each KPI kind as SQL over canonical `orders` rows, returning flat rows that
 * the builders of this folder turn into a document. DuckDB and PostgreSQL run the same
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
import {
  checkTimeZone,
  MACROS,
  pick,
  relation,
  type PeriodUnit,
  type Recipe,
  type RecipeContext,
  returns,
  withinPeriod,
} from './dialects.js';
// The order columns a recipe may name (from the catalogue), so nothing else from options reaches the SQL text.
import { NOT_QUALIFYING_STATUSES, ORDER_TEXT_COLUMNS, ORDER_TIMESTAMP_COLUMNS } from './tables.js';

type TextColumn = (typeof ORDER_TEXT_COLUMNS)[number];

type TsColumn = (typeof ORDER_TIMESTAMP_COLUMNS)[number];

function context(c: RecipeContext) {
  const m = MACROS[c.dialect ?? 'duckdb'];
  const tz = checkTimeZone(c.tz ?? 'UTC');
  const rel = relation('orders', c.orders, c.dialect);
  const qualifying = `(status IS NULL OR status NOT IN (${NOT_QUALIFYING_STATUSES.map((s) => `'${s}'`).join(', ')}))`;
  return { m, tz, rel, qualifying };
}

/** What every build asks first: the orders' currencies and their last day. */
function factsQuery(c: RecipeContext): string {
  const { m, tz, rel } = context(c);
  // The local day of the latest order is the latest local day (the conversion keeps order): one conversion, not one per
  // row.
  const cur = m.present('currency');
  const facts = {
    least_currency: `min(${cur})`,
    greatest_currency: `max(${cur})`,
    last_day: m.dateText(m.localDay('max(ordered_at)', tz)),
    orders: m.bigint('count(*)'),
  };
  return `SELECT ${returns(m, facts)}\nFROM ${rel}`;
}

/** cohort: per (cohort, period), the cohort's active customers and their qualifying amount. */
export function cohortRecipe(options: { period?: PeriodUnit } & RecipeContext = {}): Recipe {
  const { m, tz, rel, qualifying } = context(options);
  const unit = pick(['day', 'week', 'month'] as const, options.period ?? 'month', '--period');
  return {
    facts: factsQuery(options),
    cells: `WITH q AS (
  SELECT customer_id, ${m.periodStart(unit, 'ordered_at', tz)} AS p, COALESCE(amount, 0) AS amt
  FROM ${rel}
  WHERE ${qualifying}
), firsts AS (
  SELECT customer_id, min(p) AS first_p FROM q GROUP BY customer_id
)
SELECT ${returns(m, { cohort: m.dateText('f.first_p'), period: m.dateText('q.p') })},
  ${returns(m, { customers: m.bigint('count(DISTINCT q.customer_id)'), revenue: m.double('sum(q.amt)') })}
FROM q JOIN firsts f ON f.customer_id = q.customer_id
GROUP BY f.first_p, q.p`,
  };
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
export function regionalSlaRecipe(options: { metrics: readonly SlaMetricSql[] } & RecipeContext): Recipe {
  const { m, rel, qualifying } = context(options);
  const metrics = options.metrics.map((x, i) => ({
    i,
    from: pick(ORDER_TIMESTAMP_COLUMNS, x.from, '--metric from column'),
    to: pick(ORDER_TIMESTAMP_COLUMNS, x.to, '--metric to column'),
    unit: UNIT_SECONDS[pick(['seconds', 'minutes', 'hours', 'days'] as const, x.unit, '--metric unit')],
    target: Number(x.target),
  }));
  if (metrics.some((x) => !Number.isFinite(x.target))) throw new Error('--metric target: expected a number');
  const durations = metrics.map((x) => `${m.secondsBetween(x.from, x.to)} / ${x.unit} AS d${x.i}`).join(',\n    ');
  const aggregates = metrics
    .map(
      (x) => `${m.percentile(0.5, `CASE WHEN d${x.i} >= 0 THEN d${x.i} END`)} AS ${m.out(`p50_${x.i}`)},
  ${m.percentile(0.9, `CASE WHEN d${x.i} >= 0 THEN d${x.i} END`)} AS ${m.out(`p90_${x.i}`)},
  ${m.filteredCount(`d${x.i} >= 0`)} AS ${m.out(`total_${x.i}`)},
  ${m.filteredCount(`d${x.i} >= 0 AND d${x.i} <= ${x.target}`)} AS ${m.out(`within_${x.i}`)},
  ${m.filteredCount(`d${x.i} < 0`)} AS ${m.out(`negative_${x.i}`)}`,
    )
    .join(',\n  ');
  const [rid, rl, rg] = ['region_id', 'region_label', 'region_group'].map((c) => m.present(c));
  const region = returns(m, {
    region_id: 'rid',
    region_label: 'min(rl)',
    region_group: 'min(rg)',
    volume: m.bigint('count(*)'),
  });
  return {
    regions: `WITH q AS (
  SELECT ${rid} AS rid, ${rl} AS rl, ${rg} AS rg${metrics.length ? `,\n    ${durations}` : ''}
  FROM ${rel}
  WHERE ${qualifying} AND ${rid} IS NOT NULL
)
SELECT ${region}${aggregates ? `,\n  ${aggregates}` : ''}
FROM q
GROUP BY rid`,
    unplaced:
      `SELECT ${returns(m, { orders: m.bigint('count(*)') })} FROM ${rel} ` + `WHERE ${qualifying} AND ${rid} IS NULL`,
  };
}

/**
 * funnel from orders: per segment (and once for all), orders reaching each step, their amount, medians and negatives
 * between steps.
 */
export function funnelOrdersRecipe(
  options: { steps: readonly string[]; segmentBy?: string; from?: string; to?: string } & RecipeContext,
): Recipe {
  const { m, tz, rel } = context(options);
  const steps = options.steps.map((s) => pick(ORDER_TIMESTAMP_COLUMNS, s, '--steps') as TsColumn);
  const seg = options.segmentBy
    ? (pick(ORDER_TEXT_COLUMNS, options.segmentBy, '--segment-by') as TextColumn)
    : undefined;
  const day = m.localDay('ordered_at', tz);
  const where = withinPeriod(m, day, options);
  const reached = steps.map(
    (_, k) =>
      `CASE WHEN ${steps
        .slice(k)
        .map((c) => `${c} IS NOT NULL`)
        .join(' OR ')} THEN 1 ELSE 0 END AS r${k}`,
  );
  const gaps = steps.slice(1).map((c, k) => `${m.secondsBetween(steps[k]!, c)} AS g${k + 1}`);
  const tallies = steps
    .map((_, k) =>
      returns(m, {
        [`count_${k}`]: m.bigint(`sum(r${k})`),
        [`value_${k}`]: m.double(`sum(CASE WHEN r${k} = 1 THEN amt ELSE 0 END)`),
      }),
    )
    .join(',\n  ');
  const q = `WITH q AS (
  SELECT ${seg ? `COALESCE(NULLIF(${m.text(seg)}, ''), 'unknown')` : `'all'`} AS segment, COALESCE(amount, 0) AS amt,
    ${[...reached, ...gaps].join(',\n    ')}
  FROM ${rel}${where.length ? `\n  WHERE ${where.join(' AND ')}` : ''}
)`;
  const recipe: Recipe = {
    facts: factsQuery(options),
    all: `${q}
SELECT ${tallies}${
      gaps.length
        ? `,\n  ${steps
            .slice(1)
            .map((_, j) =>
              returns(m, {
                [`median_${j + 1}`]: m.percentile(0.5, `CASE WHEN g${j + 1} >= 0 THEN g${j + 1} END`),
                [`negative_${j + 1}`]: m.filteredCount(`g${j + 1} < 0`),
              }),
            )
            .join(',\n  ')}`
        : ''
    }
FROM q`,
  };
  if (seg) recipe['segments'] = `${q}\nSELECT segment AS ${m.out('segment')}, ${tallies}\nFROM q\nGROUP BY segment`;
  return recipe;
}

/** forecast: per day, the qualifying amount (and every day with an order, qualifying or not). */
export function forecastRecipe(options: RecipeContext = {}): Recipe {
  const { m, tz, rel, qualifying } = context(options);
  return {
    facts: factsQuery(options),
    days: `SELECT ${returns(m, {
      day: m.dateText(m.localDay('ordered_at', tz)),
      revenue: m.double(`sum(CASE WHEN ${qualifying} THEN COALESCE(amount, 0) ELSE 0 END)`),
    })}
FROM ${rel}
GROUP BY ${m.localDay('ordered_at', tz)}`,
  };
}

/**
 * channels: per channel and per channel-month, revenue, orders, customers and repeat customers; customers per exact
 * channel set.
 */
export function channelsRecipe(options: { from?: string; to?: string } & RecipeContext = {}): Recipe {
  const { m, tz, rel, qualifying } = context(options);
  const day = m.localDay('ordered_at', tz);
  const where = [qualifying, ...withinPeriod(m, day, options)].join(' AND ');
  const month = m.periodStart('month', 'ordered_at', tz);
  const rank = m.bigint('dense_rank() OVER (ORDER BY ch)');
  const setCounts = returns(m, {
    mask: m.text('set_mask'),
    customers: m.bigint('count(*)'),
    repeat_customers: m.filteredCount('n >= 2'),
  });
  const q = `WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch, customer_id, COALESCE(amount, 0) AS amt, ${month} AS month
  FROM ${rel}
  WHERE ${where}
)`;
  return {
    facts: factsQuery(options),
    channels: `${q}, per_customer AS (
  SELECT ch, customer_id, count(*) AS n, sum(amt) AS rev FROM q GROUP BY ch, customer_id
)
SELECT ${returns(m, {
      channel: 'ch',
      revenue: m.double('sum(rev)'),
      orders: m.bigint('sum(n)'),
      customers: m.bigint('count(*)'),
      repeat_customers: m.filteredCount('n >= 2'),
    })}
FROM per_customer
GROUP BY ch`,
    months: `${q}
SELECT ${returns(m, {
      channel: 'ch',
      month_start: m.dateText('month'),
      revenue: m.double('sum(amt)'),
      orders: m.bigint('count(*)'),
      customers: m.bigint('count(DISTINCT customer_id)'),
    })}
FROM q
GROUP BY ch, month`,
    // Each channel gets a bit; a customer's mask is the set of channels they bought in.
    sets: `${q}, bits AS (
  SELECT ch, ${rank} - 1 AS bit FROM (SELECT DISTINCT ch FROM q) c
), masks AS (
  SELECT q.customer_id, ${m.setMask('b.bit')} AS set_mask, ${m.bigint('count(*)')} AS n
  FROM q JOIN bits b ON b.ch = q.ch
  GROUP BY q.customer_id
)
SELECT ${setCounts}
FROM masks
GROUP BY set_mask`,
    bits: `${q}
SELECT ${returns(m, { channel: 'ch', bit: `${rank} - 1` })} FROM (SELECT DISTINCT ch FROM q) c`,
  };
}

export * from './sql-events.js';
