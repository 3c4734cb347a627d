import type { ChannelsDoc } from '../schema/channels.js';
import { int, pct, insight, MIN_SHARE_CHANGE, type Say } from './rule.js';
import { share, type Insight, type InsightFact } from './facts.js';

/** The insights of a `channels` document (the rules are listed in src/insights/index.ts). */
export function channelsInsights(doc: ChannelsDoc, s: Say): Insight[] {
  const out: Insight[] = [];
  const metric =
    doc.metrics.find((m) => m.aggregate === 'sum' && m.format === 'currency') ??
    doc.metrics.find((m) => m.aggregate === 'sum');
  if (metric) {
    const values = doc.channels.map((ch) => ({ ch, v: ch.values[metric.id] ?? 0 }));
    const total = values.reduce((n, x) => n + x.v, 0);
    const largest = [...values].sort((a, b) => b.v - a.v)[0];
    const sh = largest ? share(largest.v, total) : null;
    if (largest && sh !== null) {
      const facts: Record<string, InsightFact> = { share: pct(sh) };
      // The change of its share between the first and the last point of the series.
      const at = (i: 0 | -1) => {
        const dates = doc.channels[0]?.series?.map((p) => p.date) ?? [];
        const date = i === 0 ? dates[0] : dates.at(-1);
        const sum = doc.channels.reduce(
          (n, ch) => n + (ch.series?.find((p) => p.date === date)?.values[metric.id] ?? 0),
          0,
        );
        const own = largest.ch.series?.find((p) => p.date === date)?.values[metric.id] ?? null;
        return own === null ? null : share(own, sum);
      };
      const [a, b] = [at(0), at(-1)];
      const delta = a !== null && b !== null && Math.abs(b - a) >= MIN_SHARE_CHANGE ? b - a : null;
      if (delta !== null) facts['change'] = { value: delta, format: 'points' };
      out.push(
        insight(s, { id: 'channels.largest', type: 'share', importance: 1, marks: [largest.ch.id] }, facts, (w) =>
          s.t.channelsLargest({ ...w, channel: largest.ch.label, metric: metric.label }),
        ),
      );
    }
  }
  const perChannel = doc.channels.reduce((n, ch) => n + (ch.values['customers'] ?? 0), 0);
  const unique = doc.customers?.unique;
  if (unique !== undefined && perChannel > unique)
    out.push(
      insight(
        s,
        { id: 'channels.shared-customers', type: 'count', importance: 0.6, marks: doc.channels.map((c) => c.id) },
        { perChannel: int(perChannel), unique: int(unique) },
        (w) => s.t.channelsShared(w),
      ),
    );
  return out;
}
