/**
 * Fitting an ETS model: maximum likelihood over the smoothing parameters (and, for short series,
 * the initial states) by Nelder–Mead. Pure and DOM-free; loaded with the forecast engine.
 */
import { etsRun, shapeOf, type EtsCode, type EtsParams } from './ets.js';

/** The values that are there (nulls left out). */
export const known = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);

/**
 * Nelder–Mead minimisation from `x0` with initial steps `steps`, until the simplex's values agree to `tolerance`
 * (relative).
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  steps: number[],
  maxEvals = 200 * (x0.length + 1),
  tolerance = 1e-7,
): number[] {
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
  return decode(
    nelderMead(
      objective,
      x0,
      x0.map((_, i) => (i >= smoothing ? 0.5 : from ? 0.3 : 1)),
    ),
  );
}
