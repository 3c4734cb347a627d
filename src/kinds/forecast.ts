/**
 * The `forecast` kind: everything of it, held or named here. Its public API (schema, maths, view
 * model, data-path builders, English strings) is re-exported below; its types by role are
 * `ForecastKind`; `forecastKind` holds its facts for the build and the docs. The registry's
 * maps (src/kinds/all.ts, generated) are made from these, so no other module lists every kind.
 */
import type { KindFacts } from './facts.js';
import type { ForecastDoc } from '../schema/forecast.js';
import type { ForecastEnglish } from '../i18n/en/forecast.js';

export * from '../schema/forecast.js';
export * from '../compute/forecast.js';
export * from '../compute/ets.js';
export * from '../compute/pacing.js';
export * from '../compute/periods.js';
export * from '../compute/forecast-doc.js';
export * from '../view/forecast.js';
export * from '../data/forecast.js';
export { forecastStrings, type ForecastMessages, type ForecastEnglish } from '../i18n/en/forecast.js';

/** What `kpi-select` says the user picked in this kind's widget: A period, by its first day (`2026-11-01`). */
export type ForecastSelection = { type: 'period'; id: string };

/** The `forecast` kind's types, by role. */
export interface ForecastKind {
  doc: ForecastDoc;
  selection: ForecastSelection;
  english: ForecastEnglish;
}

/** The `forecast` kind's facts: its JSON Schema's descriptions, the code it loads on demand. */
export const forecastKind = {
  kind: 'forecast',
  docs: {
    description:
      'A metric per period with targets, a forecast and its band, the pacing of the running period and, ' +
      'optionally, a sales pipeline.',
    fields: {
      metric: 'What is measured.',
      'metric.label': 'The metric\'s name ("Revenue").',
      'metric.format': 'currency, integer, number or percent.',
      'metric.better': 'higher or lower: which direction is good.',
      granularity: 'The length of a period: day, week (Monday first), month or quarter.',
      seasonLength:
        'Periods in a season (7 for days in a week, 12 for months in a year); default from the granularity.',
      points: 'One point per period in order: actuals first, then targets of later periods.',
      'points[].period': "The period's first day.",
      'points[].actual': 'The observed value (null for a gap).',
      'points[].target': 'The target for the period.',
      'points[].partial': 'The period is still running: its actual is so far, and it is paced.',
      'points[].forecast': 'A forecast supplied by the document for this period (else the widget fits one).',
      'points[].forecast.value': 'The forecast.',
      'points[].forecast.lower': 'Lower bound of the band.',
      'points[].forecast.upper': 'Upper bound of the band.',
      forecast: 'How the widget forecasts when points carry none.',
      'forecast.horizon': 'Periods to forecast after the last actual.',
      'forecast.level': "The band's coverage (0.8 is an 80% interval).",
      'forecast.model':
        'auto (models compared by AICc), none (no forecast), naive, seasonal-naive or an ETS model code (ANN, AAN, ' +
        'AAdN, ANA, AAA, AAdA, MNM, MAM, MAdM).',
      pacing: 'Daily actuals for pacing the running period.',
      'pacing.asOf': 'The last complete day.',
      'pacing.days': 'One value per day in order, including weeks before the running period.',
      'pacing.days[].date': 'The day.',
      'pacing.days[].actual': "The day's value.",
      pipeline: 'A sales pipeline against quota for the running period.',
      'pipeline.quota': 'The quota.',
      'pipeline.closed': 'Closed (won) so far.',
      'pipeline.commit': 'Committed deals not yet closed.',
      'pipeline.bestCase': 'Best-case deals.',
      'pipeline.open': 'Other open pipeline.',
    },
  },
  /**
   * Model fitting, pacing and the outlook, with the view model and chart layout that only run on an
   * outlook: `<kpi-forecast>` imports `entry` the first time it shows a document, and the CDN builds
   * make it one self-contained chunk. None of `modules` is imported up front.
   */
  lazy: {
    entry: 'src/lazy/forecast-engine.ts',
    chunk: 'chunks/forecast-engine.js',
    modules: [
      'src/compute/forecast-doc.ts',
      'src/compute/forecast.ts',
      'src/compute/ets.ts',
      'src/compute/ets-fit.ts',
      'src/compute/pacing.ts',
      'src/compute/periods.ts',
      'src/view/forecast.ts',
      'src/layout/forecast.ts',
    ],
  },
  data: {
    emptyReason: (doc) => (doc.points.some((p) => (p.actual ?? 0) !== 0) ? null : 'no qualifying order in any period'),
  },
} as const satisfies KindFacts<ForecastDoc>;
