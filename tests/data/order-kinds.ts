// Every kind built from orders, with options that reach each recipe's corners (a week in São Paulo, a segment, a
// metric), on one source: what the engine tests compare byte for byte.
import { parseMetricSpec } from '../../src/data/regional-sla.js';
import {
  buildChannelsSql,
  buildCohortSql,
  buildForecastSql,
  buildFunnelFromOrdersSql,
  buildRegionalSlaSql,
  type SqlSource,
} from '../../src/data/paths/all.js';

export async function everyOrderKind(s: SqlSource, segmentBy: 'channel' | 'region_id' = 'channel') {
  return JSON.stringify([
    await buildCohortSql(s, { period: 'week', tz: 'America/Sao_Paulo' }),
    await buildForecastSql(s, { granularity: 'month' }),
    await buildRegionalSlaSql(s, { metrics: ['delivery=ordered_at..delivered_at:days:10'].map(parseMetricSpec) }),
    await buildFunnelFromOrdersSql(s, {
      steps: (['ordered_at', 'approved_at', 'delivered_at'] as const).map((column) => ({ column })),
      segmentBy,
    }),
    await buildChannelsSql(s, {}),
  ]);
}
