/**
 * Exponential smoothing (ETS) in the error-correction, state-space form of
 * Hyndman, Koehler, Ord & Snyder (2008), as R's `forecast::ets` and statsmodels'
 * `ETSModel` write it. Pure and DOM-free: the widget and Node use it alike.
 *
 * A code names error, trend and season: `A`dditive, `M`ultiplicative, `N`one,
 * `Ad` additive damped. States: level `l`, trend `b`, seasonal terms `s`
 * (`seasonal0[i]` is the term of `values[i]`).
 */

export const ETS_CODES = ['ANN', 'AAN', 'AAdN', 'ANA', 'AAA', 'AAdA', 'MNM', 'MAM', 'MAdM'] as const;
export type EtsCode = (typeof ETS_CODES)[number];

/** Smoothing parameters and initial states; together they fix a model exactly. */
export interface EtsParams {
  alpha: number;
  beta?: number;
  gamma?: number;
  phi?: number;
  level0: number;
  trend0?: number;
  seasonal0?: readonly number[];
}

interface Shape {
  /** Multiplicative error. */
  mult: boolean;
  trend: boolean;
  damped: boolean;
  /** 0 none, 1 additive, 2 multiplicative. */
  season: number;
}

export const shapeOf = (code: EtsCode): Shape => ({
  mult: code[0] === 'M',
  trend: code[1] === 'A',
  damped: code[2] === 'd',
  season: 'NAM'.indexOf(code[code.length - 1]!),
});

/** Where a model ends after the data: the states, and the one-step fitted values and errors. */
export interface EtsRun {
  l: number;
  b: number;
  s: number[];
  /** One-step-ahead fitted value of each period (empty when not kept). */
  fitted: number[];
  /** Sum of squared errors (relative errors for multiplicative models) over the known values. */
  sse: number;
  /** Σ log|fitted| over the known values (the multiplicative likelihood's extra term; 0 for additive errors). */
  logs: number;
  /** How many values were known (nulls are skipped: the states run on, nothing is learnt). */
  n: number;
}

/** The states while a model runs; `lb` and `sv` hold the last prediction's base and seasonal term. */
interface State {
  l: number;
  b: number;
  s: number[];
  lb: number;
  sv: number;
}

/**
 * What the state equations read, resolved once per run (defaults filled, one object shape: the hot loop stays fast).
 */
