/**
 * The `regional-sla` builder: orders to response or delivery times against targets,
 * region by region, in memory. The definition every engine shares (data-path.md): each
 * metric is the duration between two timestamp columns, in its unit; per region, `p50`
 * and `p90` are the type-7 percentiles of the metric's durations over qualifying orders
 * that have both ends, `total` their number and `withinTarget` those at or under the
 * target; `volume` is the region's qualifying orders. A negative duration is a data error
 * upstream: it is left out and counted.
 */
import { columnLabel } from './labels.js';
import { brazilianState } from './regions.js';
import { ORDER_TIMESTAMP_COLUMNS, type TimestampColumn } from './tables.js';
import { regionalSlaSchema, type RegionalSlaDoc, type SlaUnit } from '../schema/regional-sla.js';
import { checkOrders, docHeader, recipeNumber as num, validated, type OrderRow } from './orders.js';
import { regionalSlaPlan } from './sql.js';
import { calendarDay, runPlan } from './plan-run.js';

export interface SlaMetricSpec {
  id: string;
  label?: string;
  from: TimestampColumn;
  to: TimestampColumn;
  unit: SlaUnit;
  target: number;
}

/** `delivery=ordered_at..delivered_at:days:10[:Label]` → a metric spec; throws a plain message when it is not one. */
export function parseMetricSpec(text: string): SlaMetricSpec {
  const m =
    /^([A-Za-z0-9_.:-]{1,64})=([a-z_]+)\.\.([a-z_]+):(seconds|minutes|hours|days):(\d+(\.\d+)?)(?::(.+))?$/.exec(text);
  const columns: readonly string[] = ORDER_TIMESTAMP_COLUMNS;
  if (!m || !columns.includes(m[2]!) || !columns.includes(m[3]!)) {
    throw new Error(
      `--metric ${JSON.stringify(text)}: expected ` +
        '<id>=<from column>..<to column>:<seconds|minutes|hours|days>:<target>[:<label>], ' +
        `with columns among ${ORDER_TIMESTAMP_COLUMNS.join(', ')}`,
    );
  }
  const label = m[7]?.trim().replace(/^"(.*)"$/, '$1');
  return {
    id: m[1]!,
    from: m[2] as TimestampColumn,
    to: m[3] as TimestampColumn,
    unit: m[4] as SlaUnit,
    target: Number(m[5]),
    ...(label ? { label } : {}),
  };
}

export interface RegionalSlaBuildOptions {
  metrics: readonly SlaMetricSpec[];
  title?: string;
  subtitle?: string;
  /** Decimals of p50 and p90 (default 2). */
  digits?: number;
  /** Language of the default metric labels (en, pt-BR, es). */
  locale?: string;
}

export interface RegionalSlaBuild {
  doc: RegionalSlaDoc;
  /** Negative durations left out, per metric id. */
  negative: Record<string, number>;
  /** Qualifying orders without a `region_id`, left out. */
  withoutRegion: number;
}

/**
 * What the regional-sla recipe returns (and {@link regionalSlaRows} computes in memory); metric fields end in the
 * metric's index.
 */
export interface RegionalSlaRows {
  regions: Record<string, string | number | null>[];
  unplaced: { orders: number }[];
}

/** The regional-sla recipe, in memory: the same plan as the SQL, run over the orders. */
export function regionalSlaRows(
  orders: readonly OrderRow[],
  options: Pick<RegionalSlaBuildOptions, 'metrics'>,
): RegionalSlaRows {
  checkOrders(orders);
  const r = runPlan(regionalSlaPlan({ metrics: options.metrics }), { orders }, calendarDay('UTC'));
  return {
    regions: r['regions'] as RegionalSlaRows['regions'],
    unplaced: r['unplaced'] as RegionalSlaRows['unplaced'],
  };
}

/** Builds and validates a `regional-sla` document from orders in memory. */
export function buildRegionalSla(orders: readonly OrderRow[], options: RegionalSlaBuildOptions): RegionalSlaBuild {
  return assembleRegionalSla(regionalSlaRows(orders, options), options);
}

/** The regional-sla document from the recipe's rows (from SQL or from {@link regionalSlaRows}), validated. */
export function assembleRegionalSla(rows: RegionalSlaRows, options: RegionalSlaBuildOptions): RegionalSlaBuild {
  const round = (v: number) => Number(v.toFixed(options.digits ?? 2));
  const metrics = options.metrics;
  const negative: Record<string, number> = Object.fromEntries(metrics.map((m) => [m.id, 0]));
  const regions = [...rows.regions]
    .sort((a, b) => (String(a['region_id']) < String(b['region_id']) ? -1 : 1))
    .map((r) => {
      metrics.forEach((m, i) => (negative[m.id]! += num(r[`negative_${i}`])));
      const id = String(r['region_id']);
      // A Brazilian state without its name in the rows gets it (and its macro-region) from the UF table, not its id
      // twice.
      const state = brazilianState(id);
      const group = r['region_group'] ? String(r['region_group']) : state?.region_group;
      return {
        id,
        label: r['region_label'] ? String(r['region_label']) : (state?.region_label ?? id),
        ...(group ? { group } : {}),
        volume: num(r['volume']),
        values: Object.fromEntries(
          metrics.flatMap((m, i) => {
            const total = num(r[`total_${i}`]);
            if (!total) return [];
            return [
              [
                m.id,
                {
                  p50: round(num(r[`p50_${i}`])),
                  p90: round(num(r[`p90_${i}`])),
                  withinTarget: num(r[`within_${i}`]),
                  total,
                },
              ],
            ];
          }),
        ),
      };
    });
  const doc: RegionalSlaDoc = {
    kind: 'regional-sla',
    version: 1,
    ...docHeader(options, false),
    metrics: metrics.map((m) => ({
      id: m.id,
      label: m.label ?? `${columnLabel(m.from, options.locale)} → ${columnLabel(m.to, options.locale)}`,
      unit: m.unit,
      target: m.target,
    })),
    regions,
  };
  return { doc: validated(doc, regionalSlaSchema), negative, withoutRegion: num(rows.unplaced[0]?.orders) };
}
