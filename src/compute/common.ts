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

const collators = new Map<string, Intl.Collator>();
/** A memoised collator that ignores case and accents and sorts numbers naturally. */
export function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    try {
      c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    } catch {
      c = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    }
    collators.set(locale, c);
  }
  return c;
}

/**
 * Sorts by a value. Missing values (null) always go last, whichever the
 * direction; ties keep a stable order by label, then id, or by `ranks`
 * ({@link labelRanks} of the same rows) when given: two numbers to compare
 * instead of two labels, the same order.
 */
export function sortByValue<T>(
  rows: readonly T[],
  value: (row: T) => number | string | null,
  dir: 'ascending' | 'descending',
  tie: (row: T) => { label: string; id: string },
  locale = 'en',
  ranks?: ReadonlyMap<T, number>,
): T[] {
  const c = collatorFor(locale);
  const sign = dir === 'descending' ? -1 : 1;
  const keyed = rows.map((r) => ({ r, v: value(r), t: tie(r), k: ranks?.get(r) ?? 0 }));
  keyed.sort((a, b) => {
    if (a.v === null && b.v !== null) return 1;
    if (b.v === null && a.v !== null) return -1;
    let d = 0;
    if (a.v !== null && b.v !== null)
      d =
        typeof a.v === 'string' || typeof b.v === 'string'
          ? c.compare(String(a.v), String(b.v))
          : (a.v as number) - (b.v as number);
    if (d !== 0) return sign * d;
    return ranks ? a.k - b.k : c.compare(a.t.label, b.t.label) || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0);
  });
  return keyed.map((k) => k.r);
}

/**
 * Each row's place in label order, then id (the tie order of {@link sortByValue}):
 * worked out once for a table that is sorted again and again, so that its ties
 * compare two numbers rather than two labels through the collator.
 */
export function labelRanks<T>(
  rows: readonly T[],
  tie: (row: T) => { label: string; id: string },
  locale = 'en',
): Map<T, number> {
  return new Map(sortByValue(rows, () => 0, 'ascending', tie, locale).map((r, i) => [r, i]));
}

export type Tone = 'better' | 'worse' | 'neutral';

/**
 * Whether a value is better than a reference, given the direction that is good:
 * the one rule behind every ▲/▼ and green/red in the kit (funnel changes, checkout
 * breakdowns, channels against the median). Equal, null or a difference below
 * 1e-12 is neutral.
 */
export function tone(value: number | null, reference: number | null, better: 'higher' | 'lower' = 'higher'): Tone {
  if (value === null || reference === null || Math.abs(value - reference) < 1e-12) return 'neutral';
  const higher = value > reference;
  return (better === 'lower' ? !higher : higher) ? 'better' : 'worse';
}

/** The q-quantile of sorted values, interpolated linearly (R's type 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Lower case without accents: "São Paulo" → "sao paulo" (for searches that ignore both). */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
