/**
 * What the data path refuses to build honestly, as pure functions the `kpi-kit` CLI (and any
 * caller of the builders) applies: a build that names a column its input does not have (each
 * kind's `namedColumns`, and its `emptyReason` for a document with nothing to show, are in its
 * kind module, src/kinds/<kind>.ts), more channels than the overlap recipe counts, and a
 * misspelt option (the closest known name, to suggest). Pure and DOM-free.
 */
/**
 * Channels whose overlaps the recipe counts: each customer's set of channels is a bit mask in
 * a signed 64-bit integer (`bit_or(1 << bit)`), so bits 0 to 62.
 */
export const MAX_OVERLAP_CHANNELS = 63;

/**
 * The rows, with these options, cannot make a document (no orders to place a running period, too many channels to
 * count): the input's fault, not the program's. `option` names what would make it buildable.
 */
export class CannotBuildError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'CannotBuildError';
  }
}

/** Throws when there are more channels than {@link MAX_OVERLAP_CHANNELS}; every engine checks before counting sets. */
export function checkOverlapChannels(channels: number): void {
  if (channels > MAX_OVERLAP_CHANNELS) {
    throw new CannotBuildError(
      'channel',
      `${channels} channels, more than the ${MAX_OVERLAP_CHANNELS} whose overlaps kpi-kit counts ` +
        ("(each customer's set of channels is one 64-bit mask); " +
          'group the rarer channels under one value, or narrow --from/--to'),
    );
  }
}

/**
 * The columns of each input table that a build's options name (steps, a segment, metric ends), beyond the required
 * ones.
 */
export interface NamedColumns {
  orders?: string[];
  events?: string[];
  frictions?: string[];
}

/** What a build's options say of the columns it reads (the CLI's --steps, --segment-by, --metric, --events). */
export interface BuildColumnOptions {
  events?: unknown;
  steps?: readonly (string | { column: string })[];
  segmentBy?: string;
  metrics?: readonly { from: string; to: string }[];
}

/** The columns of `named` that `found` lacks, as one message listing what was found; null when none is missing. */
export function missingNamedColumns(where: string, named: readonly string[], found: Iterable<string>): string | null {
  const have = new Set(found);
  const missing = named.filter((c) => !have.has(c));
  if (!missing.length) return null;
  const many = missing.length > 1;
  const columns = [...have].join(', ') || 'none';
  return (
    `${where}: the build names column${many ? 's' : ''} ${missing.join(', ')}, ` +
    `which ${many ? 'are' : 'is'} not in it; found ${columns}`
  );
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
