/**
 * The `funnel` kind's data path: a fulfilment funnel over the orders' timestamp columns, or, with
 * --events, an ordered funnel of events; in memory or on an engine.
 */
import { funnelOrdersRecipe, reachRecipe } from '../sql.js';
import { ORDER_TEXT_COLUMNS, ORDER_TIMESTAMP_COLUMNS } from '../tables.js';
import { runRecipe } from '../engines.js';
import type { FunnelDoc } from '../../schema/funnel.js';
import type { OrderRow } from '../orders.js';
import {
  assembleFunnelFromOrders,
  buildFunnelFromOrders,
  type FunnelBuild,
  type FunnelBuildOptions,
  type FunnelOrderRows,
} from '../funnel.js';
import {
  assembleFunnelFromEvents,
  buildFunnelFromEvents,
  type EventFunnelBuildOptions,
  type EventRow,
} from '../events.js';
import {
  UsageError,
  eventOptions,
  flag,
  reachOptions,
  reachRecipeRows,
  recipeFacts,
  sourceContext,
  type BuildResult,
  type DataPath,
  type SqlSource,
} from './common.js';

export async function buildFunnelFromEventsSql(s: SqlSource, options: EventFunnelBuildOptions): Promise<FunnelDoc> {
  const r = await runRecipe(s.engine, reachRecipe({ ...sourceContext(s, options.tz), ...reachOptions(options) }));
  return assembleFunnelFromEvents(reachRecipeRows(r, options.steps.length), options);
}

const ordersRecipeOptions = (o: FunnelBuildOptions) => ({
  steps: o.steps.map((x) => x.column),
  ...(o.segmentBy ? { segmentBy: o.segmentBy } : {}),
  ...(o.from ? { from: o.from } : {}),
  ...(o.to ? { to: o.to } : {}),
});

export async function buildFunnelFromOrdersSql(s: SqlSource, options: FunnelBuildOptions): Promise<FunnelBuild> {
  const r = await runRecipe(
    s.engine,
    funnelOrdersRecipe({ ...sourceContext(s, options.tz), ...ordersRecipeOptions(options) }),
  );
  const segments = r['segments'] as FunnelOrderRows['segments'];
  return assembleFunnelFromOrders(
    { facts: recipeFacts(r['facts']), all: r['all'] as FunnelOrderRows['all'], ...(segments ? { segments } : {}) },
    options,
  );
}

/** The document, and the negative step intervals the build left out of the medians. */
function said(build: FunnelBuild): BuildResult<FunnelDoc> {
  const notes = Object.entries(build.negative)
    .filter(([, n]) => n)
    .map(([id, n]) => `left out ${n} negative interval${n > 1 ? 's' : ''} before ${id} from its median`);
  return { doc: build.doc, notes };
}

/** A funnel's options: over orders (`FunnelBuildOptions`) or, with --events, over events. */
type FunnelPathOptions = FunnelBuildOptions | EventFunnelBuildOptions;
const overEvents = (flags: { events?: unknown }) => Boolean(flags.events);

export const funnelPath: DataPath<FunnelPathOptions, FunnelDoc> = {
  help: `  kpi-kit build funnel --orders <file> --steps <col>,<col>,… [--segment-by <col>]
      A fulfilment funnel over timestamp columns (every order, canceled ones included): an order reaches a
      step when its column or a later one is set; medians between steps; value = sum of amount.
  kpi-kit build funnel --events <file> --steps <event>,<event>,… [--window 30d] [--segment-by device|channel|region_id]
      Ordered, first occurrence: an actor reaches step 1 at their first step-1 event in the period, and
      each later step at its first event at or after the previous one, within --window of step 1.`,
  flags: ['steps', 'segment-by', 'window', 'labels'],
  inputs: (flags) => (overEvents(flags) ? ['events'] : ['orders']),
  options: (input) => {
    if (overEvents(input.flags)) return eventOptions(input, 2);
    const { flags, common, readJson } = input;
    const steps = String(flag(flags, 'steps') ?? '')
      .split(',')
      .filter(Boolean);
    const timestamps: readonly string[] = ORDER_TIMESTAMP_COLUMNS;
    const bad = steps.find((c) => !timestamps.includes(c));
    if (steps.length < 2 || bad) {
      throw new UsageError(
        `--steps: expected two or more of ${timestamps.join(', ')}, in order${bad ? `; got ${bad}` : ''}`,
      );
    }
    const segmentBy = flag(flags, 'segment-by');
    const texts: readonly string[] = ORDER_TEXT_COLUMNS;
    if (segmentBy !== undefined && !texts.includes(segmentBy)) {
      throw new UsageError(`--segment-by: expected one of ${texts.join(', ')}, got ${segmentBy}`);
    }
    const file = flag(flags, 'labels');
    const labels = (file ? readJson(file) : {}) as Record<string, string>;
    return {
      ...common,
      steps: steps.map((column) => ({ column, ...(labels[column] ? { label: labels[column] } : {}) })),
      segmentBy,
    } as FunnelBuildOptions;
  },
  memory: ([rows], o, flags) =>
    overEvents(flags)
      ? { doc: buildFunnelFromEvents(rows as EventRow[], o as EventFunnelBuildOptions), notes: [] }
      : said(buildFunnelFromOrders(rows as OrderRow[], o as FunnelBuildOptions)),
  sql: async (s, o, flags) =>
    overEvents(flags)
      ? { doc: await buildFunnelFromEventsSql(s, o as EventFunnelBuildOptions), notes: [] }
      : said(await buildFunnelFromOrdersSql(s, o as FunnelBuildOptions)),
  recipe: (names, o, flags) =>
    overEvents(flags)
      ? reachRecipe({ ...names, ...reachOptions(o as EventFunnelBuildOptions) })
      : funnelOrdersRecipe({ ...names, ...ordersRecipeOptions(o as FunnelBuildOptions) }),
};
