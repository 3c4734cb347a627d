/**
 * The numbers `<kpi-forecast>` shows, from a `forecast` document: the periods with
 * their actuals, targets and forecasts (the backend's, or one computed from the
 * complete periods), the running period's pacing and projected close, the next
 * period's forecast and the pipeline against quota. Pure. Part of the forecast
 * engine (see src/lazy/forecast-engine.ts): it imports nothing outside the engine.
 */
import type { ForecastDoc } from '../schema/forecast.js';
import { forecastSeries, type ForecastPoint, type ForecastResult } from './forecast.js';
import { fraction as ratio, pacePeriod, type Pacing } from './pacing.js';
import { addPeriods, type Granularity } from './periods.js';

/** Periods in a season when the document does not say. */
export const DEFAULT_SEASON: Record<Granularity, number> = { day: 7, week: 52, month: 12, quarter: 4 };
export const DEFAULT_LEVEL = 0.8;

export interface ForecastRow {
  period: string;
  /** The period's last day. */
  last: string;
  actual: number | null;
  target: number | null;
  partial: boolean;
  forecast: ForecastPoint | null;
}

/** The running period's close: the same figures as {@link Pacing}, whether paced or taken from the model. */
export interface RunningClose
  extends Pick<Pacing, 'soFar' | 'projected' | 'target' | 'gap' | 'attainment' | 'projectedAttainment'> {
  /** Index of the running period in `rows`. */
  index: number;
  /**
   * The pacing, when the document has the period's days (`projected` is then paced from them, else the model's forecast
   * of the period).
   */
  pacing: Pacing | null;
  /**
   * The forecast's own estimate of the whole period where the projected close replaced it (the
   * period's days paced otherwise, or more is already in), else null. The period's row then shows
   * the projected close, so the chart, the tiles and the table give one estimate per period.
   */
  model: number | null;
}

/**
 * One estimate per period: the running period's forecast becomes its projected close, the band
 * moved with it (never below what is already in), and the forecast's own value is kept as `model`.
 */
export function oneEstimate(close: RunningClose, row: ForecastRow): RunningClose {
  const f = row.forecast;
  if (!f || close.projected === null || close.projected === f.value) return close;
  const p = close.projected;
  row.forecast = {
    value: p,
    lower: Math.min(p, Math.max(close.soFar, p - (f.value - f.lower))),
    upper: p + (f.upper - f.value),
  };
  return { ...close, model: f.value };
}

export interface PipelineModel {
  quota: number;
  closed: number;
  commit: number;
  bestCase: number;
  open: number;
  /** closed / quota. */
  attainment: number | null;
  /** Open deals (commit + best case + open) over what is left of the quota; null when the quota is met. */
  coverage: number | null;
  /** The stack's total (closed and every open category). */
  total: number;
}

export interface ForecastOutlook {
  rows: ForecastRow[];
  /** Index of the last complete period with an actual; −1 when none. */
  lastActual: number;
  /** Index of the running period; −1 when none. */
  partial: number;
  /** Where the forecasts come from. */
  source: 'provided' | 'model' | 'none';
  /** The fitted model (source `model`). */
  result: ForecastResult | null;
  seasonLength: number;
  level: number;
  close: RunningClose | null;
  /** The first forecast period after the running one (or after the last actual). */
  next: number | null;
  /** The model's typical relative error (MAPE, else sMAPE, from its backtest), a fraction. */
  typicalError: number | null;
  pipeline: PipelineModel | null;
}

const num = (v: number | null | undefined) => (v === undefined || v === null || !Number.isFinite(v) ? null : v);

/** Derives everything the widget shows from a valid document. */
export function forecastOutlook(doc: ForecastDoc): ForecastOutlook {
  const seasonLength = doc.seasonLength ?? DEFAULT_SEASON[doc.granularity];
  const level = doc.forecast?.level ?? DEFAULT_LEVEL;
  const g = doc.granularity;
  const row = (period: string): ForecastRow => ({
    period,
    last: addPeriods(addPeriods(period, g, 1), 'day', -1),
    actual: null,
    target: null,
    partial: false,
    forecast: null,
  });
  const rows: ForecastRow[] = doc.points.map((p) => ({
    ...row(p.period),
    actual: num(p.actual),
    target: num(p.target),
    partial: Boolean(p.partial),
    forecast: p.forecast ?? null,
  }));
  const partial = rows.findIndex((r) => r.partial);
  let lastActual = -1;
  rows.forEach((r, i) => {
    if (r.actual !== null && !r.partial) lastActual = i;
  });
  const provided = rows.some((r) => r.forecast);
  const model = doc.forecast?.model ?? 'auto';
  let result: ForecastResult | null = null;
  if (!provided && model !== 'none' && lastActual >= 0) {
    const horizon = doc.forecast?.horizon ?? seasonLength;
    result = forecastSeries(
      rows.slice(0, lastActual + 1).map((r) => r.actual),
      { horizon, seasonLength, level, model },
    );
    result.forecast.forEach((f, j) => {
      const i = lastActual + 1 + j;
      rows[i] ??= row(addPeriods(rows[0]!.period, g, i));
      rows[i].forecast = f;
    });
  }
  const close = partial >= 0 ? oneEstimate(runningClose(doc, rows, partial), rows[partial]!) : null;
  const after = partial >= 0 ? partial : lastActual;
  const nextIndex = rows.findIndex((r, i) => i > after && r.forecast);
  const acc = result?.accuracy;
  const typical = acc ? (acc.mape ?? acc.smape) : null;
  return {
    rows,
    lastActual,
    partial,
    source: provided ? 'provided' : result ? 'model' : 'none',
    result,
    seasonLength,
    level,
    close,
    next: nextIndex < 0 ? null : nextIndex,
    typicalError: typical === null ? null : typical / 100,
    pipeline: doc.pipeline ? pipelineModel(doc.pipeline) : null,
  };
}

function runningClose(doc: ForecastDoc, rows: ForecastRow[], index: number): RunningClose {
  const row = rows[index]!;
  const target = row.target;
  if (doc.pacing) {
    const pacing = pacePeriod({
      ...doc.pacing,
      start: row.period,
      end: addPeriods(row.period, doc.granularity, 1),
      target,
    });
    return {
      index,
      soFar: pacing.soFar,
      projected: pacing.projected,
      target,
      gap: pacing.gap,
      attainment: pacing.attainment,
      projectedAttainment: pacing.projectedAttainment,
      pacing,
      model: null,
    };
  }
  const soFar = row.actual ?? 0;
  // Without days the model's forecast of the whole period is the projection, never below what is already in.
  const projected = row.forecast ? Math.max(soFar, row.forecast.value) : null;
  return {
    index,
    soFar,
    projected,
    target,
    gap: projected === null || target === null ? null : projected - target,
    attainment: ratio(soFar, target),
    projectedAttainment: ratio(projected, target),
    pacing: null,
    model: null,
  };
}

export function pipelineModel(p: NonNullable<ForecastDoc['pipeline']>): PipelineModel {
  const left = p.quota - p.closed;
  const openTotal = p.commit + p.bestCase + p.open;
  return {
    ...p,
    attainment: ratio(p.closed, p.quota),
    coverage: left > 0 ? openTotal / left : null,
    total: p.closed + openTotal,
  };
}
