import type { ChannelsDoc } from '../schema/channels.js';
import type { ChannelViewMessages } from '../i18n/en/channels.js';
import type { CsvOptions, CsvTable } from './csv.js';

/** Channels and each metric's value, in the widget's order (its sort) when it gives one. */
export function channelsCsv(doc: ChannelsDoc, { t, shown }: CsvOptions<ChannelViewMessages>): CsvTable {
  const order = Array.isArray(shown) ? (shown as string[]) : doc.channels.map((c) => c.id);
  const channels = order.map((id) => doc.channels.find((c) => c.id === id)).filter((c) => c !== undefined);
  const head = [t('channel'), ...doc.metrics.map((m) => m.label)];
  const rows = channels.map((c) => [c.label, ...doc.metrics.map((m) => c.values[m.id] ?? null)]);
  return { rows: [head, ...rows], text: new Set([0]) };
}
