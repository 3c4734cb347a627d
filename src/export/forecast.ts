import type { ForecastDoc } from '../schema/forecast.js';
import type { ForecastMessages } from '../i18n/en/forecast.js';
import type { ForecastRow } from '../compute/forecast-doc.js';
import type { CsvOptions, CsvTable } from './csv.js';

/**
 * A forecast's periods: actual, target, and the forecast with its range, as the widget shows them (its outlook's rows,
 * the model's forecasts included), else as the document has them.
 */
export function forecastCsv(doc: ForecastDoc, { t, shown }: CsvOptions<ForecastMessages>): CsvTable {
  const rows: readonly Pick<ForecastRow, 'period' | 'actual' | 'target' | 'forecast'>[] =
    (shown as { rows?: ForecastRow[] } | undefined)?.rows ??
    doc.points.map((p) => ({
      period: p.period,
      actual: p.actual ?? null,
      target: p.target ?? null,
      forecast: p.forecast ?? null,
    }));
  const head = [t('period'), t('actual'), t('target'), t('forecast'), t('lower'), t('upper')];
  const body = rows.map((r) => [
    r.period,
    r.actual,
    r.target,
    r.forecast?.value ?? null,
    r.forecast?.lower ?? null,
    r.forecast?.upper ?? null,
  ]);
  return { rows: [head, ...body], text: new Set([0]) };
}
