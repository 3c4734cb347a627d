/**
 * Forecasting a series: naive, seasonal naive and fitted ETS models, chosen by
 * AICc, with prediction intervals and a rolling-origin backtest. Pure and
 * DOM-free (usable in Node); every number it returns is finite.
 */
import {
  ETS_CODES,
  etsParamCount,
  etsPoints,
  etsRun,
  etsSimulate,
  etsVariances,
  normalQuantile,
  seeded,
  shapeOf,
  type EtsCode,
  type EtsParams,
} from './ets.js';
import { quantileSorted } from './common.js';
import { fitEts, known } from './ets-fit.js';

export { ETS_CODES, type EtsCode, type EtsParams } from './ets.js';
export { ESTIMATE_STATES_UP_TO, fitEts, nelderMead } from './ets-fit.js';

export type ForecastModel = 'auto' | 'naive' | 'seasonal-naive' | EtsCode;
export type FittedModel = Exclude<ForecastModel, 'auto'>;

export interface ForecastOptions {
  /** Periods to forecast. */
  horizon: number;
  /** Periods in a season (7 for days in a week, 12 for months in a year); 1 or less: no season. */
  seasonLength?: number;
  /** Coverage of the prediction interval, 0–1 (default 0.8). */
  level?: number;
  /** Default `auto`. */
  model?: ForecastModel;
  /** Fix an ETS model's parameters and initial states instead of fitting them. */
  params?: EtsParams;
  /** Skip the backtest (`accuracy` is null); the backtest refits the model at several origins. */
  backtest?: boolean;
}

export interface ForecastPoint {
  value: number;
  lower: number;
  upper: number;
}

export interface Accuracy {
  /** Mean absolute scaled error: the error over the in-sample one-season-naive error (below 1 beats it). */
  mase: number | null;
  /** Mean absolute percentage error, in percent, over actuals not near zero (null when all are). */
  mape: number | null;
  /** Symmetric MAPE, in percent (0–200). */
  smape: number | null;
  mae: number;
}

export interface ForecastResult {
  model: FittedModel;
  /** The ETS parameters used (null for the naive models). */
  params: EtsParams | null;
  /** One-step-ahead fitted values (null where the model has none: the first periods of a naive model, leading gaps). */
  fitted: (number | null)[];
  forecast: ForecastPoint[];
  sigma2: number;
  /** Small-sample corrected AIC (null for the naive models, which are not fitted). */
  aicc: number | null;
  accuracy: Accuracy | null;
  /** Why a simpler model than asked was used: too few values for it, or values it cannot take. */
  fallback: 'too-short' | 'not-positive' | null;
}

/** The series without its leading nulls, and how many there were. */
function trimStart(values: readonly (number | null)[]): [number, (number | null)[]] {
  const start = values.findIndex((v) => v !== null);
  return start < 0 ? [values.length, []] : [start, values.slice(start)];
}

interface Fit {
  model: FittedModel;
  params: EtsParams | null;
  fitted: (number | null)[];
  points: number[];
  sigma2: number;
  aicc: number | null;
  /** Forecast intervals at a level. */
  interval(level: number): [number, number][];
}

