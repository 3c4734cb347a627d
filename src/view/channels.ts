/**
 * Everything `<kpi-channel-view>` prints, as plain data: tiles, the channel mix,
 * customers counted once, the channel table and the trend's labels. Made once per
 * document, locale and metric (medians and aligned series included), not per render.
 */
import type { ChannelMetric, ChannelsDoc } from '../schema/channels.js';
import type { ChannelViewMessages } from '../i18n/en/channels.js';
import type { Translator } from '../i18n/index.js';
import type { TableView } from './table.js';
import { sortByValue, tone, type Tone } from '../compute/common.js';
import {
  alignSeries,
  channelValue,
  median,
  metricTotal,
  orderChannels,
  overlapModel,
  shares,
  type AlignedSeries,
} from '../compute/channels.js';
import { stackMax } from '../layout/columns.js';
import { NO_VALUE, formatInteger, formatMonth, formatPercent, formatValue, styleFor } from '../format/index.js';

export interface ChannelsOptions {
  locale: string;
  t: Translator<ChannelViewMessages>;
}

/**
 * A metric's value, compact in tiles, table cells and axes; in full in the screen-reader table.
 * The widget's money reads alike: cents on every amount or on none (only when every channel's
 * amount of every money metric is below 1,000). The view is made once per document and metric,
 * so deciding again for each value costs a few dozen comparisons.
 */
export function formatMetric(
  doc: Pick<ChannelsDoc, 'currency' | 'channels' | 'metrics'>,
  m: Pick<ChannelMetric, 'format'>,
  v: number | null,
  loc: string,
  compact = false,
): string {
  const money = doc.metrics.filter((x) => x.format === 'currency');
  const { centsBelow } = styleFor(
    'currency',
    doc.channels.flatMap((c) => money.map((x) => c.values[x.id])),
  );
  return formatValue(loc, m.format, v, { currency: doc.currency, compact, centsBelow });
}

export interface TileView {
  label: string;
  value: string;
  /** How the total was made (summed, reported, counted once, not summable). */
  sub: string;
  /** The sub line while a channel is highlighted: that channel's value. */
  byChannel: Record<string, string>;
}

export interface ChannelCellView {
  text: string;
  tone: Tone;
  /** "better/worse than the median channel", for screen readers. */
  toneName: string | null;
  /** The channel lacks the metric. */
  missing: boolean;
}

export interface ChannelsView {
  tiles: TileView[];
  mix: {
    title: string;
    /** The bar's segments in document order (only positive shares). */
    segments: { id: string; index: number; pct: number }[];
    /** The legend, largest share first. */
    items: { id: string; index: number; label: string; share: string; value: string }[];
  } | null;
  customers: {
    line: string;
    duplicates: string | null;
    overlaps: { channels: string[]; names: string; count: string; pct: number }[];
    rest: string | null;
  } | null;
  /** Per channel id: its cells (one per metric) against the median channel. */
  cells: Record<string, ChannelCellView[]>;
  /** The metric's series, aligned by date, for sparklines and the trend. */
  series: AlignedSeries | null;
  trend: { title: string; dates: string[]; max: string; zero: string; gap: string | null; table: TableView } | null;
  /** What ▲ and ▼ mean, shown under the table when a cell carries one (screen readers hear it per cell). */
  toneKey: string | null;
}

/**
 * The view of a document for one metric of the mix and trend (`metric`, a summable one, or
 * undefined when there is none). Rates, averages and costs are toned against the median
 * channel (inverted where lower is better); a summed metric is a size, never "better".
 */
