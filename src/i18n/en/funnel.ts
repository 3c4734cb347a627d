import { widgetStrings } from '../index.js';

/**
 * The English messages: the source of the keys every other language must have.
 * The other languages are beside it, in src/i18n/<language>/funnel.ts, loaded when a page needs them.
 */
export const en = {
  /** The widget's name, said first with its title (its region's name). */
  name: 'Funnel',
  overall: 'Overall conversion',
  overallSub: 'from {first} to {last}',
  revenue: 'Revenue',
  revenueSub: 'at “{step}”',
  base: 'Conversion base',
  ofFirst: '% of first',
  ofPrevious: '% of previous',
  ofFirstLong: '% of first step',
  ofPreviousLong: '% of previous step',
  lost: { one: '{count} lost ({rate})', other: '{count} lost ({rate})' },
  gained: '{count} gained',
  largestDrop: 'Largest drop',
  notApplicable: 'does not apply',
  // What a step button says after its figures, for screen readers: what each one means.
  ofFirstSaid: 'of the first step',
  ofPreviousSaid: 'of the previous step',
  deltaCount: 'in count against the comparison',
  deltaConversion: 'in conversion against the comparison',
  medianTime: 'median {time}',
  medianTimeLong: 'Median time from previous step',
  step: 'Step',
  count: 'Count',
  dropOff: 'Drop-off',
  value: 'Value',
  vs: 'vs {label}',
  countChange: 'Change in count',
  segment: 'Segment',
  total: 'All (total)',
  compare: 'Compare segments',
  steps: 'Funnel steps',
  thisPeriod: 'This period',
  lostLegend: 'Lost since previous step',
  caption: 'Funnel: {title}',
} as const;

/** The English messages' type, which every other language's object is checked against. */
export type FunnelEnglish = typeof en;

/** Built-in strings: English here, the other languages loaded on demand. */
export const funnelStrings = widgetStrings('funnel', en);

/** The messages a KpiFunnel can show (base ones included). */
export type FunnelMessages = (typeof funnelStrings)['en'];
