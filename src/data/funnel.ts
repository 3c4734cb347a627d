/**
 * The `funnel` builder from orders (a fulfilment funnel), in memory. The definition every
 * engine shares (data-path.md): every order counts, canceled ones included, since
 * cancelling is the drop-off; the steps are timestamp columns in order; an order reaches
 * step k when step k's column or any later step's is set; `medianSecondsFromPrevious` is
 * the median of step k − step k−1 over orders that have both, negative ones left out;
 * `value` is the sum of `amount` of the orders that reach the step.
 */
import { parseKpi, type FunnelDoc } from '../schema/index.js';
import { quantileSorted } from '../compute/ets.js';
import { cents, checkOrders, timestampMs, utcDay, type OrderRow } from './orders.js';
import { InvalidDocumentError } from './forecast.js';
import type { TimestampColumn } from './regional-sla.js';

export interface FunnelStepSpec {
  column: TimestampColumn;
  /** Default: the column's name. */
  label?: string;
}

export interface FunnelBuildOptions {
  steps: readonly FunnelStepSpec[];
  /** Orders placed from this day on (by `ordered_at`). */
  from?: string;
  /** Orders placed up to this day. */
  to?: string;
  /** A text column of the orders (`region_group`, `channel`, …): one segment per value. */
  segmentBy?: keyof OrderRow;
  title?: string;
  subtitle?: string;
  currency?: string;
}

export interface FunnelBuild {
  doc: FunnelDoc;
  /** Negative step intervals left out of the medians, per step id. */
  negative: Record<string, number>;
}

interface Tally {
  count: number[];
  value: number[];
}

/** Builds and validates a `funnel` document from orders. */
export function buildFunnelFromOrders(orders: readonly OrderRow[], options: FunnelBuildOptions): FunnelBuild {
  checkOrders(orders);
  const steps = options.steps;
  const inRange = orders.filter((o) => {
    const d = utcDay(o.ordered_at)!;
    return (!options.from || d >= options.from) && (!options.to || d <= options.to);
  });
  const tally = (): Tally => ({ count: steps.map(() => 0), value: steps.map(() => 0) });
  const all = tally();
  const segments = new Map<string, Tally>();
  const gaps: number[][] = steps.map(() => []);
  const negative: Record<string, number> = Object.fromEntries(steps.map((s) => [s.column, 0]));
  let currency: string | undefined;
  for (const o of inRange) {
    currency ??= o.currency ?? undefined;
    const times = steps.map((s) => timestampMs(o[s.column] as string | null | undefined));
    // The furthest step with a timestamp: every step up to it is reached.
    let reached = -1;
    times.forEach((t, k) => {
      if (t !== null) reached = k;
    });
    const key = options.segmentBy ? String(o[options.segmentBy] ?? '') || 'unknown' : '';
    let seg = segments.get(key);
    if (options.segmentBy && !seg) segments.set(key, (seg = tally()));
    for (let k = 0; k <= reached; k++) {
      for (const t of seg ? [all, seg] : [all]) {
        t.count[k]!++;
        t.value[k]! += o.amount ?? 0;
      }
    }
    for (let k = 1; k < steps.length; k++) {
      const a = times[k - 1];
      const b = times[k];
      if (a === null || b === null || a === undefined || b === undefined) continue;
      if (b < a) negative[steps[k]!.column]!++;
      else gaps[k]!.push((b - a) / 1000);
    }
  }
  // Segment ids from the values: the id characters kept, the rest as _, a suffix where two collide.
  const ids = new Set<string>();
  const uniqueId = (value: string) => {
    const base = value.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 60) || 'unknown';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}_${n}`;
    ids.add(id);
    return id;
  };
  const doc: FunnelDoc = {
    kind: 'funnel', version: 1,
    ...(options.title ? { title: options.title } : {}),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    ...(options.from && options.to ? { period: { from: options.from, to: options.to } } : {}),
    currency: options.currency ?? currency ?? 'BRL',
    steps: steps.map((s, k) => {
      const g = gaps[k]!.sort((a, b) => a - b);
      return {
        id: s.column, label: s.label ?? s.column, count: all.count[k]!, value: cents(all.value[k]!),
        ...(k > 0 && g.length ? { medianSecondsFromPrevious: Math.round(quantileSorted(g, 0.5)) } : {}),
      };
    }),
    ...(options.segmentBy ? {
      segments: [...segments].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, t]) => ({
        id: uniqueId(value),
        label: value,
        steps: steps.map((s, k) => ({ id: s.column, count: t.count[k]!, value: cents(t.value[k]!) })),
      })),
    } : {}),
  };
  const result = parseKpi(doc, 'funnel');
  if (!result.ok) throw new InvalidDocumentError(result.issues);
  return { doc: result.doc, negative };
}
