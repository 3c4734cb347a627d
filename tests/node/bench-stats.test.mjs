// The bench's ratio estimate (bench/stats.mjs): paired log ratios summed up by Hodges–Lehmann, with a seeded
// bootstrap spread that decides whether a scenario needs more samples (issue #19).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hodgesLehmann, logRatios, median, pairedRatio, ratioPrecision, seeded } from '../../bench/stats.mjs';

const close = (a, b, eps = 1e-12) => assert.ok(Math.abs(a - b) <= eps, `${a} ≉ ${b}`);

test('median of odd, even and single samples, without reordering the input', () => {
  const xs = [5, 1, 3];
  assert.equal(median(xs), 3);
  assert.deepEqual(xs, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
});

test('Hodges–Lehmann: the median of the pairwise averages, unmoved by one wild sample', () => {
  // Pairwise averages of [1, 2, 3] (i ≤ j): 1, 1.5, 2, 2, 2.5, 3 → median 2.
  assert.equal(hodgesLehmann([1, 2, 3]), 2);
  assert.equal(hodgesLehmann([4]), 4);
  // Not the plain median (2): averages 1, 1.5, 2, 5.5, 6, 10 → 3.75.
  assert.equal(hodgesLehmann([1, 2, 10]), 3.75);
  // [0, 0, 0, 1]: averages 0 ×6, 0.5 ×3, 1 → median 0.
  assert.equal(hodgesLehmann([0, 0, 0, 1]), 0);
  close(hodgesLehmann([1, 2, 3, 4, 1e9]), 3);
});

test('pairs are taken index by index; a pair with a zero, negative, missing or infinite side is skipped', () => {
  assert.deepEqual(logRatios([2, 0, 3, -1, 4, Infinity, 5], [1, 1, 0, 1, NaN, 2, 5]), [Math.log(2), 0]);
  // The longer side's extra samples have no partner.
  assert.deepEqual(logRatios([1, 1, 1], [2]), [Math.log(0.5)]);
  assert.deepEqual(logRatios([], []), []);
});

test('the paired ratio follows each pair, where the ratio of medians is fooled by drift', () => {
  // The machine slows down over the run; kpi-kit is always half the peer, sample by sample.
  const peer = [10, 10, 10, 40, 40];
  const kpi = peer.map((p) => p / 2);
  close(pairedRatio(kpi, peer), 0.5);
  // Pair by pair kpi-kit takes ½, 1 and ¼ of the peer; the medians (10 and 10) come from different moments and say 1.
  const k = [1, 10, 10];
  const p = [2, 10, 40];
  assert.equal(median(k) / median(p), 1);
  close(pairedRatio(k, p), 0.5);
  assert.equal(pairedRatio([0, -1], [1, 1]), null);
  assert.equal(pairedRatio([], [1]), null);
});

test('the seeded generator repeats itself and stays in [0, 1)', () => {
  const a = seeded(19);
  const b = seeded(19);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(
    xs,
    Array.from({ length: 1000 }, () => b()),
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs.slice(0, 5), Array.from({ length: 5 }, seeded(20)));
});

test('precision: deterministic, the interval holds the estimate, and more noise means a wider spread', () => {
  const noisy = seeded(1);
  const peer = Array.from({ length: 20 }, () => 100 + 40 * noisy());
  const kpi = peer.map((p) => (p / 2) * (0.9 + 0.2 * noisy()));
  const r = ratioPrecision(kpi, peer);
  assert.deepEqual(r, ratioPrecision(kpi, peer));
  assert.equal(r.pairs, 20);
  close(r.ratio, pairedRatio(kpi, peer));
  assert.ok(r.low <= r.ratio && r.ratio <= r.high, JSON.stringify(r));
  assert.ok(r.ratio > 0.45 && r.ratio < 0.55);
  assert.ok(r.spread > 0 && r.spread < 0.04, String(r.spread));
  const wilder = peer.map((p) => (p / 2) * (0.5 + noisy()));
  assert.ok(ratioPrecision(wilder, peer).spread > r.spread * 2);
  // Identical pairs: no spread at all.
  const flat = ratioPrecision([5, 5, 5, 5], [10, 10, 10, 10]);
  close(flat.spread, 0);
  close(flat.ratio, 0.5);
  close(flat.low, flat.high);
});

test('one pair has a ratio but no spread; no pair has neither', () => {
  assert.deepEqual(ratioPrecision([3], [6]), { ratio: 0.5, spread: null, low: null, high: null, pairs: 1 });
  assert.deepEqual(ratioPrecision([0], [6]), { ratio: null, spread: null, low: null, high: null, pairs: 0 });
});
