/**
 * Canonical `events` and `frictions` rows, and the two kinds built from them: the funnel
 * from events and the checkout friction. The definitions every engine shares
 * (data-path.md):
 * - **reaching a step** (ordered, first occurrence): an actor reaches step 1 at their first
 *   step-1 event in the period (`from`/`to`, by day); step k at their first step-k event at
 *   or after the time they reached step k−1, within `window` seconds of reaching step 1.
 *   The median time between steps is over actors that reached both.
 * - **checkout friction**: the steps are followed by the completion event; `entered` of
 *   step k is the actors that reached it, `exited` those of them that did not reach the
 *   next one; `medianSeconds` the median time from reaching step k to reaching the next;
 *   a friction counts every `frictions` row at that step in the period (observations:
 *   their sum may exceed `exited`); `averageOrderValue` the mean `value` of the
 *   completion events in the period.
 * - with `segmentBy`, an actor's segment is the value on the event that reached step 1
 *   (the least one when several tie), `unknown` when it has none.
 */
import {
  checkoutFrictionSchema,
  type CheckoutFrictionDoc,
  type FrictionCategory,
} from '../schema/checkout-friction.js';
import { funnelSchema, type FunnelDoc } from '../schema/funnel.js';
import { cents, docHeader, idMaker, recipeNumber as num, RowError, utcDay, validated } from './orders.js';
import { FRICTION_CATEGORY_VALUES } from './tables.js';
import { knownEventLabel } from './labels.js';
import { checkoutPlan, reachPlan } from './sql-events.js';
import { calendarDay, runPlan } from './plan-run.js';
import { checkTimeZone } from './dialects.js';

/** One event of an actor (a visitor, a lead). */
export interface EventRow {
  actor_id: string;
  event_name: string;
  event_ts: string;
  session_id?: string | null;
  value?: number | null;
  device?: string | null;
  channel?: string | null;
  region_id?: string | null;
  /** The store (the tenant), when one table holds several stores' events. */
  store_id?: string | null;
}

/** One friction an actor hit in the checkout. */
export interface FrictionRow {
  actor_id: string;
  event_ts: string;
  /** The event name of the step where it happened. */
  step: string;
  cause_id: string;
  /** price, payment, form, account, delivery, trust, technical or other. */
  category: string;
  cause_label?: string | null;
  /** The store (the tenant), when one table holds several stores' frictions. */
  store_id?: string | null;
}

/** The event columns a segment may come from. */
export const EVENT_SEGMENT_COLUMNS = ['device', 'channel', 'region_id'] as const;
export type EventSegmentColumn = (typeof EVENT_SEGMENT_COLUMNS)[number];

/** Checks each event (`row` numbers count from 1); throws a {@link RowError} at the first bad one. */
export function checkEvents(events: readonly EventRow[]): void {
  events.forEach((e, i) => {
    if (!e.actor_id) throw new RowError(i + 1, 'actor_id', e.actor_id, 'a non-empty id');
    if (!e.event_name) throw new RowError(i + 1, 'event_name', e.event_name, 'a non-empty value');
    if (utcDay(e.event_ts) === null) throw new RowError(i + 1, 'event_ts', e.event_ts, 'an ISO 8601 timestamp');
    if (e.value !== undefined && e.value !== null && !Number.isFinite(e.value))
      throw new RowError(i + 1, 'value', e.value, 'a number');
  });
}

/** Checks each friction row; throws a {@link RowError} at the first bad one. */
export function checkFrictions(frictions: readonly FrictionRow[]): void {
  frictions.forEach((f, i) => {
    for (const c of ['actor_id', 'step', 'cause_id'] as const)
      if (!f[c]) throw new RowError(i + 1, c, f[c], `a non-empty ${c.endsWith('_id') ? 'id' : 'value'}`);
    if (utcDay(f.event_ts) === null) throw new RowError(i + 1, 'event_ts', f.event_ts, 'an ISO 8601 timestamp');
    if (!FRICTION_CATEGORY_VALUES.includes(f.category))
      throw new RowError(i + 1, 'category', f.category, `one of ${FRICTION_CATEGORY_VALUES.join(', ')}`);
  });
}

/** `30d`, `12h`, `90m`, `3600s` (or plain seconds) → seconds; throws a plain message otherwise. */
export function parseWindow(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0)
    throw new Error(`--window: expected a duration such as 30d, 12h, 90m or 3600s, got ${JSON.stringify(text)}`);
  return Math.round(Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']);
}

