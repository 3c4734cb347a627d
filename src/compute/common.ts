/** Small numeric helpers shared by the compute modules. They return `null`, never NaN or Infinity. */

/** a / b, or null when either is unknown or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/** a - b, or null when either is unknown. */
export function diff(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const d = a - b;
  return Number.isFinite(d) ? d : null;
}

/** Relative change a / b − 1, or null. */
export function relativeChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  const r = ratio(current, previous);
  return r === null ? null : r - 1;
}

/** The index of the largest value (first one on ties), ignoring nulls and values ≤ `floor`. */
export function argMax(values: readonly (number | null)[], floor = 0): number | null {
  let best: number | null = null;
  values.forEach((v, i) => {
    if (v !== null && v > floor && (best === null || v > (values[best] as number))) best = i;
  });
  return best;
}

/** Sum of the known values, or null when none is known. */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  let total = 0;
  let any = false;
  for (const v of values) {
    if (v !== null && v !== undefined && Number.isFinite(v)) {
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}
