import { scaleLinear, scaleSymlog } from 'd3-scale';

export type FunnelScale = 'linear' | 'log';

/**
 * Bar lengths as percentages of the track (0–100), from d3-scale.
 * `log` uses a symmetric log scale so zero stays at zero and tiny steps stay visible
 * next to a first step thousands of times bigger.
 */
export function barScale(maxCount: number, scale: FunnelScale): (count: number | null) => number {
  const max = Math.max(1, maxCount);
  const s = scale === 'log'
    ? scaleSymlog().domain([0, max]).range([0, 100]).clamp(true)
    : scaleLinear().domain([0, max]).range([0, 100]).clamp(true);
  return (count) => {
    if (count === null || !Number.isFinite(count) || count <= 0) return 0;
    const v = s(count);
    return Number.isFinite(v) ? Math.round(v * 100) / 100 : 0;
  };
}

/** Whether a bar is so short that its value label must sit outside it, and a minimum visible width applies. */
export const TINY_BAR_PERCENT = 1;
