import { describe, expect, it } from 'vitest';
import { lineGeometry, linePath, type LinePoint } from '../../src/layout/line.js';

describe('linePath', () => {
  it.each<[string, LinePoint[], string]>([
    ['no points', [], ''],
    ['one point is a move only', [[1, 2]], 'M1,2'],
    [
      'a polyline',
      [
        [0, 0],
        [10, 5],
        [20, 2.5],
      ],
      'M0,0L10,5L20,2.5',
    ],
    ['null lifts the pen', [[0, 0], [1, 1], null, [3, 3], [4, 4]], 'M0,0L1,1M3,3L4,4'],
    ['leading and trailing gaps', [null, [1, 1], [2, 2], null], 'M1,1L2,2'],
    [
      'non-finite coordinates are gaps',
      [
        [0, 0],
        [1, NaN],
        [2, Infinity],
        [3, 3],
      ],
      'M0,0M3,3',
    ],
    [
      'coordinates rounded to 0.01',
      [
        [1 / 3, 2 / 3],
        [1e6 + 0.123456, -0.004],
      ],
      'M0.33,0.67L1000000.12,0',
    ],
    ['only gaps', [null, null], ''],
  ])('%s', (_name, points, d) => {
    expect(linePath(points)).toBe(d);
  });
});

describe('lineGeometry', () => {
  const box = { l: 2, r: 2, t: 3, b: 3 };

  it('spreads values across the box, zero at the bottom', () => {
    const g = lineGeometry([0, 5, 10], 96, 26, box);
    expect(g.points).toEqual([
      [2, 23],
      [48, 13],
      [94, 3],
    ]);
    expect(g.d).toBe('M2,23L48,13L94,3');
    expect([g.min, g.max]).toEqual([0, 10]);
  });

  it('keeps zero in the domain, so a flat series sits at its level', () => {
    const g = lineGeometry([5, 5], 100, 100, { l: 0, r: 0, t: 0, b: 0 });
    expect(g.points).toEqual([
      [0, 0],
      [100, 0],
    ]);
    expect(g.y(0)).toBe(100);
  });

  it('draws negative values below a zero line', () => {
    const g = lineGeometry([-10, 10], 100, 100, { l: 0, r: 0, t: 0, b: 0 });
    expect([g.min, g.max]).toEqual([-10, 10]);
    expect(g.y(0)).toBe(50);
    const neg = lineGeometry([-4, -2], 100, 100, { l: 0, r: 0, t: 0, b: 0 });
    expect([neg.min, neg.max]).toEqual([-4, 0]);
    expect(neg.points[0]![1]).toBe(100);
  });

  it('leaves gaps for null and non-finite values rather than drawing zero', () => {
    const g = lineGeometry([1, null, 3, NaN, 4], 40, 10, { l: 0, r: 0, t: 0, b: 0 });
    expect(g.points.map((p) => p[0])).toEqual([0, 20, 40]);
    expect(g.d).toBe('M0,7.5M20,2.5M40,0');
  });

  it('all zeros, all nulls, a single value and no values never give NaN', () => {
    for (const values of [[0, 0, 0], [null, null], [7], []]) {
      const g = lineGeometry(values, 50, 20, box);
      expect(g.d).not.toMatch(/NaN|Infinity/);
      expect(Number.isFinite(g.y(0))).toBe(true);
      expect(Number.isFinite(g.x(0))).toBe(true);
    }
    expect(lineGeometry([0, 0], 50, 20, box).max).toBe(1);
  });

  it('huge values stay finite', () => {
    const g = lineGeometry([1e15, 0, 5e14], 100, 100, { l: 0, r: 0, t: 0, b: 0 });
    expect(g.d).toBe('M0,0L50,100L100,50');
  });

  it('`from` starts the x axis at that offset and drops the values before it', () => {
    const g = lineGeometry([1, 0.5, 0.4, 0.3], 30, 10, { l: 0, r: 0, t: 0, b: 0 }, 1);
    expect(g.points.map((p) => p[0])).toEqual([0, 15, 30]);
    expect(g.max).toBe(0.5);
  });
});
