/**
 * The forecast engine: model fitting, pacing and the outlook of a forecast document,
 * which `<kpi-forecast>` loads the first time it shows a document (a chunk of its own
 * in the CDN build, so pages without a forecast never download it). It imports
 * nothing outside these modules (ets, forecast, pacing, periods, forecast-doc).
 */
export { forecastSeries } from './forecast.js';
export { pacePeriod } from './pacing.js';
export { forecastOutlook } from './forecast-doc.js';

/** What the widget loads. */
export type ForecastEngine = typeof import('./forecast-engine.js');
