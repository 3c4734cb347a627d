import { describe, expect, it } from 'vitest';
import { forecastGeometry, niceTicks, periodLabels } from '../../src/layout/forecast.js';
import type { ForecastRow } from '../../src/compute/forecast-doc.js';

const row = (i: number, r: Partial<ForecastRow>): ForecastRow => ({
  period: `2026-${String(i + 1).padStart(2, '0')}-01`,
  last: '',
  actual: null,
  target: null,
  partial: false,
  forecast: null,
  ...r,
});
const pad = { l: 40, r: 10, t: 20, b: 20 };

describe('niceTicks', () => {
  it.each([
    [0, 97, [0, 20, 40, 60, 80, 100]],
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [-35, 12, [-40, -30, -20, -10, 0, 10, 20]],
    [0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, 1234567, [0, 200000, 400000, 600000, 800000, 1000000, 1200000, 1400000]],
    [500, 500, [500, 500.2, 500.4, 500.6, 500.8, 501]],
  ])('%s to %s → %j', (lo, hi, want) => {
    const got = niceTicks(lo, hi);
    expect(got.length).toBe(want.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 9));
  });
  it('always covers the domain', () => {
    for (const [lo, hi] of [
      [0, 3.3],
      [-7, 0],
      [12, 980],
      [0, 1e14],
    ] as const) {
      const t = niceTicks(lo, hi);
      expect(t[0]! <= lo && t.at(-1)! >= hi).toBe(true);
    }
  });
});

describe('forecastGeometry', () => {
  const rows = [
    row(0, { actual: 10, target: 12 }),
    row(1, { actual: null }),
    row(2, { actual: 30 }),
    row(3, { actual: 8, partial: true, forecast: { value: 40, lower: 35, upper: 45 } }),
    row(4, { forecast: { value: 50, lower: 40, upper: 60 } }),
  ];
  const g = forecastGeometry(rows, 2, 3, 510, 220, pad, [], 0.25);
  it('periods share the width; y from zero to a round top', () => {
    expect(g.step).toBe(92);
    expect(g.x(0)).toBe(86);
    expect(g.yTicks).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(g.y(0)).toBe(200);
    expect(g.y(60)).toBe(20);
  });
  it('the actual line has a gap for the null, leaves the running period out; the forecast starts there', () => {
    expect(g.actual).toBe('M86,170M270,110');
    expect(g.forecast).toBe('M270,110L362,80L454,50');
    expect(g.band.startsWith('M270,110L362,65L454,20L454,80L362,95L270,110')).toBe(true);
    expect(g.band.endsWith('Z')).toBe(true);
    expect(g.target).toBe('M40,164h92');
  });
  // Its label goes before it near the right edge.
  it('"today" sits inside the running period at the share of its days elapsed', () => {
    expect(g.today).toBe(339);
    expect(g.todayLabelBefore).toBe(false);
    expect(forecastGeometry(rows.slice(0, 4), 2, 3, 300, 220, pad, [], 1).todayLabelBefore).toBe(true);
    expect(forecastGeometry([row(0, { actual: 1 }), row(1, { actual: 2 })], 1, -1, 300, 220, pad).today).toBeNull();
  });
});

describe('periodLabels', () => {
  const g = (step: number) => ({ step, x: (i: number) => 40 + (i + 0.5) * step });
  it('every n-th label so each keeps its width; none past the right edge', () => {
    expect(periodLabels(12, g(50), 60, 640)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(periodLabels(12, g(100), 60, 1240)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // The last label would end at 1,240 + 23 px: left out.
    expect(periodLabels(12, g(100), 60, 1200)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(periodLabels(0, g(10), 60, 300)).toEqual([]);
  });
});
