import { widgetStrings } from '../index.js';

/**
 * The board's English messages: the source of the keys every other language must have.
 * The other languages are beside it, in src/i18n/<language>/board.ts, loaded when a page needs them.
 */
export const en = {
  filters: 'Filters',
  period: 'Period',
  region: 'Region',
  channel: 'Channel',
  store: 'Store',
  'preset:all': 'All time',
  'preset:this-month': 'This month',
  'preset:last-30': 'Last 30 days',
  'preset:last-90': 'Last 90 days',
  'preset:this-year': 'This year',
  'preset:custom': 'Custom range',
  from: 'From',
  to: 'To',
  any: 'All',
  picked: { one: '{count} selected', other: '{count} selected' },
  search: 'Search',
  valueCount: { one: '{count} order', other: '{count} orders' },
  noMatch: 'Nothing matches “{query}”.',
  valuesFailed: 'The choices could not load.',
  clearAll: 'Clear all',
  remove: 'Remove filter {filter}: {value}',
  noneActive: 'No filters',
  active: { one: '{count} filter · {values}', other: '{count} filters · {values}' },
  fixedFile: 'A fixed file: the board’s filters do not apply here.',
} as const;

/** The English messages' type, which every other language's object is checked against. */
export type BoardEnglish = typeof en;

/** Built-in strings: English here, the other languages loaded on demand. */
export const boardStrings = widgetStrings('board', en);

/** The messages a KpiBoard can show (base ones included). */
export type BoardMessages = (typeof boardStrings)['en'];
