/**
 * The recipes over events: the funnel's reach (ordered, first occurrence, within a window) and the checkout's
 * friction, over canonical `events` and `frictions` rows (src/data/tables.ts), as plans (plan.ts) that print in every
 * dialect of dialects.ts and run in memory.
 */
import { pick, type Recipe, type RecipeContext } from './dialects.js';
import { TABLES } from './tables.js';
import {
  and,
  coalesce,
  col,
  columnOf,
  compare,
  inPeriod,
  left,
  lit,
  present,
  right,
  secondsBetween,
  table,
  within,
  type Plan,
  type GroupRel,
  type Rel,
  type SelectRel,
} from './plan.js';
import { constant, count, countOf, group, join, min, percentile, select, sum, union } from './plan-parts.js';
import { printed } from './plan-run.js';

/**
 * `name` when it is an event name a recipe takes (letters, digits, `_ . : -`, 1 to 100: an SQL literal that needs no
 * escaping), else an error.
 */
export function checkEventName(name: string, option = 'steps'): string {
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(name))
    throw new Error(`--${option}: expected event names (letters, digits, _ . : -), got ${JSON.stringify(name)}`);
  return name;
}

export interface ReachRecipeOptions {
  /** Event names in order (distinct). */
  steps: readonly string[];
  /** Seconds from reaching step 1 within which the later steps count. */
  window?: number;
  from?: string;
  to?: string;
  segmentBy?: string;
}

const event = columnOf(TABLES.events);

/**
 * The ordered, first-occurrence reach of each actor: s<k> holds the actors that reached step k, with their segment,
 * when they reached step 1 (for the window), the previous step and step k. Shared by the event funnel and the checkout.
 *
 * Lean on purpose (10 million events in a 1 GB budget): no actor-wide join; each step is tallied from its own s<k>.
 * Joins are on equalities only, the rest in WHERE (ClickHouse's old analyzer refuses other join conditions; for an
 * inner join it is the same query).
 */
function reachSteps(options: ReachRecipeOptions): (GroupRel | SelectRel)[] {
  const names = options.steps.map((n) => checkEventName(n));
  if (names.length < 2 || new Set(names).size !== names.length)
    throw new Error('--steps: expected two or more distinct event names');
  const window = Number(options.window ?? 30 * 86400);
  if (!(window > 0) || !Number.isFinite(window)) throw new Error('--window: expected a positive duration');
  const seg = options.segmentBy
    ? pick(['device', 'channel', 'region_id'] as const, options.segmentBy, '--segment-by')
    : undefined;
  const events = table(TABLES.events, ['actor_id', 'event_name', 'event_ts', ...(seg ? [seg] : [])]);
  const named = (side: typeof left, k: number) => compare(side('event_name'), '=', lit(names[k]!));
  const firsts = group(
    'firsts',
    events,
    { actor_id: event('actor_id') },
    { t0: min(event('event_ts')) },
    and(compare(event('event_name'), '=', lit(names[0]!)), ...inPeriod(event('event_ts'), options)),
  );
  const first = group(
    'first_seen',
    join(firsts, events, [
      ['actor_id', 'actor_id'],
      ['t0', 'event_ts'],
    ]),
    { actor_id: left('actor_id'), t0: left('t0', 'ts') },
    seg ? { seg: min(right(seg)) } : {},
    named(right, 0),
  );
  const s0 = select('s0', first, {
    actor_id: col('actor_id'),
    t0: col('t0', 'ts'),
    tp: col('t0', 'ts'),
    tk: col('t0', 'ts'),
    segment: seg ? coalesce(col('seg'), lit('unknown')) : lit('all'),
  });
  const reached: (GroupRel | SelectRel)[] = [s0];
  for (let k = 1; k < names.length; k++) {
    const t = right('event_ts', 'ts');
    reached.push(
      group(
        `s${k}`,
        join(reached[k - 1]!, events, [['actor_id', 'actor_id']]),
        { actor_id: left('actor_id'), t0: left('t0', 'ts'), tp: left('tk', 'ts'), segment: left('segment') },
        { tk: min(t) },
        and(
          named(right, k),
          compare(t, '>=', left('tk', 'ts')),
          compare(secondsBetween(left('t0', 'ts'), t), '<=', lit(window)),
        ),
      ),
    );
  }
  return reached;
}

/** Step k's tally from s<k>: the actors and the median time from the previous step. */
function tally(reached: readonly Rel[], grouped: boolean, name: string): Rel {
  return union(
    name,
    reached.map((s, k) =>
      group(`${name}_${k}`, s, grouped ? { segment: col('segment') } : {}, {
        step: constant(k),
        n: count(),
        median: k ? percentile(0.5, secondsBetween(col('tp', 'ts'), col('tk', 'ts'))) : constant(null, 'number'),
      }),
    ),
  );
}

/**
 * funnel from events: actors reaching each step (ordered, first occurrence, within the window) and the median time
 * between steps, as long rows (step, n, median), once for all actors and once per segment.
 */
export function reachPlan(options: ReachRecipeOptions): Plan {
  const reached = reachSteps(options);
  return {
    all: tally(reached, false, 'all_actors'),
    ...(options.segmentBy ? { segments: tally(reached, true, 'segments') } : {}),
  };
}

export function reachRecipe(options: ReachRecipeOptions & RecipeContext): Recipe {
  return printed(reachPlan(options), options);
}

export interface CheckoutRecipeOptions extends Omit<ReachRecipeOptions, 'steps'> {
  steps: readonly string[];
  complete: string;
}

/**
 * checkout-friction: the reach over the steps and the completion event, frictions per step and cause, and the
 * completions' value.
 */
export function checkoutPlan(options: CheckoutRecipeOptions): Plan {
  const friction = columnOf(TABLES.frictions);
  const frictions = table(TABLES.frictions, ['step', 'cause_id', 'category', 'cause_label', 'event_ts']);
  const steps = options.steps.map((n) => checkEventName(n));
  const complete = checkEventName(options.complete, 'complete');
  const events = table(TABLES.events, ['event_name', 'event_ts', 'value']);
  return {
    ...reachPlan({ ...options, steps: [...steps, complete] }),
    frictions: group(
      'frictions',
      frictions,
      { step: friction('step'), cause_id: friction('cause_id') },
      { category: min(friction('category')), cause_label: min(present('cause_label')), observations: count() },
      and(within(friction('step'), steps), ...inPeriod(friction('event_ts'), options)),
    ),
    completions: group(
      'completions',
      events,
      {},
      { revenue: sum(event('value')), valued: countOf(event('value')) },
      and(compare(event('event_name'), '=', lit(complete)), ...inPeriod(event('event_ts'), options)),
    ),
  };
}

export function checkoutRecipe(options: CheckoutRecipeOptions & RecipeContext): Recipe {
  return printed(checkoutPlan(options), options);
}
