import { widgetStrings } from '../index.js';

/**
 * The English messages: the source of the keys every other language must have.
 * The other languages are beside it, in src/i18n/<language>/regional-sla.ts, loaded when a page needs them.
 */
export const en = {
  /** The widget's name, said first with its title (its region's name). */
  name: 'Service levels by region',
  region: 'Region',
  group: 'Group',
  volume: 'Volume',
  p50: 'Median',
  p90: 'P90 vs target',
  breach: 'Breach rate',
  target: 'target {value}',
  within: 'Within target',
  atRisk: 'At risk',
  breached: 'Breached',
  filter: 'Filter regions',
  filterPlaceholder: 'Region name or code',
  grouped: 'Group rows',
  total: 'Total',
  shown: { one: '{shown} of {count} region', other: '{shown} of {count} regions' },
  subtotal: { one: '{count} region', other: '{count} regions' },
  noGroup: 'No group',
  noMatches: 'No region matches “{query}”.',
  caption: 'SLA by region: {title}',
  statusLine: '{within} within · {risk} at risk · {breached} breached',
  status: 'Status',
  p50Long: 'Median (p50)',
  p90Long: 'P90',
  breachLong: 'Breach rate',
  weighted: 'Subtotals and totals: volume-weighted medians and P90s; pooled breach rates.',
} as const;

/** The English messages' type, which every other language's object is checked against. */
export type RegionalSlaEnglish = typeof en;

/** Built-in strings: English here, the other languages loaded on demand. */
export const slaStrings = widgetStrings('regional-sla', en);

/** The messages a KpiRegionalSla can show (base ones included). */
export type RegionalSlaMessages = (typeof slaStrings)['en'];
