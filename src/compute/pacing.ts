/**
 * Pacing of the running period: where it will close at the pace so far, weighted
 * by the weekday profile of the daily history, against its target. Pure; dates are
 * ISO calendar days (`2026-11-20`), read as UTC.
 */
// Self-contained (no imports): it ships in the forecast engine chunk, which must not import from the main file.

const DAY = 86_400_000;
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const weekday = (t: number) => new Date(t).getUTCDay();
/** a / b, or null when either is unknown or b is 0 (common.ts's `ratio`, here so the engine chunk imports nothing). */
export const fraction = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string) => Math.round((ms(b) - ms(a)) / DAY);

export interface PacingDay {
  date: string;
  actual: number | null;
}

export interface PacingInput {
  /** Daily actuals: the running period's, and earlier ones when known (they teach the weekday profile). */
  days: readonly PacingDay[];
  /** The last complete day. */
  asOf: string;
  /** First day of the running period. */
  start: string;
  /** First day after it. */
  end: string;
  target?: number | null;
}

export interface Pacing {
  /** Sum of the period's known days up to `asOf`. */
  soFar: number;
  /** Projected close at the weighted pace so far; null before the period's first day is complete. */
  projected: number | null;
  target: number | null;
  /** projected − target. */
  gap: number | null;
  /** soFar / target. */
  attainment: number | null;
  /** projected / target. */
  projectedAttainment: number | null;
  elapsedDays: number;
  remainingDays: number;
  totalDays: number;
  /** What each remaining day must bring to reach the target (0 when reached; null without a target or days left). */
  requiredPerDay: number | null;
  /** Weight of each weekday, Sunday first (mean 1); all 1 when `flat`. */
  profile: number[];
  /** Fewer than four weeks of history: every day weighs the same. */
  flat: boolean;
}

/** Minimum known days of history for a weekday profile. */
export const PROFILE_MIN_DAYS = 28;

/** Weekday weights (Sunday first, mean of the weights 1) from daily actuals up to `asOf`; null below four weeks. */
export function weekdayProfile(days: readonly PacingDay[], asOf: string): number[] | null {
  const sums = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  let n = 0;
  for (const d of days) {
    if (d.actual === null || d.date > asOf) continue;
    const w = weekday(ms(d.date));
    sums[w]! += d.actual;
    counts[w]!++;
    n++;
  }
  if (n < PROFILE_MIN_DAYS || counts.some((c) => c === 0)) return null;
  const means = sums.map((s, w) => s / counts[w]!);
  const overall = means.reduce((s, v) => s + v, 0) / 7;
  if (!(overall > 0) || means.some((v) => v < 0)) return null;
  return means.map((v) => v / overall);
}

/** Paces the running period. */
export function pacePeriod(input: PacingInput): Pacing {
  const { start, end, asOf } = input;
  const target = input.target ?? null;
  const learnt = weekdayProfile(input.days, asOf);
  const profile = learnt ?? [1, 1, 1, 1, 1, 1, 1];
  const totalDays = Math.max(0, daysBetween(start, end));
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(start, asOf) + 1));
  const remainingDays = totalDays - elapsedDays;
  let soFar = 0;
  for (const d of input.days)
    if (d.actual !== null && d.date >= start && d.date <= asOf && d.date < end) soFar += d.actual;
  let elapsedWeight = 0;
  let remainingWeight = 0;
  for (let i = 0; i < totalDays; i++) {
    const w = profile[weekday(ms(start) + i * DAY)]!;
    if (i < elapsedDays) elapsedWeight += w;
    else remainingWeight += w;
  }
  const rate = fraction(soFar, elapsedWeight);
  const projected =
    elapsedDays === 0 || rate === null ? (elapsedDays === 0 ? null : soFar) : soFar + rate * remainingWeight;
  const left = target === null ? null : target - soFar;
  return {
    soFar,
    projected,
    target,
    gap: projected === null || target === null ? null : projected - target,
    attainment: fraction(soFar, target),
    projectedAttainment: fraction(projected, target),
    elapsedDays,
    remainingDays,
    totalDays,
    requiredPerDay: left === null || remainingDays === 0 ? null : Math.max(0, left) / remainingDays,
    profile,
    flat: !learnt,
  };
}
