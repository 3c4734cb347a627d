import { extent } from 'd3-array';

/** A point in SVG user units; `null` (or a non-finite coordinate) is a gap in the line. */
export type LinePoint = readonly [x: number, y: number] | null;

/** Coordinates to 0.01 user units: finer than any screen shows, and short path text. */
export const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The SVG path `d` of a polyline through `points` in order, like d3-shape's
 * `line().defined(...)` with a linear curve: a gap lifts the pen, so a missing
 * value never draws as zero. Empty when no point is drawable.
 *
 * Written out rather than taken from d3-path/d3-shape: two commands (`M`, `L`)
 * are all our sparklines and curves draw, and the path classes cost ~1 KB
 * gzipped in every CDN file.
 */
export function linePath(points: readonly LinePoint[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(p[0])},${round(p[1])}`;
    pen = true;
  }
  return d;
}

/** Insets of a plot area inside its box, in user units. */
export interface Inset {
  l: number;
  r: number;
  t: number;
  b: number;
}

/**
 * A small line chart's geometry: `values[k]` at `x = k` across the box (inside the
 * inset), `y` from a domain that always includes zero, so a flat series sits on its
 * real level rather than filling the box. Nulls and non-finite values are gaps.
 * `from` skips the first offsets (the x axis starts there).
 */
export function lineGeometry(
  values: readonly (number | null)[],
  width: number,
  height: number,
  inset: Inset,
  from = 0,
): {
  d: string;
  x: (k: number) => number;
  y: (v: number) => number;
  min: number;
  max: number;
  points: [number, number][];
} {
  const shown = values.map((v, k) => (k >= from && v !== null && Number.isFinite(v) ? v : null));
  const [lo = 0, hi = 0] = extent(shown, (v) => v ?? undefined);
  const min = Math.min(0, lo);
  const max = Math.max(0, hi) || (min < 0 ? 0 : 1);
  const last = Math.max(from + 1, values.length - 1);
  const x = (k: number) => inset.l + ((k - from) / (last - from)) * (width - inset.l - inset.r);
  const y = (v: number) => inset.t + (1 - (v - min) / (max - min || 1)) * (height - inset.t - inset.b);
  const points: [number, number][] = [];
  const line = shown.map((v, k) => {
    if (v === null) return null;
    const p: [number, number] = [x(k), y(v)];
    points.push(p);
    return p;
  });
  return { d: linePath(line), x, y, min, max, points };
}
