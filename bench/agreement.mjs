// How far two bench runs agree (issue #19: "two consecutive runs agree within ±15% on every ratio").
// Used by `node bench/run.mjs --against <earlier results.json>`; pure, so tests/node can pin it.

/**
 * Counts (long tasks, frames over a limit) and the validation times inside a first render are not timed ratios: they
 * are read from medians.
 */
export const isTimedMetric = (metric) => !/tasks|frames >|^validation/.test(metric);

/** Only timed ratios to a peer are judged. */
export const isTimedRatio = (row) =>
  row.ratio !== null &&
  row.ratio !== undefined &&
  Number.isFinite(row.ratio) &&
  row.ratio > 0 &&
  isTimedMetric(row.metric);

const key = (row) => `${row.scenario}\u0000${row.metric}\u0000${row.peer}`;

/**
 * Each timed ratio found in both runs, with its relative change (`after / before − 1`) and whether it
 * stayed within `tolerance` (0.15: ±15%); `missing` names the timed ratios of `after` that `before` lacks.
 */
export function agreement(before, after, tolerance = 0.15) {
  const earlier = new Map(before.filter(isTimedRatio).map((r) => [key(r), r]));
  const pairs = [];
  const missing = [];
  for (const r of after.filter(isTimedRatio)) {
    const o = earlier.get(key(r));
    if (!o) {
      missing.push(`${r.scenario} / ${r.metric} vs ${r.peer}`);
      continue;
    }
    const change = r.ratio / o.ratio - 1;
    // A hair of slack for the float division, so exactly ±15% counts as within.
    pairs.push({
      scenario: r.scenario,
      metric: r.metric,
      peer: r.peer,
      before: o.ratio,
      after: r.ratio,
      change,
      within: Math.abs(change) <= tolerance + 1e-9,
    });
  }
  return { pairs, within: pairs.filter((p) => p.within).length, moved: pairs.filter((p) => !p.within), missing };
}

/** The lines `run.mjs --against` prints. */
export function agreementLines(result, tolerance = 0.15) {
  const pct = `±${Math.round(tolerance * 100)}%`;
  const lines = [`Against the earlier run: ${result.within} of ${result.pairs.length} timed ratios within ${pct}.`];
  for (const p of result.moved)
    lines.push(
      `  moved: ${p.scenario} / ${p.metric} vs ${p.peer}: ${p.before.toFixed(2)} ` +
        `→ ${p.after.toFixed(2)} (${p.change > 0 ? '+' : ''}${(p.change * 100).toFixed(0)}%)`,
    );
  if (result.missing.length) lines.push(`  not in the earlier run: ${result.missing.join('; ')}`);
  return lines;
}

/**
 * The timed ratios of `after` that got worse than in `before` by more than their intervals allow: the new 90% interval
 * lies wholly above the old one (its low end over the old high end). A row without an interval stands for its ratio.
 * Issue #39: a regression is seen the day it lands, not a turn later.
 */
export function regressions(before, after) {
  const earlier = new Map(before.filter(isTimedRatio).map((r) => [key(r), r]));
  return after.filter(isTimedRatio).flatMap((r) => {
    const o = earlier.get(key(r));
    if (!o) return [];
    const low = r.ratioLow ?? r.ratio;
    const high = o.ratioHigh ?? o.ratio;
    return low > high
      ? [{ scenario: r.scenario, metric: r.metric, peer: r.peer, before: o.ratio, high, after: r.ratio, low }]
      : [];
  });
}

/** The lines a run prints for its regressions (none: none). */
export function regressionLines(list) {
  return list.map(
    (x) =>
      `REGRESSION: ${x.scenario} / ${x.metric} vs ${x.peer}: ${x.before.toFixed(2)} → ${x.after.toFixed(2)}` +
      ` (the new interval starts at ${x.low.toFixed(2)}, above the earlier one's end, ${x.high.toFixed(2)})`,
  );
}
