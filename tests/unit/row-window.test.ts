import { describe, expect, it } from 'vitest';
import { ColumnWindow, columnWindow, revealSpan } from '../../src/core/row-window.js';
import { tipPlacement, tipSide } from '../../src/layout/tip.js';

describe('columnWindow: the period columns a windowed grid draws', () => {
  it.each([
    // scroll, view, width, count, overscan → window
    [0, 600, 60, 104, 4, { start: 0, end: 15 }],
    [2000, 600, 60, 104, 4, { start: 29, end: 48 }],
    [60 * 100, 600, 60, 104, 4, { start: 96, end: 104 }],
    [1e9, 600, 60, 104, 4, { start: 100, end: 104 }],
    [-50, 600, 60, 104, 4, { start: 0, end: 15 }],
    [0, 600, 60, 3, 4, { start: 0, end: 3 }],
    [0, 600, 60, 0, 4, { start: 0, end: 0 }],
    [59.9, 59, 60, 104, 0, { start: 0, end: 2 }],
  ])('scroll %d, view %d, width %d, %d columns, overscan %d', (scroll, view, width, count, overscan, want) => {
    expect(columnWindow(scroll, view, width, count, overscan)).toEqual(want);
  });

  it('is null until the sizes are known (nothing laid out), never NaN', () => {
    expect(columnWindow(0, 600, 0, 104, 4)).toBeNull();
    expect(columnWindow(0, 0, 60, 104, 4)).toBeNull();
    expect(columnWindow(Number.NaN, 600, 60, 104, 4)).toBeNull();
    expect(columnWindow(0, 600, Number.NaN, 104, 4)).toBeNull();
  });

  it('always covers the view: every column with a pixel in view is drawn', () => {
    for (const scroll of [0, 1, 59, 60, 61, 1234.5, 5000]) {
      const w = columnWindow(scroll, 500, 61, 104, 0)!;
      const firstVisible = Math.floor(scroll / 61);
      const lastVisible = Math.min(103, Math.floor((scroll + 500 - 0.001) / 61));
      expect(w.start).toBeLessThanOrEqual(firstVisible);
      expect(w.end).toBeGreaterThan(lastVisible);
    }
  });
});

describe('revealSpan: the least scroll that shows a span', () => {
  it.each([
    // pos, size, scroll, view → scroll
    [100, 30, 0, 400, 0],
    [100, 30, 120, 400, 100],
    [500, 30, 0, 400, 130],
    [0, 30, 0, 400, 0],
    [370, 30, 0, 400, 0],
    [371, 30, 0, 400, 1],
    [0, 500, 100, 400, 0],
  ])('span at %d, %d long, scrolled %d, view %d → %d', (pos, size, scroll, view, want) => {
    expect(revealSpan(pos, size, scroll, view)).toBe(want);
  });
});

describe('ColumnWindow: the columns a wide grid draws, measured from its scroller', () => {
  const el = (scrollLeft: number, clientWidth: number) => ({ scrollLeft, clientWidth });
  it('keeps its first guess until a column is measured, then takes the real width', () => {
    const w = new ColumnWindow(24, 68, 3);
    expect(w.measure(el(0, 1000), 104, 0, 220)).toBe(false);
    expect([w.start, w.end, w.width]).toEqual([0, 24, 68]);
    // A real column 60 px wide: more fit, the width changes, so the host renders again.
    expect(w.measure(el(0, 1000), 104, 60, 220)).toBe(true);
    expect(w.width).toBe(60);
    expect(w.measure(el(0, 1000), 104, 60, 220)).toBe(false);
  });
  it('moves with the scroll; a window that could shrink at its end stays (no render for nothing)', () => {
    const w = new ColumnWindow(24, 60, 3);
    expect(w.measure(el(3000, 1000), 104, 60, 220)).toBe(true);
    expect([w.start, w.end]).toEqual([47, 67]);
    expect(w.measure(el(3010, 1000), 104, 60, 220)).toBe(false);
    expect(w.measure(el(0, 1000), 104, 60, 220)).toBe(true);
    expect([w.start, w.end]).toEqual([0, 17]);
  });
  it('a scroller not laid out (no width) changes nothing', () => {
    const w = new ColumnWindow(24, 68, 3);
    expect(w.measure(el(500, 0), 104, 0, 0)).toBe(false);
    expect([w.start, w.end]).toEqual([0, 24]);
  });
});

describe('tipPlacement: tooltips stay inside their card', () => {
  const box = { left: 100, top: 50, bottom: 450, width: 600, height: 400 };
  it.each([
    // target (left, top, height) → x, above, offset
    [{ left: 150, top: 80, bottom: 100, width: 60, height: 20 }, 0, { x: 50, above: false, offset: 54 }],
    [{ left: 150, top: 400, bottom: 420, width: 60, height: 20 }, 0, { x: 50, above: true, offset: 54 }],
    [{ left: 650, top: 80, bottom: 100, width: 60, height: 20 }, 240, { x: 360, above: false, offset: 54 }],
    [{ left: 50, top: 80, bottom: 100, width: 60, height: 20 }, 240, { x: 0, above: false, offset: 54 }],
    // The middle exactly halfway: above (the bottom half).
    [{ left: 100, top: 240, bottom: 260, width: 60, height: 20 }, 0, { x: 0, above: true, offset: 214 }],
  ])('%o', (target, width, want) => {
    expect(tipPlacement(target, box, width)).toEqual(want);
  });
  it('a box narrower than the tooltip: at its left edge', () => {
    expect(tipPlacement({ left: 120, top: 60, bottom: 70, width: 10, height: 10 }, { ...box, width: 100 }, 240).x).toBe(
      0,
    );
  });
});

describe('tipSide: a chart tooltip opens towards the middle', () => {
  it.each([
    // x, width → side
    [0, 400, { left: '0%' }],
    [100, 400, { left: '25%' }],
    [199.9, 400, { left: '49.975%' }],
    [200, 400, { right: '50%' }],
    [400, 400, { right: '0%' }],
    // Outside the plot (a rounding at the edge): kept at its edge, never past it.
    [-5, 400, { left: '0%' }],
    [410, 400, { right: '0%' }],
    // Not laid out yet, or no point: the left edge, never NaN or Infinity.
    [100, 0, { left: '0%' }],
    [Number.NaN, 400, { left: '0%' }],
  ])('x %d of %d → %o', (x, width, want) => {
    expect(tipSide(x, width)).toEqual(want);
  });
});
