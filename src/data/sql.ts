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
  checkDate,
  checkTimeZone,
  MACROS,
  pick,
  relation,
  type Macros,
  type PeriodUnit,
  type Recipe,
  type RecipeContext,
} from './dialects.js';
// The order columns a recipe may name (from the catalogue), so nothing else from options reaches the SQL text.
import { NOT_QUALIFYING_STATUSES, ORDER_TEXT_COLUMNS, ORDER_TIMESTAMP_COLUMNS } from './tables.js';

type TextColumn = (typeof ORDER_TEXT_COLUMNS)[number];

/** The columns a query returns, by name: each expression under its name as the dialect gives names back. */
const returns = (m: Macros, columns: Record<string, string>, separator = ', ') =>
  Object.entries(columns)
    .map(([name, e]) => `${e} AS ${m.out(name)}`)
    .join(separator);
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
  return {
    regions: `WITH q AS (
  SELECT ${m.present('region_id')} AS rid, ${m.present('region_label')} AS rl, ${m.present('region_group')} AS rg${metrics.length ? `,\n    ${durations}` : ''}
  FROM ${rel}
  WHERE ${qualifying} AND ${m.present('region_id')} IS NOT NULL
)
SELECT rid AS ${m.out('region_id')}, min(rl) AS ${m.out('region_label')}, min(rg) AS ${m.out('region_group')}, ${m.bigint('count(*)')} AS ${m.out('volume')}${aggregates ? `,\n  ${aggregates}` : ''}
FROM q
GROUP BY rid`,
    unplaced: `SELECT ${m.bigint('count(*)')} AS ${m.out('orders')} FROM ${rel} WHERE ${qualifying} AND ${m.present('region_id')} IS NULL`,
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
  const where = [
    options.from && `${day} >= ${m.date(checkDate('from', options.from))}`,
    options.to && `${day} <= ${m.date(checkDate('to', options.to))}`,
  ].filter(Boolean);
  const reached = steps.map(
    (_, k) =>
      `CASE WHEN ${steps
        .slice(k)
        .map((c) => `${c} IS NOT NULL`)
        .join(' OR ')} THEN 1 ELSE 0 END AS r${k}`,
  );
  const gaps = steps.slice(1).map((c, k) => `${m.secondsBetween(steps[k]!, c)} AS g${k + 1}`);
  const tallies = steps
    .map(
      (_, k) =>
        `${m.bigint(`sum(r${k})`)} AS ${m.out(`count_${k}`)}, ${m.double(`sum(CASE WHEN r${k} = 1 THEN amt ELSE 0 END)`)} AS ${m.out(`value_${k}`)}`,
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
            .map(
              (_, j) =>
                `${m.percentile(0.5, `CASE WHEN g${j + 1} >= 0 THEN g${j + 1} END`)} AS ${m.out(`median_${j + 1}`)}, ${m.filteredCount(`g${j + 1} < 0`)} AS ${m.out(`negative_${j + 1}`)}`,
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
  const where = [
    qualifying,
    options.from && `${day} >= ${m.date(checkDate('from', options.from))}`,
    options.to && `${day} <= ${m.date(checkDate('to', options.to))}`,
  ]
    .filter(Boolean)
    .join(' AND ');
  const q = `WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch, customer_id, COALESCE(amount, 0) AS amt, ${m.periodStart('month', 'ordered_at', tz)} AS month
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
  SELECT ch, ${m.bigint('dense_rank() OVER (ORDER BY ch)')} - 1 AS bit FROM (SELECT DISTINCT ch FROM q) c
), masks AS (
  SELECT q.customer_id, ${m.setMask('b.bit')} AS set_mask, ${m.bigint('count(*)')} AS n
  FROM q JOIN bits b ON b.ch = q.ch
  GROUP BY q.customer_id
)
SELECT ${returns(m, { mask: m.text('set_mask'), customers: m.bigint('count(*)'), repeat_customers: m.filteredCount('n >= 2') })}
FROM masks
GROUP BY set_mask`,
    bits: `${q}
SELECT ch AS ${m.out('channel')}, ${m.bigint('dense_rank() OVER (ORDER BY ch)')} - 1 AS ${m.out('bit')} FROM (SELECT DISTINCT ch FROM q) c`,
  };
}

/** Text that reaches SQL as a literal: event names, checked to be plain names. */
/** An event name as an SQL literal: only letters, digits, `_ . : -` (1 to 100), so it needs no escaping. */
function eventName(name: string): string {
  return `'${checkEventName(name)}'`;
}

/** `name` when it is an event name a recipe takes (letters, digits, `_ . : -`, 1 to 100), else an error. */
export function checkEventName(name: string, option = 'steps'): string {
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(name))
    throw new Error(`--${option}: expected event names (letters, digits, _ . : -), got ${JSON.stringify(name)}`);
  return name;
}

export interface ReachRecipeOptions extends RecipeContext {
  /** Event names in order (distinct). */
  steps: readonly string[];
  /** Seconds from reaching step 1 within which the later steps count. */
  window?: number;
  from?: string;
  to?: string;
  segmentBy?: string;
}

/**
 * The ordered, first-occurrence reach of each actor as `reach` (t0 … tn) and `segs`: shared by the event funnel and the
 * checkout.
 */
