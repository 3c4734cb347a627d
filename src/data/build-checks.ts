/**
 * What the data path refuses to build honestly, as pure functions the `kpi-kit` CLI (and any
 * caller of the builders) applies: a document with nothing to show, a build that names a
 * column its input does not have, more channels than the overlap recipe counts, and a
 * misspelt option (the closest known name, to suggest). Pure and DOM-free.
 */
import type { KpiDoc } from '../schema/index.js';

/**
 * Channels whose overlaps the recipe counts: each customer's set of channels is a bit mask in
 * a signed 64-bit integer (`bit_or(1 << bit)`), so bits 0 to 62.
 */
export const MAX_OVERLAP_CHANNELS = 63;

/** Throws when there are more channels than {@link MAX_OVERLAP_CHANNELS}; every engine checks before counting sets. */
export function checkOverlapChannels(channels: number): void {
  if (channels > MAX_OVERLAP_CHANNELS) {
    throw new Error(`${channels} channels, more than the ${MAX_OVERLAP_CHANNELS} whose overlaps kpi-kit counts (each customer's set of channels is one 64-bit mask); group the rarer channels under one value, or narrow --from/--to`);
  }
}

/**
 * Why a built document has nothing to show, or null when it has: no qualifying order made a
 * cohort, a channel or a region, no order reached the funnel's first step, no actor entered the
 * checkout, or no qualifying order fell in any forecast period.
 */
export function emptyReason(doc: KpiDoc): string | null {
  switch (doc.kind) {
    case 'cohort': return doc.cohorts.length ? null : 'no qualifying order in the period, so no cohort';
    case 'channels': return doc.channels.length ? null : 'no qualifying order in the period, so no channel';
    case 'regional-sla': return doc.regions.length ? null : 'no qualifying order with a region_id, so no region';
    case 'funnel': return (doc.steps[0]?.count ?? 0) > 0 ? null : 'nothing reached the first step';
    case 'checkout-friction': return (doc.steps[0]?.entered ?? 0) > 0 ? null : 'nobody entered the first step';
    case 'forecast': return doc.points.some((p) => (p.actual ?? 0) !== 0) ? null : 'no qualifying order in any period';
  }
}

/** The columns of each input table that a build's options name (steps, a segment, metric ends), beyond the required ones. */
export interface NamedColumns {
  orders?: string[];
  events?: string[];
  frictions?: string[];
}

/** Which columns a build's options name: they must be in its input, or the build would silently read nulls. */
export function namedColumns(kind: KpiDoc['kind'], options: {
  events?: unknown;
  steps?: readonly (string | { column: string })[];
  segmentBy?: string;
  metrics?: readonly { from: string; to: string }[];
}): NamedColumns {
  const seg = options.segmentBy ? [options.segmentBy] : [];
  if (kind === 'checkout-friction' || (kind === 'funnel' && options.events)) return { events: seg };
  if (kind === 'funnel') return { orders: [...new Set([...(options.steps ?? []).map((s) => (typeof s === 'string' ? s : s.column)), ...seg])] };
  if (kind === 'regional-sla') return { orders: [...new Set((options.metrics ?? []).flatMap((m) => [m.from, m.to]))] };
  // Columns a kind reads without an option naming them (channel, region_id) may be absent: their rows read as
  // "unknown", or the document is empty and refused as such.
  return {};
}

/** The columns of `named` that `found` lacks, as one message listing what was found; null when none is missing. */
export function missingNamedColumns(where: string, named: readonly string[], found: Iterable<string>): string | null {
  const have = new Set(found);
  const missing = named.filter((c) => !have.has(c));
  if (!missing.length) return null;
  return `${where}: the build names column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not in it; found ${[...have].join(', ') || 'none'}`;
}

/** Edit distance (insertions, deletions, substitutions, transpositions of neighbours). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `word` (ignoring case, `-` and `_`), or null when none is close:
 * within a third of the word's length in edits (at least one), as a misspelling is.
 */
export function closestName(word: string, known: readonly string[]): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const w = norm(word);
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const dist = distance(w, norm(k));
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return bestD <= Math.max(1, Math.floor(w.length / 3)) ? best : null;
}
