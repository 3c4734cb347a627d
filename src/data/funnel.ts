/**
 * The `funnel` builder from orders (a fulfilment funnel), in memory. The definition every
 * engine shares (data-path.md): every order counts, canceled ones included, since
 * cancelling is the drop-off; the steps are timestamp columns in order; an order reaches
 * step k when step k's column or any later step's is set; `medianSecondsFromPrevious` is
 * the median of step k − step k−1 over orders that have both, negative ones left out;
 * `value` is the sum of `amount` of the orders that reach the step.
 */
import { funnelSchema, type FunnelDoc } from '../schema/funnel.js';
import {
  recipeFacts,
  cents,
  checkOrders,
  docHeader,
  idMaker,
  recipeNumber as num,
  validated,
  type OrderRow,
  type RecipeFacts,
} from './orders.js';
import { funnelOrdersPlan } from './sql.js';
import { calendarDay, runPlan } from './plan-run.js';
import { checkTimeZone } from './dialects.js';
import type { TimestampColumn } from './tables.js';
import { columnLabel } from './labels.js';

export interface FunnelStepSpec {
  column: TimestampColumn;
  /** Default: the column as people read it in `locale` ({@link columnLabel}). */
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
  /** Time zone of from/to (default UTC). */
  tz?: string;
  /** Language of the default step labels (en, pt-BR, es). */
  locale?: string;
}

export interface FunnelBuild {
  doc: FunnelDoc;
  /** Negative step intervals left out of the medians, per step id. */
  negative: Record<string, number>;
}

/**
 * What the funnel recipe returns (and {@link funnelOrderRows} computes in memory); step fields end in the step's index.
 */
export interface FunnelOrderRows {
  facts: RecipeFacts;
  /** One row: per step `count_k`, `value_k`; per later step `median_k`, `negative_k`. */
  all: Record<string, number | null>[];
  /** Per segment value: `segment`, `count_k`, `value_k` (only with `segmentBy`). */
  segments?: Record<string, string | number | null>[];
}

/** The funnel-from-orders recipe, in memory: the same plan as the SQL, run over the orders. */
export function funnelOrderRows(
  orders: readonly OrderRow[],
  options: Pick<FunnelBuildOptions, 'steps' | 'from' | 'to' | 'segmentBy' | 'tz'>,
): FunnelOrderRows {
  checkOrders(orders);
  const plan = funnelOrdersPlan({
    steps: options.steps.map((x) => x.column),
    ...(options.segmentBy ? { segmentBy: options.segmentBy } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  const r = runPlan(plan, { orders }, calendarDay(checkTimeZone(options.tz ?? 'UTC')));
  const segments = r['segments'] as FunnelOrderRows['segments'];
  return { facts: recipeFacts(r['facts']), all: r['all'] as FunnelOrderRows['all'], ...(segments ? { segments } : {}) };
}

/** Builds and validates a `funnel` document from orders in memory. */
export function buildFunnelFromOrders(orders: readonly OrderRow[], options: FunnelBuildOptions): FunnelBuild {
  return assembleFunnelFromOrders(funnelOrderRows(orders, options), options);
}

/** The funnel document from the recipe's rows (from SQL or from {@link funnelOrderRows}), validated. */
export function assembleFunnelFromOrders(rows: FunnelOrderRows, options: FunnelBuildOptions): FunnelBuild {
  const steps = options.steps;
  const all = rows.all[0] ?? {};
  const negative: Record<string, number> = Object.fromEntries(
    steps.map((s, k) => [s.column, k ? num(all[`negative_${k}`]) : 0]),
  );
  const uniqueId = idMaker();
  const doc: FunnelDoc = {
    kind: 'funnel',
    version: 1,
    ...docHeader(options),
    currency: options.currency ?? rows.facts.currency ?? 'BRL',
    steps: steps.map((s, k) => {
      const median = all[`median_${k}`];
      return {
        id: s.column,
        label: s.label ?? columnLabel(s.column, options.locale),
        count: num(all[`count_${k}`]),
        value: cents(num(all[`value_${k}`])),
        ...(k > 0 && median !== null && median !== undefined
          ? { medianSecondsFromPrevious: Math.round(num(median)) }
          : {}),
      };
    }),
    ...(rows.segments
      ? {
          segments: [...rows.segments]
            .sort((a, b) => (String(a['segment']) < String(b['segment']) ? -1 : 1))
            .map((t) => ({
              id: uniqueId(String(t['segment'])),
              label: String(t['segment']),
              steps: steps.map((s, k) => ({
                id: s.column,
                count: num(t[`count_${k}`]),
                value: cents(num(t[`value_${k}`])),
              })),
            })),
        }
      : {}),
  };
  return { doc: validated(doc, funnelSchema), negative };
}