/** Fits (or runs with `params`) one model on a series without leading nulls and forecasts `h` periods. */
function fitOne(
  y: readonly (number | null)[],
  model: FittedModel,
  m: number,
  h: number,
  given?: EtsParams,
  from?: EtsParams,
): Fit {
  const n = y.length;
  if (model === 'naive' || model === 'seasonal-naive') {
    const lag = model === 'naive' ? 1 : m;
    // The last known value of each position of the season (naive: the last known value).
    const lastOf = (t: number): number | null => {
      for (let i = t; i >= 0; i -= lag) if (y[i] != null) return y[i]!;
      return null;
    };
    const fitted = y.map((_, t) => (t >= lag ? lastOf(t - lag) : null));
    const errors = y.flatMap((v, t) => (v !== null && fitted[t] != null ? [v - fitted[t]!] : []));
    const sigma2 = errors.length ? errors.reduce((s, e) => s + e * e, 0) / errors.length : 0;
    const points = Array.from({ length: h }, (_, j) => lastOf(n - lag + (j % lag)) ?? lastOf(n - 1) ?? 0);
    return {
      model,
      params: null,
      fitted,
      points,
      sigma2,
      aicc: null,
      interval: (level) => {
        const z = normalQuantile(0.5 + level / 2);
        return points.map((v, j) => {
          const w = z * Math.sqrt(sigma2 * (Math.floor(j / lag) + 1));
          return [v - w, v + w];
        });
      },
    };
  }
  const params = given ?? fitEts(y, model, m, from);
  const run = etsRun(y, model, params, m);
  const k = etsParamCount(model, m);
  const sigma2 = run.sse / Math.max(1, run.n - k);
  const lik = run.n * Math.log(run.sse / run.n) + (shapeOf(model).mult ? 2 * run.logs : 0);
  const np = k + 1;
  const aic = lik + run.n * (Math.log(2 * Math.PI) + 1) + 2 * np;
  const aicc = run.n - np - 1 > 0 ? aic + (2 * np * (np + 1)) / (run.n - np - 1) : Infinity;
  const points = etsPoints(run, model, params, m, n, h);
  return {
    model,
    params,
    fitted: run.fitted,
    points,
    sigma2,
    aicc: Number.isFinite(aicc) ? aicc : null,
    interval: (level) => {
      if (shapeOf(model).mult) {
        const paths = etsSimulate(run, model, params, m, n, h, sigma2, seeded(20261130));
        return paths.map((p) => [quantileSorted(p, 0.5 - level / 2), quantileSorted(p, 0.5 + level / 2)]);
      }
      const z = normalQuantile(0.5 + level / 2);
      return etsVariances(model, params, m, sigma2, h).map((v, j) => [
        points[j]! - z * Math.sqrt(v),
        points[j]! + z * Math.sqrt(v),
      ]);
    },
  };
}

/**
 * The models `auto` compares for a series: seasonal ones only with two full
 * seasons, multiplicative ones only for strictly positive values, and only models
 * with more known values than parameters (plus a margin). Empty: too short for ETS.
 */
export function candidates(y: readonly (number | null)[], m: number): EtsCode[] {
  const k = known(y);
  const positive = k.every((v) => v > 0);
  return ETS_CODES.filter((code) => {
    const sh = shapeOf(code);
    if (sh.season && (m < 2 || y.length < 2 * m)) return false;
    if (sh.mult && !positive) return false;
    return k.length >= etsParamCount(code, m) + 4;
  });
}

/**
 * An undamped trend must beat its damped twin by this much AICc: trends are damped unless the data clearly says
 * otherwise.
 */
const UNDAMPED_PENALTY = 2;

function choose(
  y: readonly (number | null)[],
  model: ForecastModel,
  m: number,
  h: number,
  params?: EtsParams,
  from?: EtsParams,
): [Fit, ForecastResult['fallback']] {
  const options = candidates(y, m);
  const short = (): [Fit, ForecastResult['fallback']] => [fitOne(y, 'naive', m, h), 'too-short'];
  if (model === 'naive') return [fitOne(y, 'naive', m, h), null];
  if (model === 'seasonal-naive') return m >= 2 && y.length > m ? [fitOne(y, model, m, h), null] : short();
  if (model !== 'auto') {
    if (params) return [fitOne(y, model, m, h, params), null];
    if (shapeOf(model).mult && !known(y).every((v) => v > 0)) return [fitOne(y, 'naive', m, h), 'not-positive'];
    return options.includes(model) ? [fitOne(y, model, m, h, undefined, from), null] : short();
  }
  if (!options.length) return short();
  let best: Fit | null = null;
  let bestScore = Infinity;
  for (const code of options) {
    const fit = fitOne(y, code, m, h);
    const sh = shapeOf(code);
    const score = (fit.aicc ?? Infinity) + (sh.trend && !sh.damped ? UNDAMPED_PENALTY : 0);
    if (score < bestScore) [best, bestScore] = [fit, score];
  }
  return best ? [best, null] : short();
}

/**
 * Forecasts `values` (nulls are gaps; leading nulls are skipped) `horizon` periods ahead.
 *
 * `auto` fits every admissible ETS model and keeps the lowest AICc; too little
 * data falls back to naive and says so in `fallback`.
 */