function reachCte(options: ReachRecipeOptions): { sql: string; steps: number; m: Macros } {
  const m = MACROS[options.dialect ?? 'duckdb'];
  const tz = checkTimeZone(options.tz ?? 'UTC');
  const rel = relation('events', options.events, options.dialect);
  const steps = options.steps.map(eventName);
  if (steps.length < 2 || new Set(steps).size !== steps.length)
    throw new Error('--steps: expected two or more distinct event names');
  const window = Number(options.window ?? 30 * 86400);
  if (!(window > 0) || !Number.isFinite(window)) throw new Error('--window: expected a positive duration');
  const seg = options.segmentBy
    ? pick(['device', 'channel', 'region_id'] as const, options.segmentBy, '--segment-by')
    : undefined;
  const day = m.localDay('event_ts', tz);
  const period = [
    options.from && `${day} >= ${m.date(checkDate('from', options.from))}`,
    options.to && `${day} <= ${m.date(checkDate('to', options.to))}`,
  ].filter(Boolean);
  // Lean on purpose (10 million events in a 1 GB budget): s<k> holds the actors that reached step k, with their
  // segment, when they reached step 1 (for the window), the previous step and step k. No actor-wide join: each step
  // is tallied from its own s<k>. Joins are on equalities only, the rest in WHERE (ClickHouse's old analyzer refuses
  // other join conditions; for an inner join it is the same query).
  const segment = seg ? `COALESCE(min(NULLIF(e.${seg}, '')), 'unknown')` : `'all'`;
  const ctes = [
    `firsts AS (
  SELECT actor_id, min(event_ts) AS t0 FROM ${rel} WHERE event_name = ${steps[0]}${period.map((p) => ` AND ${p}`).join('')} GROUP BY actor_id
)`,
    `s0 AS (
  SELECT f.actor_id, f.t0, f.t0 AS tp, f.t0 AS tk, ${segment} AS segment
  FROM firsts f JOIN ${rel} e ON e.actor_id = f.actor_id AND e.event_ts = f.t0
  WHERE e.event_name = ${steps[0]}
  GROUP BY f.actor_id, f.t0
)`,
  ];
  for (let k = 1; k < steps.length; k++) {
    ctes.push(`s${k} AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s${k - 1} s JOIN ${rel} e ON e.actor_id = s.actor_id
  WHERE e.event_name = ${steps[k]} AND e.event_ts >= s.tk AND ${m.secondsBetween('s.t0', 'e.event_ts')} <= ${window}
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
)`);
  }
  return { sql: `WITH ${ctes.join(', ')}`, steps: steps.length, m };
}

/** Step k's tally from s<k>: the actors and the median time from the previous step. */
const tally = (k: number, m: Macros) =>
  `${m.bigint('count(*)')} AS ${m.out('n')}${k ? `, ${m.percentile(0.5, m.secondsBetween('tp', 'tk'))}` : `, ${m.double('NULL')}`} AS ${m.out('median')}`;

/**
 * funnel from events: actors reaching each step (ordered, first occurrence, within the window) and the median time
 * between steps, as long rows (step, n, median), once for all actors and once per segment.
 */
export function reachRecipe(options: ReachRecipeOptions): Recipe {
  const { sql, steps, m } = reachCte(options);
  const each = (grouped: boolean) =>
    Array.from(
      { length: steps },
      (_, k) =>
        `SELECT ${grouped ? `segment AS ${m.out('segment')}, ` : ''}${k} AS ${m.out('step')}, ${tally(k, m)} FROM s${k}${grouped ? ' GROUP BY segment' : ''}`,
    ).join('\nUNION ALL ');
  const recipe: Recipe = { all: `${sql}\n${each(false)}` };
  if (options.segmentBy) recipe['segments'] = `${sql}\n${each(true)}`;
  return recipe;
}

/**
 * checkout-friction: the reach over the steps and the completion event, frictions per step and cause, and the
 * completions' value.
 */
export function checkoutRecipe(
  options: Omit<ReachRecipeOptions, 'steps'> & { steps: readonly string[]; complete: string },
): Recipe {
  const m = MACROS[options.dialect ?? 'duckdb'];
  const tz = checkTimeZone(options.tz ?? 'UTC');
  const reach = reachRecipe({ ...options, steps: [...options.steps, options.complete] });
  const period = (ts: string) =>
    [
      options.from && `${m.localDay(ts, tz)} >= ${m.date(checkDate('from', options.from))}`,
      options.to && `${m.localDay(ts, tz)} <= ${m.date(checkDate('to', options.to))}`,
    ]
      .filter(Boolean)
      .map((p) => ` AND ${p}`)
      .join('');
  return {
    ...reach,
    frictions: `SELECT ${returns(m, {
      step: 'step_name',
      cause_id: 'cause',
      category: 'min(cat)',
      cause_label: 'min(lbl)',
      observations: m.bigint('count(*)'),
    })}
FROM (
  SELECT step AS step_name, cause_id AS cause, category AS cat, ${m.present('cause_label')} AS lbl
  FROM ${relation('frictions', options.frictions, options.dialect)}
  WHERE step IN (${options.steps.map(eventName).join(', ')})${period('event_ts')}
) f
GROUP BY step_name, cause`,
    completions: `SELECT ${returns(m, { revenue: m.double('sum(value)'), valued: m.bigint('count(value)') })}
FROM ${relation('events', options.events, options.dialect)}
WHERE event_name = ${eventName(options.complete)}${period('event_ts')}`,
  };
}
