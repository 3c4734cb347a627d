/**
 * The `regional-sla` builder: orders to response or delivery times against targets,
 * region by region, in memory. The definition every engine shares (data-path.md): each
 * metric is the duration between two timestamp columns, in its unit; per region, `p50`
 * and `p90` are the type-7 percentiles of the metric's durations over qualifying orders
 * that have both ends, `total` their number and `withinTarget` those at or under the
 * target; `volume` is the region's qualifying orders. A negative duration is a data error
 * upstream: it is left out and counted.
 */
import { parseKpi, type RegionalSlaDoc, type SlaUnit } from '../schema/index.js';
import { quantileSorted } from '../compute/ets.js';
import { checkOrders, isQualifying, timestampMs, type OrderRow } from './orders.js';
import { InvalidDocumentError } from './forecast.js';

/** The timestamp columns of canonical orders. */
export const TIMESTAMP_COLUMNS = ['ordered_at', 'approved_at', 'shipped_at', 'delivered_at', 'promised_at', 'reviewed_at'] as const;
export type TimestampColumn = (typeof TIMESTAMP_COLUMNS)[number];

export interface SlaMetricSpec {
  id: string;
  label?: string;
  from: TimestampColumn;
  to: TimestampColumn;
  unit: SlaUnit;
  target: number;
}

const UNIT_SECONDS: Record<SlaUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** `delivery=ordered_at..delivered_at:days:10` → a metric spec; throws a plain message when it is not one. */
export function parseMetricSpec(text: string): SlaMetricSpec {
  const m = /^([A-Za-z0-9_.:-]{1,64})=([a-z_]+)\.\.([a-z_]+):(seconds|minutes|hours|days):(\d+(\.\d+)?)$/.exec(text);
  const columns: readonly string[] = TIMESTAMP_COLUMNS;
  if (!m || !columns.includes(m[2]!) || !columns.includes(m[3]!)) {
    throw new Error(`--metric ${JSON.stringify(text)}: expected <id>=<from column>..<to column>:<seconds|minutes|hours|days>:<target>, with columns among ${TIMESTAMP_COLUMNS.join(', ')}`);
  }
  return { id: m[1]!, from: m[2] as TimestampColumn, to: m[3] as TimestampColumn, unit: m[4] as SlaUnit, target: Number(m[5]) };
}

export interface RegionalSlaBuildOptions {
  metrics: readonly SlaMetricSpec[];
  title?: string;
  subtitle?: string;
  /** Decimals of p50 and p90 (default 2). */
  digits?: number;
}

export interface RegionalSlaBuild {
  doc: RegionalSlaDoc;
  /** Negative durations left out, per metric id. */
  negative: Record<string, number>;
  /** Qualifying orders without a `region_id`, left out. */
  withoutRegion: number;
}

/** Builds and validates a `regional-sla` document from orders. */
export function buildRegionalSla(orders: readonly OrderRow[], options: RegionalSlaBuildOptions): RegionalSlaBuild {
  checkOrders(orders);
  const round = (v: number) => Number(v.toFixed(options.digits ?? 2));
  const negative: Record<string, number> = Object.fromEntries(options.metrics.map((m) => [m.id, 0]));
  const regions = new Map<string, { label: string; group?: string; volume: number; durations: Record<string, number[]> }>();
  let withoutRegion = 0;
  for (const o of orders) {
    if (!isQualifying(o)) continue;
    if (!o.region_id) {
      withoutRegion++;
      continue;
    }
    let r = regions.get(o.region_id);
    if (!r) {
      r = { label: o.region_label || o.region_id, volume: 0, durations: Object.fromEntries(options.metrics.map((m) => [m.id, []])) };
      if (o.region_group) r.group = o.region_group;
      regions.set(o.region_id, r);
    }
    r.volume++;
    for (const m of options.metrics) {
      const from = timestampMs(o[m.from]);
      const to = timestampMs(o[m.to]);
      if (from === null || to === null) continue;
      if (to < from) {
        negative[m.id]!++;
        continue;
      }
      r.durations[m.id]!.push((to - from) / 1000 / UNIT_SECONDS[m.unit]);
    }
  }
  const doc: RegionalSlaDoc = {
    kind: 'regional-sla', version: 1,
    ...(options.title ? { title: options.title } : {}),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    metrics: options.metrics.map((m) => ({ id: m.id, label: m.label ?? `${m.from} → ${m.to}`, unit: m.unit, target: m.target })),
    regions: [...regions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, r]) => ({
      id, label: r.label, ...(r.group ? { group: r.group } : {}), volume: r.volume,
      values: Object.fromEntries(options.metrics.flatMap((m) => {
        const d = r.durations[m.id]!.sort((a, b) => a - b);
        if (!d.length) return [];
        return [[m.id, { p50: round(quantileSorted(d, 0.5)), p90: round(quantileSorted(d, 0.9)), withinTarget: d.filter((v) => v <= m.target).length, total: d.length }]];
      })),
    })),
  };
  const result = parseKpi(doc, 'regional-sla');
  if (!result.ok) throw new InvalidDocumentError(result.issues);
  return { doc: result.doc, negative, withoutRegion };
}
