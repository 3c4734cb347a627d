/**
 * The forecast engine: model fitting, pacing and the outlook of a forecast document,
 * which `<kpi-forecast>` loads the first time it shows a document (a chunk of its own
 * in the CDN build, so pages without a forecast never download it), with the
 * forecast's view model and chart layout, which only run on its outlook. The CDN
 * build makes it one self-contained file (scripts/build.mjs, buildEngine).
 */
export { forecastSeries } from '../compute/forecast.js';
export { pacePeriod } from '../compute/pacing.js';
export { forecastOutlook } from '../compute/forecast-doc.js';
// The view model and chart layout run only once the outlook exists, so they load with it.
export { forecastView } from '../view/forecast.js';
export { forecastGeometry, periodLabels } from '../layout/forecast.js';

/** What the widget loads. */
export type ForecastEngine = typeof import('./forecast-engine.js');
