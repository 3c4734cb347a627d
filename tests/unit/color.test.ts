import { describe, expect, it } from 'vitest';
import { mixOklab, toOklab, type Rgb } from '../../src/compute/color.js';

describe('OKLab at its published precision', () => {
  // The published matrices put white at L = 1 - 6.5e-9 and b = 3.7e-8; rounded to 7 digits they miss by 5.3e-8 and
  // 6.4e-8.
  it('white is L = 1 to 1e-8 and a = b = 0 to 5e-8', () => {
    const [L, a, b] = toOklab([255, 255, 255]);
    expect(Math.abs(L - 1)).toBeLessThan(1e-8);
    expect(Math.abs(a)).toBeLessThan(5e-8);
    expect(Math.abs(b)).toBeLessThan(5e-8);
  });
  it('greys have no chroma', () => {
    for (const v of [0, 1, 17, 128, 254]) {
      const [, a, b] = toOklab([v, v, v]);
      expect(Math.abs(a) + Math.abs(b), `grey ${v}`).toBeLessThan(5e-8);
    }
  });
  it('mixing round-trips every 8-bit endpoint exactly', () => {
    for (let r = 0; r < 256; r += 51)
      for (let g = 0; g < 256; g += 51)
        for (let b = 0; b < 256; b += 51) {
          const c: Rgb = [r, g, b];
          expect(mixOklab(c, [0, 0, 0], 0)).toEqual(c);
          expect(mixOklab([255, 255, 255], c, 1)).toEqual(c);
        }
  });
});
