import * as z from 'zod/mini';
import {
  addIssue,
  arrayOf,
  checkUniqueIds,
  count,
  expected,
  headerFields,
  id,
  kindLiteral,
  label,
  mapOf,
  nonNegative,
  version,
  type Ctx,
} from './common.js';

export const SLA_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export const slaMetricSchema = z.object(
  {
    id,
    label,
    unit: z.literal(SLA_UNITS, expected('"seconds", "minutes", "hours" or "days"')),
    target: nonNegative,
  },
  expected('a metric object'),
);

export const slaValueSchema = z.object(
  {
    p50: nonNegative,
    p90: nonNegative,
    withinTarget: count,
    total: count,
  },
  expected('an object { p50, p90, withinTarget, total }'),
);

export const slaRegionSchema = z.object(
  {
    id,
    label,
    group: z.optional(label),
    volume: count,
    values: mapOf(slaValueSchema, 'an object of metric id → values'),
  },
  expected('a region object'),
);

export const regionalSlaSchema = z
  .object(
    {
      kind: kindLiteral('regional-sla'),
      version,
      ...headerFields,
      metrics: arrayOf(slaMetricSchema, 'metrics', 1),
      regions: arrayOf(slaRegionSchema, 'regions'),
    },
    expected('a regional-sla document (an object)'),
  )
  .check(
    z.superRefine((doc, ctx) => {
      const c = ctx as unknown as Ctx;
      checkUniqueIds(c, doc.metrics, ['metrics']);
      checkUniqueIds(c, doc.regions, ['regions']);
      doc.regions.forEach((region, i) => {
        for (const metricId in region.values) {
          const v = region.values[metricId]!;
          const at = (field: string) => ['regions', i, 'values', metricId, field];
          // Each bound is compared only when it passed its own rule: one problem per root cause.
          if (v.total >= 0 && v.withinTarget > v.total)
            addIssue(
              c,
              at('withinTarget'),
              `expected at most "total" (${v.total}), got ${v.withinTarget}`,
              v.withinTarget,
            );
          if (v.p90 >= 0 && v.p50 > v.p90)
            addIssue(c, at('p50'), `expected at most "p90" (${v.p90}), got ${v.p50}`, v.p50);
        }
      });
    }),
  );

export type RegionalSlaDoc = z.infer<typeof regionalSlaSchema>;
export type SlaMetric = z.infer<typeof slaMetricSchema>;
export type SlaRegion = z.infer<typeof slaRegionSchema>;
export type SlaValue = z.infer<typeof slaValueSchema>;
