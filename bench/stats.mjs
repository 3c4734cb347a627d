// The bench's ratio estimate and its precision (issue #19: two consecutive runs within ±15% on every ratio).
// Pure and seeded, so the same samples always give the same numbers and tests/node can pin them.
//
// The two sides of a scenario are sampled in turns, so sample i of kpi-kit and sample i of the peer ran next to
// each other, on the same state of a shared machine. The ratio is therefore taken pair by pair, log(k_i ÷ p_i),
// and summed up by the Hodges–Lehmann estimate (the median of the pairwise averages: as robust as a median to a
// stray sample, but steadier). On the bench's own samples this took the typical spread of a ratio from about
// 9% (ratio of the two medians) to about 6% at 15 samples. The spread itself comes from a seeded bootstrap, and
// decides whether a scenario needs more samples (as tachometer's auto-sampling does for its intervals).

/**
 * A small seeded generator (mulberry32): the same seed, the same resamples. The same seven lines as `seeded` in
 * src/compute/ets.ts, kept here so the bench and its tests run as plain Node without building the library first.
 */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Hodges–Lehmann estimate of location: the median of all pairwise averages (x_i + x_j) / 2, i ≤ j. */
export function hodgesLehmann(xs) {
  const w = [];
  for (let i = 0; i < xs.length; i++) for (let j = i; j < xs.length; j++) w.push((xs[i] + xs[j]) / 2);
  return median(w);
}

/** log(k_i ÷ p_i) for every pair where both sides measured a positive, finite time. */
export function logRatios(kpi, peer) {
  const out = [];
  for (let i = 0; i < Math.min(kpi.length, peer.length); i++) {
    const k = kpi[i];
    const p = peer[i];
    if (Number.isFinite(k) && Number.isFinite(p) && k > 0 && p > 0) out.push(Math.log(k / p));
  }
  return out;
}

/**
 * kpi ÷ peer from samples taken in pairs: exp of the Hodges–Lehmann estimate of the paired log ratios; null without a
 * pair.
 */
export function pairedRatio(kpi, peer) {
  const logs = logRatios(kpi, peer);
  return logs.length ? Math.exp(hodgesLehmann(logs)) : null;
}

/**
 * The paired ratio with its precision: `spread` is the bootstrap standard deviation of the log estimate (about
 * the ratio's relative standard deviation: 0.05 is ±5%), `low` and `high` its 90% bootstrap interval. A single
 * pair has no spread (null).
 */
export function ratioPrecision(kpi, peer, { resamples = 1000, seed = 19 } = {}) {
  const logs = logRatios(kpi, peer);
  if (!logs.length) return { ratio: null, spread: null, low: null, high: null, pairs: 0 };
  const ratio = Math.exp(hodgesLehmann(logs));
  if (logs.length < 2) return { ratio, spread: null, low: null, high: null, pairs: 1 };
  const random = seeded(seed);
  const estimates = [];
  for (let r = 0; r < resamples; r++) {
    const pick = Array.from(logs, () => logs[Math.floor(random() * logs.length)]);
    estimates.push(hodgesLehmann(pick));
  }
  estimates.sort((a, b) => a - b);
  const mean = estimates.reduce((s, v) => s + v, 0) / resamples;
  const spread = Math.sqrt(estimates.reduce((s, v) => s + (v - mean) ** 2, 0) / resamples);
  const at = (q) => Math.exp(estimates[Math.min(resamples - 1, Math.floor(q * resamples))]);
  return { ratio, spread, low: at(0.05), high: at(0.95), pairs: logs.length };
}
