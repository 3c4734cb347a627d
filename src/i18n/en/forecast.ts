import { widgetStrings } from '../index.js';

/**
 * The English messages: the source of the keys every other language must have.
 * The other languages are beside it, in src/i18n/<language>/forecast.ts, loaded when a page needs them.
 */
export const en = {
  /** The widget's name, said first with its title (its region's name). */
  name: 'Forecast',
  projected: 'Projected close',
  ofTarget: '{pct} of target {target}',
  soFar: '{value} so far, {pct} of target',
  gap: 'Gap to target',
  ahead: '{value} ahead',
  short: '{value} short',
  required: 'Needed per day',
  daysLeft: { one: '{count} day left', other: '{count} days left' },
  reached: 'Target reached',
  next: 'Next: {period}',
  range: '{lower} to {upper} ({level} range)',
  actual: 'Actual',
  target: 'Target',
  forecast: 'Forecast',
  lower: 'Low',
  upper: 'High',
  period: 'Period',
  running: 'Running period',
  /** The chart's name, for screen readers. */
  chartName: '{metric} by period',
  // What a blank cell of the table says.
  notYet: 'not yet',
  noTarget: 'no target',
  noForecast: 'no forecast',
  today: 'Today',
  naive: 'Repeats the last value',
  seasonalNaive: 'Repeats the last season',
  ets: 'Exponential smoothing ({parts})',
  partLevel: 'level',
  partTrend: 'trend',
  partDamped: 'damped trend',
  partSeason: 'seasonal pattern',
  typical: 'typically within ±{pct}',
  provided: 'Forecast supplied with the data',
  tooShort: 'Too little history for a model, so the last value is repeated.',
  notPositive: 'This model needs positive values, so the last value is repeated.',
  details: 'Model details',
  oneEstimate: 'Ends at its projected close; the model said {model}.',
  code: 'Model',
  errors: 'Backtest error (MASE, sMAPE)',
  pipeline: 'Pipeline vs quota',
  closed: 'Closed',
  commit: 'Commit',
  bestCase: 'Best case',
  open: 'Open pipeline',
  quota: 'Quota',
  coverage: 'Coverage {ratio} of what is left',
  caption: 'Forecast: {title}',
} as const;

/** The English messages' type, which every other language's object is checked against. */
export type ForecastEnglish = typeof en;

/** Built-in strings: English here, the other languages loaded on demand. */
export const forecastStrings = widgetStrings('forecast', en);

/** The messages a KpiForecast can show (base ones included). */
export type ForecastMessages = (typeof forecastStrings)['en'];
