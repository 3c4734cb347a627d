/**
 * Forecasting a series: naive, seasonal naive and fitted ETS models, chosen by
 * AICc, with prediction intervals and a rolling-origin backtest. Pure and
 * DOM-free (usable in Node); every number it returns is finite.
 */
import {
  ETS_CODES, etsParamCount, etsPoints, etsRun, etsSimulate, etsVariances, normalQuantile, seeded,
  shapeOf, type EtsCode, type EtsParams,
} from './ets.js';
import { quantileSorted } from './common.js';

export { ETS_CODES, type EtsCode, type EtsParams } from './ets.js';

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

const known = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);

/** The series without its leading nulls, and how many there were. */
function trimStart(values: readonly (number | null)[]): [number, (number | null)[]] {
  const start = values.findIndex((v) => v !== null);
  return start < 0 ? [values.length, []] : [start, values.slice(start)];
}

/** Nelder–Mead minimisation from `x0` with initial steps `steps`, until the simplex's values agree to `tolerance` (relative). */
export function nelderMead(f: (x: number[]) => number, x0: number[], steps: number[], maxEvals = 200 * (x0.length + 1), tolerance = 1e-7): number[] {
  const dim = x0.length;
  let pts = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + steps[i]! : v)))].map((x) => ({ x, f: f(x) }));
  let evals = dim + 1;
  const along = (c: number[], w: number[], t: number) => c.map((v, i) => v + t * (w[i]! - v));
  while (evals < maxEvals) {
    pts.sort((a, b) => a.f - b.f);
    const best = pts[0]!;
    const worst = pts[dim]!;
    if (Math.abs(worst.f - best.f) <= tolerance * (Math.abs(best.f) + 1e-10)) break;
    const centre = x0.map((_, i) => pts.slice(0, dim).reduce((s, p) => s + p.x[i]!, 0) / dim);
    const try_ = (t: number) => {
      const x = along(centre, worst.x, t);
      evals++;
      return { x, f: f(x) };
    };
    const r = try_(-1);
    if (r.f < best.f) {
      const e = try_(-2);
      pts[dim] = e.f < r.f ? e : r;
    } else if (r.f < pts[dim - 1]!.f) {
      pts[dim] = r;
    } else {
      const c = try_(r.f < worst.f ? -0.5 : 0.5);
      if (c.f < Math.min(r.f, worst.f)) pts[dim] = c;
      else {
        pts = pts.map((p, i) => (i === 0 ? p : { x: along(best.x, p.x, 0.5), f: f(along(best.x, p.x, 0.5)) }));
        evals += dim;
      }
    }
  }
  return pts.reduce((a, b) => (b.f < a.f ? b : a)).x;
}

const squash = (x: number) => 1 / (1 + Math.exp(-x));

/** Starting states: level and trend from the first seasons, seasonal terms from a classical decomposition. */
function initialStates(y: readonly (number | null)[], code: EtsCode, m: number): EtsParams {
  const sh = shapeOf(code);
  const mean = (a: readonly (number | null)[]) => {
    const k = known(a);
    return k.length ? k.reduce((s, v) => s + v, 0) / k.length : 0;
  };
  const span = sh.season ? m : Math.min(Math.max(2, Math.floor(y.length / 4)), 10);
  const first = mean(y.slice(0, span));
  const second = mean(y.slice(span, 2 * span));
  const trend0 = sh.trend && y.length >= 2 * span ? (second - first) / span : 0;
  const level0 = first - (trend0 * (span - 1)) / 2;
  const p: EtsParams = { alpha: 0.5, level0, trend0 };
  if (sh.season) {
    const seasonal0 = Array.from({ length: m }, (_, i) => {
      const base = level0 + trend0 * i;
      const v = y[i] ?? base;
      return sh.season === 2 ? (base ? v / base : 1) : v - base;
    });
    // Normalise: the terms sum to 0 (additive) or average 1 (multiplicative).
    const centre = seasonal0.reduce((s, v) => s + v, 0) / m;
    p.seasonal0 = seasonal0.map((v) => (sh.season === 2 ? (centre > 0 ? v / centre : 1) : v - centre));
  }
  return p;
}

/**
 * Series up to this long have their initial level and trend estimated with the smoothing
 * parameters (as R's ets does); longer ones start from the heuristic states, whose weight fades
 * within the first seasons, which keeps a fit of 500 days fast.
 */
export const ESTIMATE_STATES_UP_TO = 100;

const logit = (v: number) => {
  const c = Math.min(1 - 1e-9, Math.max(1e-9, v));
  return Math.log(c / (1 - c));
};

/**
 * Fits an ETS model by maximum likelihood: smoothing parameters (bounded: 0.0001 < α < 0.9999,
 * β < α, γ < 1 − α, 0.8 ≤ φ ≤ 0.98) and, for short series, the initial level and trend.
 * `from` starts the search at another fit's smoothing parameters (the backtest refits from the full fit).
 */
