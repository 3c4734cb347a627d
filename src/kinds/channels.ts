/**
 * The `channels` kind: everything of it, held or named here. Its public API (schema, maths, view
 * model, data-path builders, English strings) is re-exported below; its types by role are
 * `ChannelsKind`; `channelsKind` holds its facts for the build and the docs. The registry's
 * maps (src/kinds/all.ts, generated) are made from these, so no other module lists every kind.
 */
import type { KindFacts } from './facts.js';
import type { ChannelsDoc } from '../schema/channels.js';
import type { ChannelViewEnglish } from '../i18n/en/channels.js';

export * from '../schema/channels.js';
export * from '../compute/channels.js';
export * from '../view/channels.js';
export * from '../data/channels.js';
export { channelStrings, type ChannelViewMessages, type ChannelViewEnglish } from '../i18n/en/channels.js';

/** What `kpi-select` says the user picked in this kind's widget: A channel. */
export type ChannelsSelection = { type: 'channel'; id: string };

/** The `channels` kind's types, by role. */
export interface ChannelsKind {
  doc: ChannelsDoc;
  selection: ChannelsSelection;
  english: ChannelViewEnglish;
}

/** The `channels` kind's facts: its JSON Schema's descriptions. */
export const channelsKind = {
  kind: 'channels',
  docs: {
    description: 'Sales and retention across channels, with each customer counted once across them.',
    fields: {
      metrics: 'The metrics shown per channel, in order.',
      'metrics[].id': "The metric's id (a key of channels[].values).",
      'metrics[].label': "The metric's name.",
      'metrics[].format': 'currency, integer, number, percent (a ratio: 0.25 is 25%) or duration (seconds).',
      'metrics[].aggregate': 'sum: the widget totals the channels; none (default): only totals[id] is shown.',
      'metrics[].better': 'higher or lower: which direction is good (for the ▲/▼ marks).',
      channels: 'The channels.',
      'channels[].id': "The channel's id.",
      'channels[].label': "The channel's name.",
      'channels[].group': 'A family of channels (digital, physical…).',
      'channels[].values': "Per metric id, the channel's value (null when unknown).",
      'channels[].series': 'A time series per channel, buckets in date order.',
      'channels[].series[].date': "The bucket's first day.",
      'channels[].series[].values': "Per metric id, the bucket's value.",
      customers: 'Customers counted once across channels.',
      'customers.metric': 'The metric id whose channel values count customers.',
      'customers.unique': 'Distinct customers across all channels.',
      'customers.overlaps': 'Customers who bought in exactly these channels (two or more).',
      'customers.overlaps[].channels': 'The channel ids of the set.',
      'customers.overlaps[].customers': 'Customers of exactly that set.',
      totals: 'Per metric id, the value for all channels together (for metrics that do not sum).',
    },
  },
  data: {
    // Columns it reads without an option naming them (channel) may be absent: their rows read as
    // "unknown", or the document is empty and refused as such.
    emptyReason: (doc) => (doc.channels.length ? null : 'no qualifying order in the period, so no channel'),
  },
} as const satisfies KindFacts<ChannelsDoc>;