/** `begin_checkout` → "Begin checkout": a readable default label for an event name. */
export function eventLabel(name: string, locale = 'en'): string {
  const known = knownEventLabel(name, locale);
  if (known) return known;
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

export interface ReachOptions {
  /** Event names in order (distinct). */
  steps: readonly string[];
  /** Seconds from reaching step 1 within which the later steps count (default 30 days). */
  window?: number;
  from?: string;
  to?: string;
  tz?: string;
  segmentBy?: EventSegmentColumn;
}

/** What the reach recipe returns: `count_k`, `median_k` (k ≥ 1) for all actors, and per segment. */
export interface ReachRows {
  all: Record<string, number | null>[];
  segments?: Record<string, string | number | null>[];
}

export const DEFAULT_WINDOW = 30 * 86400;

/** The reach recipe's options from an events build's. */
export const reachOptions = (o: Omit<ReachOptions, 'tz'>) => ({
  steps: o.steps,
  ...(o.window ? { window: o.window } : {}),
  ...(o.from ? { from: o.from } : {}),
  ...(o.to ? { to: o.to } : {}),
  ...(o.segmentBy ? { segmentBy: o.segmentBy } : {}),
});

/** The reach recipe's long rows (step, n, median; per segment) as the wide rows the assemblers read. */
export function reachRecipeRows(r: Record<string, Record<string, unknown>[]>, steps: number): ReachRows {
  const wide = (rows: Record<string, unknown>[]) => {
    const out: Record<string, number | null> = {};
    for (let k = 0; k < steps; k++) {
      out[`count_${k}`] = 0;
      if (k) out[`median_${k}`] = null;
    }
    for (const row of rows) {
      const k = Number(row['step']);
      out[`count_${k}`] = Number(row['n'] ?? 0);
      if (k && row['median'] !== null && row['median'] !== undefined) out[`median_${k}`] = Number(row['median']);
    }
    return out;
  };
  const bySegment = new Map<string, Record<string, unknown>[]>();
  for (const row of r['segments'] ?? []) {
    const key = String(row['segment']);
    bySegment.set(key, [...(bySegment.get(key) ?? []), row]);
  }
  return {
    all: [wide(r['all'] ?? [])],
    ...(r['segments'] ? { segments: [...bySegment].map(([segment, rows]) => ({ segment, ...wide(rows) })) } : {}),
  };
}

/** The reach recipe, in memory: the same plan as the SQL, run over the events. */
export function reachRows(events: readonly EventRow[], options: ReachOptions): ReachRows {
  checkEvents(events);
  const r = runPlan(reachPlan(reachOptions(options)), { events }, calendarDay(checkTimeZone(options.tz ?? 'UTC')));
  return reachRecipeRows(r, options.steps.length);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface EventFunnelBuildOptions extends ReachOptions {
  /** Labels by event name (default: a GA4 event as people read it in `locale`, another name readable). */
  labels?: Readonly<Record<string, string>>;
  /** Language of the default labels (en, pt-BR, es). */
  locale?: string;
  title?: string;
  subtitle?: string;
}

/** Builds and validates a `funnel` document from events in memory. */
export function buildFunnelFromEvents(events: readonly EventRow[], options: EventFunnelBuildOptions): FunnelDoc {
  return assembleFunnelFromEvents(reachRows(events, options), options);
}

/** The funnel document from the reach recipe's rows (from SQL or from {@link reachRows}), validated. */
export function assembleFunnelFromEvents(rows: ReachRows, options: EventFunnelBuildOptions): FunnelDoc {
  const all = rows.all[0] ?? {};
  const id = idMaker();
  const stepIds = idMaker();
  const ids = options.steps.map((s) => stepIds(s));
  const doc: FunnelDoc = {
    kind: 'funnel',
    version: 1,
    ...docHeader(options),
    steps: options.steps.map((s, k) => {
      const median = all[`median_${k}`];
      return {
        id: ids[k]!,
        label: options.labels?.[s] ?? eventLabel(s, options.locale),
        count: num(all[`count_${k}`]),
        ...(k > 0 && median !== null && median !== undefined
          ? { medianSecondsFromPrevious: Math.round(num(median)) }
          : {}),
      };
    }),
    ...(rows.segments
      ? {
          segments: [...rows.segments]
            .sort((a, b) => byText(String(a['segment']), String(b['segment'])))
            .map((t) => ({
              id: id(String(t['segment'])),
              label: String(t['segment']),
              steps: options.steps.map((_, k) => ({ id: ids[k]!, count: num(t[`count_${k}`]) })),
            })),
        }
      : {}),
  };
  return validated(doc, funnelSchema);
}

export interface CheckoutBuildOptions extends Omit<ReachOptions, 'steps'> {
  /** The checkout's step events, in order. */
  steps: readonly string[];
  /** The completion event (`purchase`). */
  complete: string;
  /** Labels by event name (default: a GA4 event as people read it in `locale`, another name readable). */
  labels?: Readonly<Record<string, string>>;
  /** Language of the default labels (en, pt-BR, es). */
  locale?: string;
  title?: string;
  subtitle?: string;
  currency?: string;
}

/** What the checkout-friction recipe returns. */
export interface CheckoutRows extends ReachRows {
  frictions: { step: string; cause_id: string; category: string; cause_label: string | null; observations: number }[];
  completions: { revenue: number | null; valued: number }[];
}

/** The checkout-friction recipe, in memory: the same plan as the SQL, run over the events and frictions. */
export function checkoutRows(
  events: readonly EventRow[],
  frictions: readonly FrictionRow[],
  options: CheckoutBuildOptions,
): CheckoutRows {
  checkEvents(events);
  checkFrictions(frictions);
  const plan = checkoutPlan({ ...reachOptions(options), complete: options.complete });
  const r = runPlan(plan, { events, frictions }, calendarDay(checkTimeZone(options.tz ?? 'UTC')));
  return {
    ...reachRecipeRows(r, options.steps.length + 1),
    frictions: r['frictions'] as unknown as CheckoutRows['frictions'],
    completions: r['completions'] as unknown as CheckoutRows['completions'],
  };
}

/** Builds and validates a `checkout-friction` document from events and frictions in memory. */
export function buildCheckoutFriction(
  events: readonly EventRow[],
  frictions: readonly FrictionRow[],
  options: CheckoutBuildOptions,
): CheckoutFrictionDoc {
  return assembleCheckoutFriction(checkoutRows(events, frictions, options), options);
}

/** The checkout-friction document from the recipe's rows, validated. */
export function assembleCheckoutFriction(rows: CheckoutRows, options: CheckoutBuildOptions): CheckoutFrictionDoc {
  const stepIds = idMaker();
  const segmentId = idMaker();
  const ids = options.steps.map((s) => stepIds(s));
  const flow = (t: Record<string, unknown>) =>
    options.steps.map((_, k) => {
      const entered = num(t[`count_${k}`]);
      const median = t[`median_${k + 1}`];
      return {
        id: ids[k]!,
        label: options.labels?.[options.steps[k]!] ?? eventLabel(options.steps[k]!, options.locale),
        entered,
        exited: entered - num(t[`count_${k + 1}`]),
        ...(median !== null && median !== undefined ? { medianSeconds: Math.round(num(median)) } : {}),
      };
    });
  const completion = rows.completions[0];
  const valued = num(completion?.valued);
  const frictionIds = new Map<string, (v: string) => string>();
  const doc: CheckoutFrictionDoc = {
    kind: 'checkout-friction',
    version: 1,
    ...docHeader(options),
    ...(valued
      ? { currency: options.currency ?? 'BRL', averageOrderValue: cents(cents(num(completion?.revenue)) / valued) }
      : options.currency
        ? { currency: options.currency }
        : {}),
    steps: flow(rows.all[0] ?? {}).map((s, k) => {
      const step = options.steps[k]!;
      if (!frictionIds.has(step)) frictionIds.set(step, idMaker());
      const fid = frictionIds.get(step)!;
      const frictions = rows.frictions
        .filter((f) => f.step === step)
        .map((f) => ({ ...f, observations: num(f.observations) }))
        .sort((a, b) => b.observations - a.observations || byText(String(a.cause_id), String(b.cause_id)))
        .map((f) => ({
          id: fid(String(f.cause_id)),
          label: f.cause_label ?? String(f.cause_id),
          category: f.category as FrictionCategory,
          count: f.observations,
        }));
      return { ...s, ...(frictions.length ? { frictions } : {}) };
    }),
    ...(rows.segments && options.segmentBy
      ? {
          breakdowns: [
            {
              dimension: options.segmentBy,
              label: eventLabel(options.segmentBy === 'region_id' ? 'region' : options.segmentBy, options.locale),
              values: [...rows.segments]
                .sort((a, b) => byText(String(a['segment']), String(b['segment'])))
                .map((t) => ({
                  id: segmentId(String(t['segment'])),
                  label: String(t['segment']),
                  steps: flow(t).map(({ label: _, ...step }) => step),
                })),
            },
          ],
        }
      : {}),
  };
  return validated(doc, checkoutFrictionSchema);
}
