import * as z from 'zod/mini';
import {
  addIssue,
  anyNumber,
  arrayOf,
  checkUniqueIds,
  count,
  currency,
  expected,
  headerFields,
  id,
  isoDate,
  kindLiteral,
  label,
  mapOf,
  version,
  type Ctx,
  checkCurrency,
} from './common.js';

export const METRIC_FORMATS = ['currency', 'integer', 'number', 'percent', 'duration'] as const;
export type MetricFormat = (typeof METRIC_FORMATS)[number];

export const channelMetricSchema = z.object(
  {
    id,
    label,
    format: z.literal(METRIC_FORMATS, expected('"currency", "integer", "number", "percent" or "duration"')),
    /** `sum`: the widget computes a total; `none` (default): only the document's `totals` value is shown. */
    aggregate: z.optional(z.literal(['sum', 'none'], expected('"sum" or "none"'))),
    better: z.optional(z.literal(['higher', 'lower'], expected('"higher" or "lower"'))),
  },
  expected('a metric object'),
);

const metricValues = mapOf(z.nullable(anyNumber), 'an object of metric id → number');

export const channelSchema = z.object(
  {
    id,
    label,
    group: z.optional(label),
    values: metricValues,
    series: z.optional(
      arrayOf(z.object({ date: isoDate, values: metricValues }, expected('a series bucket object')), 'series buckets'),
    ),
  },
  expected('a channel object'),
);

export const channelsSchema = z
  .object(
    {
      kind: kindLiteral('channels'),
      version,
      ...headerFields,
      currency: z.optional(currency),
      metrics: arrayOf(channelMetricSchema, 'metrics', 1),
      channels: arrayOf(channelSchema, 'channels'),
      customers: z.optional(
        z.object(
          {
            metric: z.optional(id),
            unique: count,
            overlaps: z.optional(
              arrayOf(
                z.object(
                  {
                    channels: arrayOf(id, 'channel ids', 2),
                    customers: count,
                  },
                  expected('an overlap object'),
                ),
                'overlaps',
              ),
            ),
          },
          expected('a customers object'),
        ),
      ),
      totals: z.optional(mapOf(anyNumber, 'an object of metric id → number')),
    },
    expected('a channels document (an object)'),
  )
  .check(
    z.superRefine((doc, ctx) => {
      const c = ctx as unknown as Ctx;
      checkUniqueIds(c, doc.metrics, ['metrics']);
      checkUniqueIds(c, doc.channels, ['channels']);
      const formats = new Map(doc.metrics.map((m) => [m.id, m.format]));
      const checkValue = (metricId: string, v: number | null, path: PropertyKey[]) => {
        const format = formats.get(metricId);
        if (v === null || format === undefined) return;
        if (format === 'integer' && (!Number.isInteger(v) || v < 0))
          addIssue(c, path, `expected a non-negative integer, got ${v}`, v);
        if ((format === 'currency' || format === 'duration') && v < 0)
          addIssue(
            c,
            path,
            `expected a non-negative ${format === 'currency' ? 'amount of money' : 'number of seconds'}, got ${v}`,
            v,
          );
      };
      doc.channels.forEach((ch, i) => {
        for (const [m, v] of Object.entries(ch.values)) checkValue(m, v, ['channels', i, 'values', m]);
        ch.series?.forEach((b, j) => {
          for (const [m, v] of Object.entries(b.values)) checkValue(m, v, ['channels', i, 'series', j, 'values', m]);
          const prev = ch.series?.[j - 1];
          if (prev && prev.date >= b.date)
            addIssue(
              c,
              ['channels', i, 'series', j, 'date'],
              `expected a date after ${prev.date} (buckets in order, no repeats), got ${b.date}`,
              b.date,
            );
        });
      });
      const channelIds = new Set(doc.channels.map((ch) => ch.id));
      doc.customers?.overlaps?.forEach((o, i) => {
        o.channels.forEach((chId, j) => {
          if (channelIds.size && !channelIds.has(chId))
            addIssue(
              c,
              ['customers', 'overlaps', i, 'channels', j],
              `expected the id of a channel, got ${JSON.stringify(chId)}`,
              chId,
            );
        });
        if (new Set(o.channels).size !== o.channels.length)
          addIssue(c, ['customers', 'overlaps', i, 'channels'], 'expected distinct channel ids, got a repeated id');
      });
      const metricId = doc.customers?.metric;
      // References are checked only against lists that have entries (an empty list is its own problem).
      if (metricId !== undefined && formats.size && !formats.has(metricId))
        addIssue(c, ['customers', 'metric'], `expected the id of a metric, got ${JSON.stringify(metricId)}`, metricId);
      checkCurrency(c, doc, doc.metrics.some((m) => m.format === 'currency') && 'a metric has format "currency"');
    }),
  );

export type ChannelsDoc = z.infer<typeof channelsSchema>;
export type ChannelMetric = z.infer<typeof channelMetricSchema>;
export type Channel = z.infer<typeof channelSchema>;
