/** The `forecast` kind's data path: the sum of qualifying orders per period, in memory or on an engine. */
import { forecastRecipe } from '../sql.js';
import { runRecipe } from '../engines.js';
import type { ForecastDoc } from '../../schema/forecast.js';
import type { OrderRow } from '../orders.js';
import { assembleForecast, buildForecast, type ForecastBuildOptions, type ForecastRows } from '../forecast.js';
import { dateFlag, flag, oneOf, recipeFacts, sourceContext, type DataPath, type SqlSource } from './common.js';

export async function buildForecastSql(s: SqlSource, options: ForecastBuildOptions): Promise<ForecastDoc> {
  const r = await runRecipe(s.engine, forecastRecipe(sourceContext(s, options.tz)));
  const days = (r['days'] ?? []).map((d) => ({ day: String(d['day']), revenue: Number(d['revenue']) }));
  return assembleForecast({ facts: recipeFacts(r['facts']), days } satisfies ForecastRows, options);
}

export const forecastPath: DataPath<ForecastBuildOptions, ForecastDoc> = {
  help: `  kpi-kit build forecast --orders <file> --granularity day|week|month|quarter
      [--as-of YYYY-MM-DD] [--targets <targets.json>] [--horizon N]
      The sum of amount of qualifying orders per period; the period holding --as-of (default: the last
      order's day) is running and paced.`,
  flags: ['granularity', 'as-of', 'targets', 'horizon'],
  inputs: () => ['orders'],
  options: ({ flags, common, readJson }) => {
    const targets = flag(flags, 'targets');
    const horizon = flag(flags, 'horizon');
    return {
      ...common,
      granularity: oneOf('granularity', flag(flags, 'granularity') ?? 'month', ['day', 'week', 'month', 'quarter']),
      asOf: dateFlag('as-of', flag(flags, 'as-of')),
      targets: targets ? (readJson(targets) as ForecastBuildOptions['targets']) : undefined,
      ...(horizon ? { forecast: { horizon: Number(horizon) } } : {}),
    };
  },
  memory: ([orders], o) => ({ doc: buildForecast(orders as OrderRow[], o), notes: [] }),
  sql: async (s, o) => ({ doc: await buildForecastSql(s, o), notes: [] }),
  recipe: (names) => forecastRecipe(names),
};
