import type { ChannelMetric, ChannelsDoc } from '../schema/channels.js';
import { ratio, sortByValue, sumKnown } from './common.js';

/** A channel's value for a metric: the number, or null when the channel lacks it. */
export function channelValue(values: Record<string, number | null>, metricId: string): number | null {
  if (!Object.hasOwn(values, metricId)) return null;
  const v = values[metricId];
  return v === undefined ? null : v;
}

export interface MetricTotal {
  metric: ChannelMetric;
  /** The unified value, or null ("nothing to show"). */
  value: number | null;
  /** How it was obtained. */
  source: 'sum' | 'document' | 'unique-customers' | 'none';
  /** For the customer metric: the plain sum of channels, which double counts. */
  naiveSum: number | null;
}

/**
 * The unified total of a metric:
 * - the customer metric (`customers.metric`): `customers.unique`, never the sum;
 * - `aggregate: "sum"`: the sum of the channels that have it;
 * - otherwise (percentages, averages, CAC): the document's `totals` value, or nothing.
 */
export function metricTotal(doc: ChannelsDoc, metric: ChannelMetric): MetricTotal {
  const sum = sumKnown(doc.channels.map((c) => channelValue(c.values, metric.id)));
  if (doc.customers && doc.customers.metric === metric.id) {
    return { metric, value: doc.customers.unique, source: 'unique-customers', naiveSum: sum };
  }
  if (metric.aggregate === 'sum') return { metric, value: sum, source: 'sum', naiveSum: null };
  const given = doc.totals && Object.hasOwn(doc.totals, metric.id) ? doc.totals[metric.id] : undefined;
  return given === undefined
    ? { metric, value: null, source: 'none', naiveSum: null }
    : { metric, value: given, source: 'document', naiveSum: null };
}

/** Metrics whose channel values can be shown as shares of a whole (summable ones). */
export function shareableMetrics(doc: ChannelsDoc): ChannelMetric[] {
  return doc.metrics.filter((m) => m.aggregate === 'sum');
}

export interface Share {
  id: string;
  value: number | null;
  share: number | null;
}

/** Each channel's share of a summable metric; a channel without the metric has no share. */
export function shares(doc: ChannelsDoc, metricId: string): Share[] {
  const values = doc.channels.map((c) => channelValue(c.values, metricId));
  const total = sumKnown(values.map((v) => (v !== null && v > 0 ? v : 0)));
  return doc.channels.map((c, i) => {
    const v = values[i] ?? null;
    return { id: c.id, value: v, share: v === null ? null : ratio(Math.max(0, v), total) };
  });
}

export { tone, type Tone } from './common.js';

/** The median of the known values, or null. */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  return known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

export interface AlignedSeries {
  /** Every bucket date any channel has, ascending. */
  dates: string[];
  /** Per channel (document order), per date: the value, or null for a gap (not zero). */
  values: (number | null)[][];
  /** Per date: whether some channel with a series lacks that bucket. */
  incomplete: boolean[];
}

/** Lines the channels' series up by date; a bucket a channel lacks is a gap, never a zero. */
export function alignSeries(doc: ChannelsDoc, metricId: string): AlignedSeries {
  const dateSet = new Set<string>();
  for (const c of doc.channels) for (const b of c.series ?? []) dateSet.add(b.date);
  const dates = [...dateSet].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  const values = doc.channels.map((c) => {
    const row: (number | null)[] = dates.map(() => null);
    for (const b of c.series ?? []) row[index.get(b.date)!] = channelValue(b.values, metricId);
    return row;
  });
  const withSeries = doc.channels.map((c) => (c.series?.length ?? 0) > 0);
  const incomplete = dates.map((_, d) => values.some((row, ci) => withSeries[ci] && row[d] === null));
  return { dates, values, incomplete };
}

export interface OverlapModel {
  /** Σ of the channels' customer counts (double counts shared customers). */
  sum: number | null;
  unique: number;
  /** sum − unique: customers counted more than once by adding channels up. */
  duplicates: number | null;
  /** duplicates ÷ sum. */
  duplicateShare: number | null;
  overlaps: { channels: string[]; customers: number; extraCounts: number }[];
  /** Σ (channels − 1) × customers over the listed overlaps. */
  explained: number;
}

/** Customers counted once: the unified count against the sum of channels, and the overlaps. */
export function overlapModel(doc: ChannelsDoc): OverlapModel | null {
  const c = doc.customers;
  if (!c) return null;
  const sum = c.metric ? sumKnown(doc.channels.map((ch) => channelValue(ch.values, c.metric!))) : null;
  const duplicates = sum === null ? null : sum - c.unique;
  const overlaps = (c.overlaps ?? [])
    .map((o) => ({ channels: o.channels, customers: o.customers, extraCounts: (o.channels.length - 1) * o.customers }))
    .sort((a, b) => b.customers - a.customers);
  return {
    sum,
    unique: c.unique,
    duplicates,
    duplicateShare: duplicates === null ? null : ratio(duplicates, sum),
    overlaps,
    explained: overlaps.reduce((n, o) => n + o.extraCounts, 0),
  };
}

/**
 * Pairwise overlap matrix: customers shared by each pair of channels, summed over every listed overlap that contains
 * both.
 */
export function pairMatrix(doc: ChannelsDoc): number[][] {
  const ids = doc.channels.map((c) => c.id);
  const pos = new Map(ids.map((id, i) => [id, i]));
  const m = ids.map(() => ids.map(() => 0));
  for (const o of doc.customers?.overlaps ?? []) {
    for (const a of o.channels)
      for (const b of o.channels) {
        const i = pos.get(a);
        const j = pos.get(b);
        if (i !== undefined && j !== undefined && i !== j) m[i]![j]! += o.customers;
      }
  }
  return m;
}

export function channelsIsEmpty(doc: Pick<ChannelsDoc, 'channels'>): boolean {
  return doc.channels.length === 0;
}

/**
 * The channel table's row order: groups in the order they first appear, and
 * within each group the channels sorted by `key` (`label` or a metric id;
 * missing values last), or document order when `key` is empty.
 */
export function orderChannels(
  doc: Pick<ChannelsDoc, 'channels'>,
  key: string,
  dir: 'ascending' | 'descending',
  locale = 'en',
): { index: number; channel: ChannelsDoc['channels'][number]; group: string }[] {
  const rows = doc.channels.map((channel, index) => ({
    index,
    channel,
    group: channel.group ?? '',
    id: channel.id,
    label: channel.label,
  }));
  const groups = [...new Set(rows.map((r) => r.group))];
  return groups
    .flatMap((g) => {
      const members = rows.filter((r) => r.group === g);
      if (!key) return members;
      return sortByValue(
        members,
        (r) => (key === 'label' ? r.label : channelValue(r.channel.values, key)),
        dir,
        (r) => r,
        locale,
      );
    })
    .map(({ index, channel, group }) => ({ index, channel, group }));
}