export function forecastSeries(values: readonly (number | null)[], options: ForecastOptions): ForecastResult {
  const h = Math.max(0, Math.floor(options.horizon));
  const m = Math.max(1, Math.floor(options.seasonLength ?? 1));
  const level = Math.min(Math.max(options.level ?? 0.8, 0.01), 0.999);
  const [lead, y] = trimStart(values);
  if (!y.length) {
    return {
      model: 'naive',
      params: null,
      fitted: values.map(() => null),
      forecast: [],
      sigma2: 0,
      aicc: null,
      accuracy: null,
      fallback: 'too-short',
    };
  }
  const [fit, fallback] = choose(y, options.model ?? 'auto', m, h, options.params);
  const bounds = fit.interval(level);
  const accuracy = options.backtest === false ? null : backtestRolling(y, fit.model, m, h, fit.params ?? undefined);
  return {
    model: fit.model,
    params: fit.params,
    fitted: [...values.slice(0, lead).map(() => null), ...fit.fitted],
    forecast: fit.points.map((value, j) => ({
      value,
      lower: Math.min(value, bounds[j]![0]),
      upper: Math.max(value, bounds[j]![1]),
    })),
    sigma2: fit.sigma2,
    aicc: fit.aicc,
    accuracy,
    fallback,
  };
}

export interface BacktestOptions {
  model: FittedModel;
  seasonLength?: number;
  /** Forecast origins: the number of values each fit sees. */
  origins: readonly number[];
  /** Periods forecast from each origin. */
  horizon: number;
  /**
   * Start each refit of an ETS model from these parameters (a fit on all the values): the same optimum, found sooner.
   */
  from?: EtsParams;
}

/**
 * Forecasts from each origin with a model refitted on the values before it and
 * scores the forecasts against the actuals that follow. MASE scales by the
 * in-sample error of a one-season naive forecast (lag 1 without a season).
 * Null when no origin leaves both a training and a test value.
 */
export function backtest(values: readonly (number | null)[], options: BacktestOptions): Accuracy | null {
  const m = Math.max(1, Math.floor(options.seasonLength ?? 1));
  let abs = 0;
  let scaled = 0;
  let scaledCount = 0;
  let pct = 0;
  let pctCount = 0;
  let sym = 0;
  let symCount = 0;
  let count = 0;
  const nearZero = 1e-9 * Math.max(0, ...known(values).map(Math.abs));
  for (const origin of options.origins) {
    const train = values.slice(0, origin);
    const test = values.slice(origin, origin + options.horizon);
    if (!known(train).length || !known(test).length) continue;
    const lag = m > 1 && train.length > m ? m : 1;
    const diffs = train.flatMap((v, t) =>
      t >= lag && v !== null && train[t - lag] != null ? [Math.abs(v - train[t - lag]!)] : [],
    );
    const scale = diffs.length ? diffs.reduce((s, d) => s + d, 0) / diffs.length : 0;
    const f = choose(train, options.model, m, test.length, undefined, options.from)[0].points.map((value) => ({
      value,
    }));
    test.forEach((a, j) => {
      const p = f[j]?.value;
      if (a === null || p === undefined) return;
      const e = Math.abs(a - p);
      abs += e;
      count++;
      if (scale > 0) {
        scaled += e / scale;
        scaledCount++;
      }
      if (Math.abs(a) > nearZero) {
        pct += e / Math.abs(a);
        pctCount++;
      }
      if (Math.abs(a) + Math.abs(p) > 0) sym += (2 * e) / (Math.abs(a) + Math.abs(p));
      symCount++;
    });
  }
  if (!count) return null;
  return {
    mae: abs / count,
    mase: scaledCount ? scaled / scaledCount : null,
    mape: pctCount ? (100 * pct) / pctCount : null,
    smape: symCount ? (100 * sym) / symCount : null,
  };
}

/**
 * The backtest `forecastSeries` reports: up to five origins, one period apart,
 * ending where the last forecast of `horizon` periods reaches the last value;
 * each keeps at least eight values, and two seasons for a seasonal model, for the fit.
 */
function backtestRolling(
  y: readonly (number | null)[],
  model: FittedModel,
  m: number,
  horizon: number,
  from?: EtsParams,
): Accuracy | null {
  const h = Math.max(1, Math.min(horizon, Math.floor(y.length / 4)));
  const seasonal = model === 'seasonal-naive' || (model !== 'naive' && shapeOf(model).season > 0);
  const minTrain = Math.max(8, seasonal ? 2 * m : 0);
  const origins: number[] = [];
  for (let o = y.length - h; o >= minTrain && origins.length < 5; o--) origins.unshift(o);
  return origins.length ? backtest(y, { model, seasonLength: m, origins, horizon: h, from }) : null;
}
