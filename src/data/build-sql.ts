/**
 * Recipes run on an engine, their rows assembled into documents by the same builders the
 * in-memory path uses: one definition of each KPI, whatever computed the rows.
 */
import type { ChannelsDoc } from '../schema/channels.js';
import type { CheckoutFrictionDoc } from '../schema/checkout-friction.js';
import type { CohortDoc } from '../schema/cohort.js';
import type { ForecastDoc } from '../schema/forecast.js';
import type { FunnelDoc } from '../schema/funnel.js';
import { channelsRecipe, checkoutRecipe, reachRecipe, cohortRecipe, forecastRecipe, funnelOrdersRecipe, regionalSlaRecipe } from './sql.js';
import type { RecipeContext } from './dialects.js';
import { runRecipe, type SqlEngine } from './engines.js';
import type { RecipeFacts } from './orders.js';
import { assembleCohort, type CohortBuildOptions, type CohortRows } from './cohort.js';
import { assembleForecast, type ForecastBuildOptions, type ForecastRows } from './forecast.js';
import { assembleRegionalSla, type RegionalSlaBuild, type RegionalSlaBuildOptions, type RegionalSlaRows } from './regional-sla.js';
import { assembleFunnelFromOrders, type FunnelBuild, type FunnelBuildOptions, type FunnelOrderRows } from './funnel.js';
import { assembleCheckoutFriction, assembleFunnelFromEvents, type CheckoutBuildOptions, type CheckoutRows, type EventFunnelBuildOptions, type ReachOptions, type ReachRows } from './events.js';
import { assembleChannels, type ChannelsBuildOptions, type ChannelsRows } from './channels.js';
import { checkOverlapChannels } from './build-checks.js';

/** Where the orders are: the relation name on the engine (`orders` after loadOrdersFile, `kpi_orders` after useOrdersTable). */
export interface SqlSource {
  engine: SqlEngine;
  orders?: string;
  /** The events relation (`events` after loadTableFile, `kpi_events` after useTable). */
  events?: string;
  frictions?: string;
}

function facts(rows: Record<string, unknown>[] | undefined): RecipeFacts {
  const r = rows?.[0] ?? {};
  return {
    currency: r['least_currency'] == null ? null : String(r['least_currency']),
    mixedCurrencies: r['least_currency'] != null && r['least_currency'] !== r['greatest_currency'],
    last_day: r['last_day'] == null ? null : String(r['last_day']),
    orders: Number(r['orders'] ?? 0),
  };
}
const ctx = (s: SqlSource, tz?: string): RecipeContext => ({
  dialect: s.engine.dialect, ...(s.orders ? { orders: s.orders } : {}), ...(s.events ? { events: s.events } : {}), ...(s.frictions ? { frictions: s.frictions } : {}), ...(tz ? { tz } : {}),
});
const reachOptions = (o: ReachOptions) => ({
  steps: o.steps, ...(o.window ? { window: o.window } : {}), ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}), ...(o.segmentBy ? { segmentBy: o.segmentBy } : {}),
});

/** The reach recipe's long rows (step, n, median; per segment) as the wide rows the assemblers read. */
function reachRows(r: Record<string, Record<string, unknown>[]>, steps: number): ReachRows {
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

export async function buildFunnelFromEventsSql(s: SqlSource, options: EventFunnelBuildOptions): Promise<FunnelDoc> {
  const r = await runRecipe(s.engine, reachRecipe({ ...ctx(s, options.tz), ...reachOptions(options) }));
  return assembleFunnelFromEvents(reachRows(r, options.steps.length), options);
}

export async function buildCheckoutFrictionSql(s: SqlSource, options: CheckoutBuildOptions): Promise<CheckoutFrictionDoc> {
  const r = await runRecipe(s.engine, checkoutRecipe({ ...ctx(s, options.tz), ...reachOptions(options), complete: options.complete }));
  return assembleCheckoutFriction({
    ...reachRows(r, options.steps.length + 1),
    frictions: r['frictions'] as unknown as CheckoutRows['frictions'], completions: r['completions'] as unknown as CheckoutRows['completions'],
  }, options);
}

export async function buildCohortSql(s: SqlSource, options: CohortBuildOptions = {}): Promise<CohortDoc> {
  const r = await runRecipe(s.engine, cohortRecipe({ ...ctx(s, options.tz), ...(options.period ? { period: options.period } : {}) }));
  return assembleCohort({ facts: facts(r['facts']), cells: r['cells'] as unknown as CohortRows['cells'] }, options);
}

export async function buildForecastSql(s: SqlSource, options: ForecastBuildOptions): Promise<ForecastDoc> {
  const r = await runRecipe(s.engine, forecastRecipe(ctx(s, options.tz)));
  return assembleForecast({ facts: facts(r['facts']), days: (r['days'] ?? []).map((d) => ({ day: String(d['day']), revenue: Number(d['revenue']) })) } satisfies ForecastRows, options);
}

export async function buildRegionalSlaSql(s: SqlSource, options: RegionalSlaBuildOptions): Promise<RegionalSlaBuild> {
  const r = await runRecipe(s.engine, regionalSlaRecipe({ ...ctx(s), metrics: options.metrics }));
  return assembleRegionalSla({ regions: r['regions'] as RegionalSlaRows['regions'], unplaced: (r['unplaced'] ?? []).map((u) => ({ orders: Number(u['orders']) })) }, options);
}

export async function buildFunnelFromOrdersSql(s: SqlSource, options: FunnelBuildOptions): Promise<FunnelBuild> {
  const r = await runRecipe(s.engine, funnelOrdersRecipe({
    ...ctx(s, options.tz), steps: options.steps.map((x) => x.column),
    ...(options.segmentBy ? { segmentBy: options.segmentBy } : {}), ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}),
  }));
  return assembleFunnelFromOrders({
    facts: facts(r['facts']), all: r['all'] as FunnelOrderRows['all'],
    ...(r['segments'] ? { segments: r['segments'] as NonNullable<FunnelOrderRows['segments']> } : {}),
  }, options);
}

export async function buildChannelsSql(s: SqlSource, options: ChannelsBuildOptions = {}): Promise<ChannelsDoc> {
  const { bits, ...rest } = channelsRecipe({ ...ctx(s, options.tz), ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
  // The channels first: past MAX_OVERLAP_CHANNELS the sets query would overflow its 64-bit mask inside the engine.
  const channelBits = await s.engine.all(bits!);
  checkOverlapChannels(channelBits.length);
  const r: Record<string, Record<string, unknown>[]> = { ...(await runRecipe(s.engine, rest)), bits: channelBits };
  return assembleChannels({
    facts: facts(r['facts']),
    channels: r['channels'] as unknown as ChannelsRows['channels'],
    months: r['months'] as unknown as ChannelsRows['months'],
    sets: r['sets'] as unknown as ChannelsRows['sets'],
    bits: r['bits'] as unknown as ChannelsRows['bits'],
  }, options);
}
