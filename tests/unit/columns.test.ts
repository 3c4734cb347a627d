import { describe, expect, it } from 'vitest';
import { axisRoom, stackedColumns, targetBar, labelInset, yTickCount } from '../../src/layout/columns.js';

const box = { l: 0, r: 0, t: 0, b: 0 };

describe('stackedColumns', () => {
  it('stacks each bucket’s positive values bottom up, on a scale to the tallest stack', () => {
    const g = stackedColumns(
      [
        [10, 30],
        [30, 10],
      ],
      2,
      200,
      100,
      box,
    );
    expect(g.max).toBe(40);
    expect(g.barWidth).toBe(48);
    expect(g.columns.map((c) => c.x)).toEqual([26, 126]);
    expect(g.columns[0]!.segments).toEqual([
      { series: 0, y: 75, height: 25 },
      { series: 1, y: 0, height: 75 },
    ]);
    expect(g.columns[1]!.segments).toEqual([
      { series: 0, y: 25, height: 75 },
      { series: 1, y: 0, height: 25 },
    ]);
    expect(g.columns.map((c) => c.top)).toEqual([0, 0]);
    expect(g.y(0)).toBe(100);
  });

  it('null, zero, negative and non-finite values draw and add nothing', () => {
    const g = stackedColumns(
      [
        [null, 5],
        [-3, 0],
        [NaN, 5],
        [4, Infinity],
      ],
      2,
      100,
      100,
      box,
    );
    expect(g.columns[0]!.segments.map((s) => s.series)).toEqual([3]);
    expect(g.columns[1]!.segments.map((s) => s.series)).toEqual([0, 2]);
    expect(g.max).toBe(10);
  });

  it('an empty bucket, no series, all zeros and no buckets never give NaN', () => {
    for (const [series, count] of [
      [[[0, 0]], 2],
      [[], 3],
      [[[null]], 1],
      [[], 0],
    ] as const) {
      const g = stackedColumns(series as unknown as (number | null)[][], count, 300, 100, {
        l: 40,
        r: 8,
        t: 12,
        b: 26,
      });
      expect(g.max).toBe(1);
      expect(JSON.stringify(g.columns)).not.toMatch(/NaN|null|Infinity/);
      expect(g.columns.every((c) => c.segments.length === 0 && c.top === g.y(0))).toBe(true);
    }
  });

  it('huge values stay finite, and tiny ones keep a visible half-pixel height', () => {
    const g = stackedColumns([[1e15], [1]], 1, 100, 100, box);
    expect(g.columns[0]!.segments[1]!.height).toBe(0.5);
    expect(Number.isFinite(g.columns[0]!.segments[0]!.y)).toBe(true);
  });

  it('thins the axis labels to at least tickGap apart', () => {
    const ticks = (count: number, width: number) =>
      stackedColumns([Array(count).fill(1)], count, width, 100, box).columns.filter((c) => c.tick).length;
    expect(ticks(6, 1200)).toBe(6);
    expect(ticks(24, 700)).toBe(8);
    expect(ticks(24, 280)).toBe(4);
  });
});

describe('targetBar', () => {
  it.each<[string, number, number | null, number | null, ReturnType<typeof targetBar>]>([
    ['within the target', 10, 5, 8, { p50: 20, p90: 32, target: 40, over: false }],
    ['p90 past the end of the bar', 10, 12, 30, { p50: 48, p90: 100, target: 40, over: true }],
    ['exactly at the end', 10, 5, 25, { p50: 20, p90: 100, target: 40, over: false }],
    ['missing values sit at 0', 10, null, null, { p50: 0, p90: 0, target: 40, over: false }],
    ['no target: the bar spans the p90', 0, 3, 6, { p50: 50, p90: 100, target: 0, over: false }],
    ['no target and no p90', 0, null, null, { p50: 0, p90: 0, target: 0, over: false }],
    ['thirds rounded to 0.01', 3, 1, 2, { p50: 13.33, p90: 26.67, target: 40, over: false }],
    ['huge values', 1e15, 1e15, 5e15, { p50: 40, p90: 100, target: 40, over: true }],
  ])('%s', (_name, target, p50, p90, bar) => {
    expect(targetBar(target, p50, p90)).toEqual(bar);
  });
});

describe('labelInset', () => {
  it.each([
    [['0'], 32],
    [['R$ 1,4 mi', 'R$ 0'], 72],
    [['1,4 M BRL'], 72],
    [['1.234.567.890'], 99],
    [[], 32],
  ] as [string[], number][])('%j → %d px', (labels, px) => expect(labelInset(labels)).toBe(px));
  it('grows with the font', () => expect(labelInset(['R$ 1,4 mi'], 22)).toBeGreaterThan(labelInset(['R$ 1,4 mi'], 11)));
});

describe('axisRoom and yTickCount: the room tick labels get, at their font size', () => {
  it.each([
    [11.2, { above: 9, labelAbove: 22, below: 27 }],
    [22.4, { above: 18, labelAbove: 45, below: 54 }],
    [0, { above: 0, labelAbove: 0, below: 0 }],
  ])('at %d px: %o', (tick, rounded) => {
    const r = axisRoom(tick);
    expect(r).toMatchObject(rounded);
    expect(r.baseline).toBeCloseTo(tick * 0.7);
    expect(r.yShift).toBeCloseTo(tick * 0.35);
    // An x label (its baseline 0.7 label up) fits inside the band below the plot.
    expect(r.baseline + tick * 0.25).toBeLessThanOrEqual(r.below + 0.5);
  });
  it('200% text doubles the room', () => {
    const a = axisRoom(11.2);
    const b = axisRoom(22.4);
    expect(Math.abs(b.below - a.below * 2)).toBeLessThanOrEqual(1);
    expect(b.yShift).toBeCloseTo(a.yShift * 2);
  });
  it.each([
    [226, 11.2, 5],
    [221, 11.2, 5],
    [100, 11.2, 2],
    [120, 22.4, 2],
    [300, 22.4, 4],
    [0, 11.2, 2],
    [500, 0, 5],
    [Number.NaN, 11.2, 5],
  ])('a %d px plot with %d px labels has room for %d y ticks', (h, tick, n) => {
    expect(yTickCount(h, tick)).toBe(n);
  });
});
