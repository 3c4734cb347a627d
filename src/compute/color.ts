/**
 * Colour maths for heat scales: parse CSS rgb colours, interpolate in OKLab (the
 * same space as CSS `color-mix(in oklab, …)`), and pick readable text by WCAG
 * contrast. Pure, so the contrast choice is unit-tested.
 */

export type Rgb = [number, number, number];

/** Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgb(r g b / a)`; null otherwise. */
export function parseColor(input: string): Rgb | null {
  const s = input.trim().toLowerCase();
  let m = s.match(/^#([0-9a-f]{3})$/);
  if (m) return [...m[1]!].map((c) => parseInt(c + c, 16)) as Rgb;
  m = s.match(/^#([0-9a-f]{6})$/);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as Rgb;
  m = s.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])].map((v) => Math.max(0, Math.min(255, v))) as Rgb;
  return null;
}

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number) => {
  const c = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.max(0, v) ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(c * 255)));
};

// OKLab matrices (Björn Ottosson) to 7 significant digits: at most one 8-bit step apart from the
// 10-digit ones, on rare rounding boundaries (2 of 10,368 mixes sampled), for fewer bytes.
function toOklab([r, g, b]: Rgb): [number, number, number] {
  const lr = toLinear(r), lg = toLinear(g), lb = toLinear(b);
  const l = Math.cbrt(0.4122215 * lr + 0.5363325 * lg + 0.05144599 * lb);
  const m = Math.cbrt(0.2119035 * lr + 0.6806995 * lg + 0.107397 * lb);
  const s = Math.cbrt(0.08830246 * lr + 0.2817188 * lg + 0.6299787 * lb);
  return [
    0.2104543 * l + 0.7936178 * m - 0.004072047 * s,
    1.977998 * l - 2.428592 * m + 0.4505937 * s,
    0.02590404 * l + 0.7827718 * m - 0.8086758 * s,
  ];
}

function fromOklab([L, a, b]: [number, number, number]): Rgb {
  const l = (L + 0.3963378 * a + 0.2158038 * b) ** 3;
  const m = (L - 0.1055613 * a - 0.06385417 * b) ** 3;
  const s = (L - 0.08948418 * a - 1.291486 * b) ** 3;
  return [
    fromLinear(4.076742 * l - 3.307712 * m + 0.2309699 * s),
    fromLinear(-1.268438 * l + 2.609757 * m - 0.3413194 * s),
    fromLinear(-0.004196086 * l - 0.7034186 * m + 1.707615 * s),
  ];
}

/** The colour `t` of the way from `a` to `b` (0 → a, 1 → b), mixed in OKLab. */
export function mixOklab(a: Rgb, b: Rgb, t: number): Rgb {
  const u = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  const A = toOklab(a);
  const B = toOklab(b);
  return fromOklab([A[0] + (B[0] - A[0]) * u, A[1] + (B[1] - A[1]) * u, A[2] + (B[2] - A[2]) * u]);
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const BLACK: Rgb = [0, 0, 0];
export const WHITE: Rgb = [255, 255, 255];

/**
 * The text colour for a background: the preferred colours (the theme's text and
 * surface) when one reaches `min` contrast (WCAG AA: 4.5), else black or white,
 * one of which always reaches at least 4.58.
 */
export function readableText(background: Rgb, preferred: Rgb[] = [], min = 4.5): Rgb {
  let best: Rgb | null = null;
  let bestRatio = 0;
  for (const c of preferred) {
    const r = contrast(background, c);
    if (r >= min && r > bestRatio) {
      best = c;
      bestRatio = r;
    }
  }
  if (best) return best;
  return contrast(background, BLACK) >= contrast(background, WHITE) ? BLACK : WHITE;
}

export function rgbString([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}
