/**
 * The forecast's view model: the fitted outlook, once per document (a change of language does not refit), and its
 * view, per document and language. The fit and the view are the engine's (a chunk loaded on demand), given as
 * functions so the element's bundle does not hold them.
 */
import type { ForecastOutlook } from '../compute/forecast-doc.js';
import type { ForecastDoc } from '../schema/forecast.js';
import type { ForecastView } from './forecast.js';
import { ViewModel } from './view-model.js';

export class ForecastViewModel extends ViewModel {
  outlook(doc: ForecastDoc, version: number, fit: (doc: ForecastDoc) => ForecastOutlook): ForecastOutlook {
    return this.derive('outlook', [version], () => fit(doc));
  }

  view(
    doc: ForecastDoc,
    version: number,
    locale: string,
    fit: (doc: ForecastDoc) => ForecastOutlook,
    show: (doc: ForecastDoc, outlook: ForecastOutlook) => ForecastView,
  ): ForecastView {
    const outlook = this.outlook(doc, version, fit);
    return this.derive('view', [version, locale], () => show(doc, outlook));
  }
}