export function channelsView(doc: ChannelsDoc, metric: ChannelMetric | undefined, o: ChannelsOptions): ChannelsView {
  const { t, locale: loc } = o;
  const name = (id: string) => doc.channels.find((c) => c.id === id)?.label ?? id;
  const tiles = doc.metrics.map((m) => {
    const total = metricTotal(doc, m);
    const sub =
      total.source === 'unique-customers'
        ? t('uniqueSub', { sum: formatMetric(doc, m, total.naiveSum, loc) })
        : total.source === 'document'
          ? t('reported')
          : total.source === 'none'
            ? t('notSummable')
            : t('summed');
    return {
      label: m.label,
      value: formatMetric(doc, m, total.value, loc, true),
      sub,
      byChannel: Object.fromEntries(
        doc.channels.map((c) => [c.id, `${c.label}: ${formatMetric(doc, m, channelValue(c.values, m.id), loc, true)}`]),
      ),
    };
  });

  let mix: ChannelsView['mix'] = null;
  if (metric) {
    const list = shares(doc, metric.id).map((s, index) => ({ ...s, index, label: doc.channels[index]!.label }));
    mix = {
      title: `${t('mix')} · ${metric.label}`,
      segments: list
        .filter((s) => (s.share ?? 0) > 0)
        .map((s) => ({ id: s.id, index: s.index, pct: (s.share ?? 0) * 100 })),
      items: sortByValue(
        list,
        (x) => x.share,
        'descending',
        (x) => ({ label: x.label, id: x.id }),
        loc,
      ).map((s) => ({
        id: s.id,
        index: s.index,
        label: s.label,
        share: s.share === null ? t('noData') : formatPercent(loc, s.share),
        value: formatMetric(doc, metric, s.value, loc, true),
      })),
    };
  }

  const ov = overlapModel(doc);
  let customers: ChannelsView['customers'] = null;
  if (ov) {
    const max = Math.max(1, ...ov.overlaps.map((x) => x.customers));
    const rest = ov.duplicates === null ? null : ov.duplicates - ov.explained;
    customers = {
      line: t('uniqueVs', { count: ov.unique, sum: formatInteger(loc, ov.sum) }),
      duplicates:
        ov.duplicates === null
          ? null
          : t('duplicates', { count: formatInteger(loc, ov.duplicates), share: formatPercent(loc, ov.duplicateShare) }),
      overlaps: ov.overlaps.map((x) => ({
        channels: x.channels,
        names: x.channels.map(name).join(' + '),
        count: formatInteger(loc, x.customers),
        pct: (x.customers / max) * 100,
      })),
      rest:
        ov.overlaps.length && rest !== null && rest > 0
          ? t('explained', { explained: formatInteger(loc, ov.explained), rest: formatInteger(loc, rest) })
          : null,
    };
  }

  const medians = doc.metrics.map((m) => median(doc.channels.map((c) => channelValue(c.values, m.id))));
  const cells = Object.fromEntries(
    doc.channels.map((c) => [
      c.id,
      doc.metrics.map((m, i): ChannelCellView => {
        const v = channelValue(c.values, m.id);
        if (v === null) return { text: t('noData'), tone: 'neutral', toneName: null, missing: true };
        const k = m.aggregate === 'sum' ? 'neutral' : tone(v, medians[i] ?? null, m.better ?? 'higher');
        return {
          text: formatMetric(doc, m, v, loc, true),
          tone: k,
          toneName: k === 'neutral' ? null : t(k),
          missing: false,
        };
      }),
    ]),
  );

  const series = metric ? alignSeries(doc, metric.id) : null;
  const trend =
    metric && series && series.dates.length > 1
      ? {
          title: `${t('trend')} · ${metric.label}`,
          dates: series.dates.map((d) => formatMonth(loc, d)),
          max: formatMetric(doc, metric, stackMax(series.values, series.dates.length), loc, true),
          zero: formatMetric(doc, metric, 0, loc, true),
          gap: series.incomplete.some(Boolean) ? t('gap') : null,
          table: {
            caption: t('trendCaption', { metric: metric.label }),
            head: [t('channel'), ...series.dates.map((d) => formatMonth(loc, d))],
            rows: doc.channels.map((c, ci) => ({
              head: c.label,
              cells: series.values[ci]!.map((v) => (v === null ? t('noData') : formatMetric(doc, metric, v, loc))),
            })),
          },
        }
      : null;
  const toned = Object.values(cells).some((cs) => cs.some((c) => c.toneName));
  return { tiles, mix, customers, cells, series, trend, toneKey: toned ? `▲ ${t('better')} · ▼ ${t('worse')}` : null };
}

/** The table's rows in the chosen order, with the group a row starts (when there are groups). */
export function channelRows(
  doc: ChannelsDoc,
  sort: string,
  dir: 'ascending' | 'descending',
  loc: string,
): { id: string; label: string; index: number; groupStart: string | null }[] {
  const key = sort && (sort === 'label' || doc.metrics.some((m) => m.id === sort)) ? sort : '';
  const rows = orderChannels(doc, key, dir, loc);
  const groups = new Set(rows.map((r) => r.group));
  const showGroups = groups.size > 1 || !groups.has('');
  let last: string | null = null;
  return rows.map((r) => {
    const groupStart = showGroups && r.group !== last ? r.group || NO_VALUE : null;
    last = r.group;
    return { id: r.channel.id, label: r.channel.label, index: r.index, groupStart };
  });
}
