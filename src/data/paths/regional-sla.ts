/** The `regional-sla` kind's data path: durations against targets per region, in memory or on an engine. */
import { regionalSlaRecipe } from '../sql.js';
import { runRecipe } from '../engines.js';
import type { OrderRow } from '../orders.js';
import {
  assembleRegionalSla,
  buildRegionalSla,
  parseMetricSpec,
  type RegionalSlaBuild,
  type RegionalSlaBuildOptions,
  type RegionalSlaRows,
} from '../regional-sla.js';
import type { RegionalSlaDoc } from '../../schema/regional-sla.js';
import {
  UsageError,
  asUsage,
  flagList,
  sourceContext,
  type BuildResult,
  type DataPath,
  type SqlSource,
} from './common.js';

export async function buildRegionalSlaSql(s: SqlSource, options: RegionalSlaBuildOptions): Promise<RegionalSlaBuild> {
  const r = await runRecipe(s.engine, regionalSlaRecipe({ ...sourceContext(s), metrics: options.metrics }));
  const unplaced = (r['unplaced'] ?? []).map((u) => ({ orders: Number(u['orders']) }));
  return assembleRegionalSla({ regions: r['regions'] as RegionalSlaRows['regions'], unplaced }, options);
}

/** The document, and what the build left out: negative durations per metric, orders without a region. */
function said(build: RegionalSlaBuild): BuildResult<RegionalSlaDoc> {
  const notes: string[] = [];
  for (const [id, n] of Object.entries(build.negative)) {
    if (n) notes.push(`left out ${n} negative duration${n > 1 ? 's' : ''} of ${id} (the end before the start)`);
  }
  const w = build.withoutRegion;
  if (w) notes.push(`left out ${w} qualifying order${w > 1 ? 's' : ''} without a region_id`);
  return { doc: build.doc, notes };
}

export const regionalSlaPath: DataPath<RegionalSlaBuildOptions, RegionalSlaDoc> = {
  help: `  kpi-kit build regional-sla --orders <file> --metric <id>=<from>..<to>:<unit>:<target>[:<label>] [--metric …]
      Per region (region_id, region_label, region_group): p50/p90 of each duration, within target, volume.
      A metric without a label reads as its columns do ("Order placed → Delivered"; in --locale's language);
      a Brazilian state without region_label gets its name and macro-region.
      e.g. --metric delivery=ordered_at..delivered_at:days:10 --metric approval=ordered_at..approved_at:hours:24`,
  flags: ['metric'],
  inputs: () => ['orders'],
  options: ({ flags, common }) => {
    const specs = flagList(flags, 'metric');
    if (!specs.length)
      throw new UsageError('build regional-sla needs at least one --metric <id>=<from>..<to>:<unit>:<target>');
    return { ...common, metrics: asUsage(() => specs.map(parseMetricSpec)) };
  },
  memory: ([orders], o) => said(buildRegionalSla(orders as OrderRow[], o)),
  sql: async (s, o) => said(await buildRegionalSlaSql(s, o)),
  recipe: (names, o) => regionalSlaRecipe({ ...names, metrics: o.metrics }),
};
