import type { Inset } from './line.js';

/** One series' part of a stacked column. */
export interface ColumnSegment {
  series: number;
  y: number;
  height: number;
}
/**
 * One stacked column: its left edge, the top of its stack, its segments (bottom first), and whether its bucket gets an
 * axis label.
 */
export interface Column {
  x: number;
  top: number;
  segments: ColumnSegment[];
  tick: boolean;
}

/** A bucket's stackable part of a value: positive and finite, else nothing. */
const stackable = (row: readonly (number | null)[], d: number) => {
  const v = row[d];
  return v !== null && v !== undefined && v > 0 && Number.isFinite(v) ? v : 0;
};

/** The top of a stacked-column scale: the tallest stack, at least 1 (the value its axis label shows). */
export function stackMax(series: readonly (readonly (number | null)[])[], count: number): number {
  let max = 1;
  for (let d = 0; d < count; d++)
    max = Math.max(
      max,
      series.reduce((n, row) => n + stackable(row, d), 0),
    );
  return max;
}

/**
 * Geometry of stacked columns: `count` buckets across the box (inside the inset), each
 * stacking the positive values of every series in order (`series[s][bucket]`). Null,
 * zero, negative and non-finite values draw nothing and add nothing. The scale runs from
 * 0 at the bottom to the tallest stack (at least 1) at the top; axis labels are thinned
 * so they stand at least `tickGap` apart.
 */
export function stackedColumns(
  series: readonly (readonly (number | null)[])[],
  count: number,
  width: number,
  height: number,
  inset: Inset,
  tickGap = 70,
): { columns: Column[]; barWidth: number; max: number; y: (v: number) => number } {
  const value = stackable;
  const max = stackMax(series, count);
  const band = (width - inset.l - inset.r) / Math.max(1, count);
  const barWidth = Math.max(4, Math.min(48, band * 0.7));
  const y = (v: number) => inset.t + (1 - v / max) * (height - inset.t - inset.b);
  const tickEvery = Math.ceil(count / Math.max(1, Math.floor((width - inset.l) / tickGap)));
  const columns = Array.from({ length: count }, (_, d) => {
    let acc = 0;
    const segments: ColumnSegment[] = [];
    series.forEach((row, s) => {
      const v = value(row, d);
      if (!v) return;
      segments.push({ series: s, y: y(acc + v), height: Math.max(0.5, y(acc) - y(acc + v)) });
      acc += v;
    });
    return { x: inset.l + d * band + (band - barWidth) / 2, top: y(acc), segments, tick: d % tickEvery === 0 };
  });
  return { columns, barWidth, max, y };
}

/**
 * A target-versus-actual bar: where p50, p90 and the target sit, in % of the bar (0–100).
 * The bar spans `span` × the target, so a p90 up to that far over still shows where it
 * ends; beyond it `over` is set (the bar is full and marked). Without a target the bar
 * spans the p90. Missing values sit at 0.
 */
export function targetBar(
  target: number,
  p50: number | null,
  p90: number | null,
  span = 2.5,
): { p50: number; p90: number; target: number; over: boolean } {
  const full = target > 0 ? target * span : Math.max(1, p90 ?? 1);
  const pos = (v: number | null) => {
    const p = ((v ?? 0) / full) * 100;
    return Number.isFinite(p) ? Math.max(0, Math.min(100, Math.round(p * 100) / 100)) : 0;
  };
  return { p50: pos(p50), p90: pos(p90), target: pos(target), over: (p90 ?? 0) > full };
}

/**
 * The left inset an axis needs for its labels (drawn right-aligned before the plot):
 * their estimated width at `fontPx` plus a gap, at least `min`. An estimate from the
 * characters (0.62 em each, generous for digits and currency symbols), so layout stays pure.
 */
export function labelInset(labels: readonly string[], fontPx = 11, min = 32, gap = 10): number {
  const longest = labels.reduce((n, s) => Math.max(n, [...s].length), 0);
  return Math.max(min, Math.ceil(longest * fontPx * 0.62) + gap);
}

/** Where a chart's tick labels go, for labels `tick` px tall (see {@link axisRoom}). */
export interface AxisRoom {
  /** Above the plot: room for half a y label centred on the top gridline. */
  above: number;
  /** Above the plot: room for a label line of its own ("Today"). */
  labelAbove: number;
  /** Below the plot: the band of the x labels. */
  below: number;
  /** An x label's baseline, up from the chart's bottom edge (a label line's baseline, up from what it stands on). */
  baseline: number;
  /** A y label's baseline, down from its gridline, so the label is centred on it. */
  yShift: number;
}

/**
 * The room a chart keeps for its tick labels at their font size, `tick` px (0.8em of the
 * widget's font, so a reader's 200% text makes twice the room): one rule for every chart.
 */
export function axisRoom(tick: number): AxisRoom {
  return {
    above: Math.round(tick * 0.8),
    labelAbove: Math.round(tick * 2),
    below: Math.round(tick * 2.4),
    baseline: tick * 0.7,
    yShift: tick * 0.35,
  };
}

/** How many y ticks a plot `plotHeight` px tall has room for: about one per three label heights, from 2 to 5. */
export function yTickCount(plotHeight: number, tick: number): number {
  const n = Math.floor(plotHeight / (tick * 3));
  return Number.isFinite(n) ? Math.max(2, Math.min(5, n)) : 5;
}