interface Coefficients {
  mult: boolean;
  season: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

const coefficients = (sh: Shape, p: EtsParams): Coefficients => ({
  mult: sh.mult,
  season: sh.season,
  alpha: p.alpha,
  beta: sh.trend ? (p.beta ?? 0) : 0,
  gamma: sh.season ? (p.gamma ?? 0) : 0,
  phi: sh.damped ? (p.phi ?? 1) : 1,
});

/** The one-step prediction for season position `k` (and remembers its parts for {@link update}). */
function predict(c: Coefficients, st: State, k: number): number {
  st.lb = st.l + c.phi * st.b;
  st.sv = c.season ? st.s[k]! : 0;
  return c.season === 2 ? st.lb * st.sv : st.lb + st.sv;
}

/** The state equations after the error `e` (relative for multiplicative errors; 0 for a gap: the states run on). */
function update(c: Coefficients, st: State, k: number, e: number): void {
  const { lb, sv } = st;
  if (c.mult) {
    st.l = lb * (1 + c.alpha * e);
    st.b = c.phi * st.b + c.beta * lb * e;
    if (c.season) st.s[k] = c.season === 2 ? sv * (1 + c.gamma * e) : sv + c.gamma * lb * e;
  } else {
    st.l = lb + c.alpha * e;
    st.b = c.phi * st.b + c.beta * e;
    if (c.season) st.s[k] = sv + c.gamma * e;
  }
}

const start = (sh: Shape, p: EtsParams): State => ({
  l: p.level0,
  b: sh.trend ? (p.trend0 ?? 0) : 0,
  s: sh.season ? [...(p.seasonal0 ?? [])] : [],
  lb: 0,
  sv: 0,
});

/**
 * Runs model `code` with `params` through `values` (nulls are gaps: the states run on,
 * nothing is learnt). Allocates nothing per period: fitting calls it hundreds of times.
 */
export function etsRun(
  values: readonly (number | null)[],
  code: EtsCode,
  p: EtsParams,
  m = 1,
  keepFitted = true,
): EtsRun {
  const sh = shapeOf(code);
  const c = coefficients(sh, p);
  const st = start(sh, p);
  const fitted: number[] = keepFitted ? new Array(values.length) : [];
  let sse = 0;
  let logs = 0;
  let n = 0;
  for (let t = 0; t < values.length; t++) {
    const k = sh.season ? t % m : 0;
    const yhat = predict(c, st, k);
    const y = values[t];
    if (keepFitted) fitted[t] = yhat;
    if (y === null || y === undefined) {
      update(c, st, k, 0);
      continue;
    }
    const e = sh.mult ? (y - yhat) / yhat : y - yhat;
    update(c, st, k, e);
    sse += e * e;
    if (sh.mult) logs += Math.log(Math.abs(yhat));
    n++;
  }
  return { l: st.l, b: st.b, s: st.s, fitted, sse, logs, n };
}

/** Point forecasts `h` periods past the end of a run of `n` periods. */
export function etsPoints(
  run: Pick<EtsRun, 'l' | 'b' | 's'>,
  code: EtsCode,
  p: EtsParams,
  m: number,
  n: number,
  h: number,
): number[] {
  const sh = shapeOf(code);
  const phi = sh.damped ? (p.phi ?? 1) : 1;
  const out: number[] = [];
  let damp = 0;
  for (let j = 1; j <= h; j++) {
    damp += phi ** j;
    const base = run.l + (sh.damped ? damp : j) * run.b;
    const sv = run.s[(n + j - 1) % m] ?? 0;
    out.push(sh.season === 2 ? base * sv : sh.season === 1 ? base + sv : base);
  }
  return out;
}

/** How many parameters the model estimates: smoothing parameters and free initial states (R's count). */
export function etsParamCount(code: EtsCode, m: number): number {
  const sh = shapeOf(code);
  return 2 + (sh.trend ? 2 : 0) + (sh.damped ? 1 : 0) + (sh.season ? m : 0);
}

/**
 * Forecast variances of an additive-error model (Hyndman et al. 2008, class 1):
 * σ²·(1 + Σ_{j<h} c_j²), c_j = α + β·(damped ? φ(1−φ^j)/(1−φ) : j) + γ·[j mod m = 0].
 */
export function etsVariances(code: EtsCode, p: EtsParams, m: number, sigma2: number, h: number): number[] {
  const sh = shapeOf(code);
  const phi = p.phi ?? 1;
  const out: number[] = [];
  let sum = 0;
  for (let j = 1; j <= h; j++) {
    out.push(sigma2 * (1 + sum));
    const trend = sh.trend ? (p.beta ?? 0) * (sh.damped && phi !== 1 ? (phi * (1 - phi ** j)) / (1 - phi) : j) : 0;
    const c = p.alpha + trend + (sh.season && j % m === 0 ? (p.gamma ?? 0) : 0);
    sum += c * c;
  }
  return out;
}

/**
 * Paths simulated from the model with normal errors of variance `sigma2`, for the
 * intervals of multiplicative models. `random` is a seeded generator.
 * Returns `paths[j]` = the simulated values of period n+j+1, sorted.
 */
export function etsSimulate(
  run: Pick<EtsRun, 'l' | 'b' | 's'>,
  code: EtsCode,
  p: EtsParams,
  m: number,
  n: number,
  h: number,
  sigma2: number,
  random: () => number,
  count = 1000,
): number[][] {
  const sh = shapeOf(code);
  const c = coefficients(sh, p);
  const paths: number[][] = Array.from({ length: h }, () => []);
  const sd = Math.sqrt(sigma2);
  for (let i = 0; i < count; i++) {
    const st: State = { l: run.l, b: run.b, s: [...run.s], lb: 0, sv: 0 };
    for (let j = 0; j < h; j++) {
      const e = sd * normal(random);
      const k = sh.season ? (n + j) % m : 0;
      const yhat = predict(c, st, k);
      update(c, st, k, e);
      paths[j]!.push(sh.mult ? yhat * (1 + e) : yhat + e);
    }
  }
  for (const path of paths) path.sort((a, b) => a - b);
  return paths;
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Mulberry32: a small seeded generator, so simulated intervals are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
  const tail = (q: number) => {
    const r = Math.sqrt(-2 * Math.log(q));
    return poly(c, r) / (poly(d, r) * r + 1);
  };
  if (p < 0.02425) return tail(p);
  if (p > 1 - 0.02425) return -tail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
