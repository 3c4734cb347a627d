/**
 * The recipes over events: the funnel's reach (ordered, first occurrence, within a window) and the checkout's
 * friction, over canonical `events` and `frictions` rows (src/data/tables.ts), in every dialect of dialects.ts.
 */
import {
  checkTimeZone,
  MACROS,
  pick,
  relation,
  returns,
  withinPeriod,
  type Macros,
  type Recipe,
  type RecipeContext,
} from './dialects.js';

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
  const period = withinPeriod(m, day, options);
  // Lean on purpose (10 million events in a 1 GB budget): s<k> holds the actors that reached step k, with their
  // segment, when they reached step 1 (for the window), the previous step and step k. No actor-wide join: each step
  // is tallied from its own s<k>. Joins are on equalities only, the rest in WHERE (ClickHouse's old analyzer refuses
  // other join conditions; for an inner join it is the same query).
  const segment = seg ? `COALESCE(min(NULLIF(e.${seg}, '')), 'unknown')` : `'all'`;
  const during = period.map((p) => ` AND ${p}`).join('');
  const ctes = [
    `firsts AS (
  SELECT actor_id, min(event_ts) AS t0 FROM ${rel} WHERE event_name = ${steps[0]}${during} GROUP BY actor_id
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
  returns(m, {
    n: m.bigint('count(*)'),
    median: k ? m.percentile(0.5, m.secondsBetween('tp', 'tk')) : m.double('NULL'),
  });

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
        `SELECT ${grouped ? `${returns(m, { segment: 'segment' })}, ` : ''}${returns(m, { step: String(k) })}, ` +
        `${tally(k, m)} ` +
        `FROM s${k}${grouped ? ' GROUP BY segment' : ''}`,
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
    withinPeriod(m, m.localDay(ts, tz), options)
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
