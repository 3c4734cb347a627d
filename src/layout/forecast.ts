/**
 * The forecast chart's geometry: where each period sits, the y scale with its
 * ticks, and the paths of the actuals, targets, forecast and its band. Pure
 * numbers in SVG user units; the component only draws them.
 */
import type { ForecastRow } from '../compute/forecast-doc.js';
import { linePath, round as r2, type Inset, type LinePoint } from './line.js';

export interface ForecastGeometry {
  /** Centre of period i. */
  x: (i: number) => number;
  y: (v: number) => number;
  /** Width of one period. */
  step: number;
  /** The y axis ticks (values). */
  yTicks: number[];
  actual: string;
  /** The forecast, joined to the last complete actual. */
  forecast: string;
  /** The prediction band, a closed area. */
  band: string;
  /** One level segment per period with a target. */
  target: string;
  /** The "today" boundary's x, or null when nothing is forecast. */
  today: number | null;
  /** The "Today" label ends at the line (it would run past the right edge after it, being `todayLabelPx` wide). */
  todayLabelBefore: boolean;
}

/**
 * A y domain widened to round steps of 1, 2 or 5 × 10ⁿ, about `count` of them, and its ticks
 * (d3's nice() and ticks() rule, in a few lines: those two cost ~0.4 kB gzipped in the kit).
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  // A flat series (all zeros) still gets a scale: one unit above it.
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const r = raw / mag;
  const step = (r >= 7.07 ? 10 : r >= 3.16 ? 5 : r >= 1.41 ? 2 : 1) * mag;
  const first = Math.floor(lo / step);
  // Values may carry float noise (0.6000000000000001): they are only placed and formatted.
  return Array.from({ length: Math.ceil(hi / step) - first + 1 }, (_, k) => (first + k) * step);
}

/**
 * Lays out `rows` in `width` × `height`. The running period (`partial`) is left
 * out of the actual line (it is drawn apart); `todayShare` places "today" inside
 * it (the share of its days elapsed). About `yTickCount` y ticks (fewer for larger labels).
 */
export function forecastGeometry(
  rows: readonly ForecastRow[],
  lastActual: number,
  partial: number,
  width: number,
  height: number,
  pad: Inset,
  extra: readonly (number | null)[] = [],
  todayShare = 0,
  todayLabelPx = 48,
  yTickCount = 5,
): ForecastGeometry {
  const values: number[] = [];
  const add = (v: number | null | undefined) => {
    if (v !== null && v !== undefined && Number.isFinite(v)) values.push(v);
  };
  for (const r of rows) {
    add(r.actual);
    add(r.target);
    add(r.forecast?.lower);
    add(r.forecast?.upper);
  }
  extra.forEach(add);
  const yTicks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), yTickCount);
  const lo = yTicks[0]!;
  const hi = yTicks[yTicks.length - 1]!;
  const step = (width - pad.l - pad.r) / Math.max(1, rows.length);
  const x = (i: number) => pad.l + (i + 0.5) * step;
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo || 1)) * (height - pad.t - pad.b);
  const pt = (i: number, v: number | null | undefined): LinePoint =>
    v === null || v === undefined ? null : [x(i), y(v)];
  const actual = linePath(rows.map((r, i) => (i === partial ? null : pt(i, r.actual))));
  const fIdx = rows.flatMap((r, i) => (r.forecast ? [i] : []));
  const anchor =
    lastActual >= 0 && fIdx.length && fIdx[0]! > lastActual ? [pt(lastActual, rows[lastActual]!.actual)] : [];
  const forecast = linePath([...anchor, ...fIdx.map((i) => pt(i, rows[i]!.forecast!.value))]);
  let band = '';
  if (fIdx.length) {
    const top = [...anchor, ...fIdx.map((i) => pt(i, rows[i]!.forecast!.upper))];
    const bottom = [...fIdx.map((i) => pt(i, rows[i]!.forecast!.lower)).reverse(), ...anchor];
    band = `${linePath([...top, ...bottom])}Z`;
  }
  const target = rows
    .map((r, i) => (r.target === null ? '' : `M${r2(x(i) - step / 2)},${r2(y(r.target))}h${r2(step)}`))
    .join('');
  const boundary = partial >= 0 ? partial - 0.5 + todayShare : lastActual + 0.5;
  const today = fIdx.length || partial >= 0 ? r2(x(boundary)) : null;
  return {
    x,
    y,
    step,
    yTicks,
    actual,
    forecast,
    band,
    target,
    today,
    todayLabelBefore: today !== null && today > width - todayLabelPx,
  };
}

/**
 * The periods whose labels are drawn: every n-th, so each keeps its own width plus the gap
 * (`labelWidth`, as `labelInset` measures it), and none that would run past the right edge.
 */
export function periodLabels(
  count: number,
  g: Pick<ForecastGeometry, 'x' | 'step'>,
  labelWidth: number,
  width: number,
): number[] {
  const every = Math.max(1, Math.ceil(labelWidth / g.step));
  const out: number[] = [];
  for (let k = 0; k < count; k += every) if (g.x(k) + labelWidth / 2 - 7 <= width) out.push(k);
  return out;
}
