import { widgetStrings } from '../index.js';

/**
 * The English messages: the source of the keys every other language must have.
 * The other languages are beside it, in src/i18n/<language>/cohort.ts, loaded when a page needs them.
 */
export const en = {
  /** The widget's name, said first with its title (its region's name). */
  name: 'Cohort retention',
  mode: 'Show',
  percent: 'Retention',
  count: 'Customers',
  churn: 'Churn',
  revenue: 'Revenue',
  ltv: 'LTV per customer',
  scale: 'Shade',
  scaleGlobal: 'Whole grid',
  scaleRow: 'Each cohort',
  cohort: 'Cohort',
  size: 'Size',
  average: 'Average',
  weightedAverage: 'Weighted average',
  day: 'Day {n}',
  week: 'Week {n}',
  month: 'Month {n}',
  dayAxis: 'Days since acquisition',
  weekAxis: 'Weeks since acquisition',
  monthAxis: 'Months since acquisition',
  notYet: 'not yet',
  notDefined: 'not defined',
  legendLow: 'Low',
  legendHigh: 'High',
  legendNotYet: 'Not yet',
  legendNote: 'Period 0 is shaded at full strength and left out of the scale.',
  caption: 'Cohorts: {title}',
  tipRetained: { one: '{retained} of {count} customer', other: '{retained} of {count} customers' },
  tipRevenue: '{revenue} in the period',
  tipLtv: '{ltv} per customer so far',
  averageOf: { one: 'Average of {count} cohort', other: 'Average of {count} cohorts' },
  curve: 'Average by period',
} as const;

/** The English messages' type, which every other language's object is checked against. */
export type CohortGridEnglish = typeof en;

/** Built-in strings: English here, the other languages loaded on demand. */
export const cohortStrings = widgetStrings('cohort', en);

/** The messages a KpiCohortGrid can show (base ones included). */
export type CohortGridMessages = (typeof cohortStrings)['en'];
