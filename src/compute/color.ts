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

// OKLab (Björn Ottosson, as in CSS Color 4), with the published 10-digit matrices: precision is never traded for bytes.
export function toOklab([r, g, b]: Rgb): [number, number, number] {
  const lr = toLinear(r),
    lg = toLinear(g),
    lb = toLinear(b);
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function fromOklab([L, a, b]: [number, number, number]): Rgb {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    fromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    fromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    fromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
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
