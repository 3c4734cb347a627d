import { widgetStrings } from '../index.js';

/**
 * The English messages: the source of the keys every other language must have.
 * The other languages are beside it, in src/i18n/<language>/channels.ts, loaded when a page needs them.
 */
export const en = {
  /** The widget's name, said first with its title (its region's name). */
  name: 'Channels',
  metric: 'Metric',
  mix: 'Channel mix',
  trend: 'Trend',
  channel: 'Channel',
  uniqueSub: 'Sum of channels: {sum}',
  reported: 'Reported total',
  notSummable: 'Not summable: no total reported',
  summed: 'Sum of channels',
  once: 'Customers counted once',
  uniqueVs: {
    one: '{count} unique customer vs {sum} summed across channels',
    other: '{count} unique customers vs {sum} summed across channels',
  },
  duplicates: '{count} ({share}) counted more than once',
  overlaps: 'Bought in more than one channel',
  explained: 'Listed overlaps account for {explained}; {rest} more are not itemised.',
  gap: 'Some channels have no data for this period',
  caption: 'Channels: {title}',
  trendCaption: '{metric} by channel over time',
  better: 'better than the median channel',
  worse: 'worse than the median channel',
} as const;

/** The English messages' type, which every other language's object is checked against. */
export type ChannelViewEnglish = typeof en;

/** Built-in strings: English here, the other languages loaded on demand. */
export const channelStrings = widgetStrings('channels', en);

/** The messages a KpiChannelView can show (base ones included). */
export type ChannelViewMessages = (typeof channelStrings)['en'];