export function fitEts(y: readonly (number | null)[], code: EtsCode, m: number, from?: EtsParams): EtsParams {
  const sh = shapeOf(code);
  const start = initialStates(y, code, m);
  const states = y.length <= ESTIMATE_STATES_UP_TO;
  const scale = Math.max(1e-9, ...known(y).map(Math.abs)) / 10;
  // x holds the unconstrained slots: α, then β, φ, γ as the model has them, then the state offsets.
  const decode = (x: number[]): EtsParams => {
    let i = 0;
    const alpha = 1e-4 + 0.9998 * squash(x[i++]!);
    const p: EtsParams = { alpha, level0: start.level0 };
    if (sh.trend) p.beta = alpha * squash(x[i++]!) * 0.9999;
    if (sh.damped) p.phi = 0.8 + 0.18 * squash(x[i++]!);
    if (sh.season) {
      p.gamma = (1 - alpha) * squash(x[i++]!) * 0.9999;
      p.seasonal0 = start.seasonal0;
    }
    if (sh.trend) p.trend0 = start.trend0 ?? 0;
    if (states) {
      p.level0 += x[i++]! * scale;
      if (sh.trend) p.trend0! += (x[i++]! * scale) / Math.max(m, 4);
    }
    return p;
  };
  const a = from ? logit((from.alpha - 1e-4) / 0.9998) : -1;
  const x0 = [
    a,
    ...(sh.trend ? [from?.beta !== undefined ? logit(from.beta / (from.alpha * 0.9999)) : -2] : []),
    ...(sh.damped ? [from?.phi !== undefined ? logit((from.phi - 0.8) / 0.18) : 1] : []),
    ...(sh.season ? [from?.gamma !== undefined ? logit(from.gamma / ((1 - from.alpha) * 0.9999)) : -2] : []),
  ];
  const smoothing = x0.length;
  if (states) x0.push(0, ...(sh.trend ? [0] : []));
  const objective = (x: number[]) => {
    const run = etsRun(y, code, decode(x), m, false);
    const lik = run.n * Math.log(run.sse / run.n) + (sh.mult ? 2 * run.logs : 0);
    return Number.isFinite(lik) ? lik : Infinity;
  };
  // A warm start searches near where it starts.
  return decode(nelderMead(objective, x0, x0.map((_, i) => (i >= smoothing ? 0.5 : from ? 0.3 : 1))));
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
function fitOne(y: readonly (number | null)[], model: FittedModel, m: number, h: number, given?: EtsParams, from?: EtsParams): Fit {
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
      model, params: null, fitted, points, sigma2, aicc: null,
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
    model, params, fitted: run.fitted, points, sigma2, aicc: Number.isFinite(aicc) ? aicc : null,
    interval: (level) => {
      if (shapeOf(model).mult) {
        const paths = etsSimulate(run, model, params, m, n, h, sigma2, seeded(20261130));
        return paths.map((p) => [quantileSorted(p, 0.5 - level / 2), quantileSorted(p, 0.5 + level / 2)]);
      }
      const z = normalQuantile(0.5 + level / 2);
      return etsVariances(model, params, m, sigma2, h).map((v, j) => [points[j]! - z * Math.sqrt(v), points[j]! + z * Math.sqrt(v)]);
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

/** An undamped trend must beat its damped twin by this much AICc: trends are damped unless the data clearly says otherwise. */
const UNDAMPED_PENALTY = 2;

function choose(y: readonly (number | null)[], model: ForecastModel, m: number, h: number, params?: EtsParams, from?: EtsParams): [Fit, ForecastResult['fallback']] {
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
    return { model: 'naive', params: null, fitted: values.map(() => null), forecast: [], sigma2: 0, aicc: null, accuracy: null, fallback: 'too-short' };
  }
  const [fit, fallback] = choose(y, options.model ?? 'auto', m, h, options.params);
  const bounds = fit.interval(level);
  const accuracy = options.backtest === false ? null : backtestRolling(y, fit.model, m, h, fit.params ?? undefined);
  return {
    model: fit.model,
    params: fit.params,
    fitted: [...values.slice(0, lead).map(() => null), ...fit.fitted],
    forecast: fit.points.map((value, j) => ({ value, lower: Math.min(value, bounds[j]![0]), upper: Math.max(value, bounds[j]![1]) })),
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
  /** Start each refit of an ETS model from these parameters (a fit on all the values): the same optimum, found sooner. */
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
    const diffs = train.flatMap((v, t) => (t >= lag && v !== null && train[t - lag] != null ? [Math.abs(v - train[t - lag]!)] : []));
    const scale = diffs.length ? diffs.reduce((s, d) => s + d, 0) / diffs.length : 0;
    const f = choose(train, options.model, m, test.length, undefined, options.from)[0].points.map((value) => ({ value }));
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
function backtestRolling(y: readonly (number | null)[], model: FittedModel, m: number, horizon: number, from?: EtsParams): Accuracy | null {
  const h = Math.max(1, Math.min(horizon, Math.floor(y.length / 4)));
  const seasonal = model === 'seasonal-naive' || (model !== 'naive' && shapeOf(model).season > 0);
  const minTrain = Math.max(8, seasonal ? 2 * m : 0);
  const origins: number[] = [];
  for (let o = y.length - h; o >= minTrain && origins.length < 5; o--) origins.unshift(o);
  return origins.length ? backtest(y, { model, seasonLength: m, origins, horizon: h, from }) : null;
}
