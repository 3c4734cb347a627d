export type FunnelScale = 'linear' | 'log';

/**
 * Bar lengths as percentages of the track (0–100).
 * `log` is a symmetric log scale (d3's symlog with constant 1: sign(x)·log1p(|x|)),
 * so zero stays at zero and tiny steps stay visible next to a first step
 * thousands of times bigger. Plain arithmetic: pulling d3-scale (and with it
 * d3-interpolate, d3-color and d3-format) into the funnel for one division would
 * cost ~9 KB gzipped.
 */
export function barScale(maxCount: number, scale: FunnelScale): (count: number | null) => number {
  const max = Math.max(1, Number.isFinite(maxCount) ? maxCount : 1);
  const t = scale === 'log' ? Math.log1p : (x: number) => x;
  const top = t(max);
  return (count) => {
    if (count === null || !Number.isFinite(count) || count <= 0) return 0;
    const v = (100 * t(Math.min(count, max))) / top;
    return Number.isFinite(v) ? Math.round(v * 100) / 100 : 0;
  };
}

/** Whether a bar is so short that its value label must sit outside it, and a minimum visible width applies. */
export const TINY_BAR_PERCENT = 1;

/** Below this width (px) a vertical funnel is drawn horizontally: its columns would be too narrow to read. */
export const VERTICAL_MIN_WIDTH = 420;
/** A vertical funnel of this width (px; 0 before it is laid out) is drawn horizontally. */
export const columnsTooNarrow = (width: number): boolean => width > 0 && width < VERTICAL_MIN_WIDTH;
