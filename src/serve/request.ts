/**
 * What a request to `kpi-kit serve` asks, checked before anything runs (pure; table-tested):
 * the build options of `/kpi/<kind>` by the command line's rules, the filters `region`,
 * `channel` and `store`, and the scope a token allows. An unknown, repeated, empty or
 * oversized parameter is refused with its name, never ignored.
 */
import { closestName } from '../data/build-checks.js';
import {
  COMMON_BUILD_FLAGS,
  FILE_FLAGS,
  UsageError,
  commonOptions,
  type DataPath,
  type Flags,
} from '../data/paths/common.js';

/** A problem with the request, by the parameter (or header) it is in. */
export interface RequestIssue {
  path: string;
  message: string;
}

/** A request refused before any query: 400 bad request, 401 no valid token, 403 outside the token's scope, 404. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly issues: readonly RequestIssue[],
  ) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'RequestError';
  }
}

/** The filters a request (and a token) may name, and the column each narrows. */
export const FILTER_COLUMNS = { region: 'region_id', channel: 'channel', store: 'store_id' } as const;
export type FilterField = keyof typeof FILTER_COLUMNS;
export const FILTER_FIELDS = Object.keys(FILTER_COLUMNS) as FilterField[];

/** Which rows a build reads: for each field, the values any of which a row must have; absent, every row. */
export type Filters = Partial<Record<FilterField, readonly string[]>>;

/** What a token allows: its stores, and optionally its regions and channels. */
export interface TokenScope {
  store: readonly string[];
  region?: readonly string[];
  channel?: readonly string[];
}

/** The longest value a parameter takes (a title, a metric spec), in characters. */
export const MAX_VALUE_LENGTH = 500;
/** The most values a filter takes. */
export const MAX_FILTER_VALUES = 100;
/** The options that take several values, each as a repeated parameter. */
const REPEATABLE = new Set<string>(['metric']);

// Control characters (C0, DEL, C1) in a value: never part of an option, a filter or a title.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The problem with one value of `name`, or null. */
function valueProblem(value: string): string | null {
  if (value.length > MAX_VALUE_LENGTH) return `expected at most ${MAX_VALUE_LENGTH} characters, got ${value.length}`;
  if (CONTROL.test(value)) return 'expected text without control characters';
  if (value.trim() === '') return 'expected a value, got nothing';
  return null;
}

/** The parameters of `params` by name, in the order given. */
function grouped(params: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of params) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

/** The filters in `params` (values deduplicated, sorted); a problem is pushed onto `issues`. */
function readFilters(all: Map<string, string[]>, issues: RequestIssue[]): Filters {
  const filters: Filters = {};
  for (const field of FILTER_FIELDS) {
    const values = all.get(field);
    if (!values) continue;
    const bad = values.map(valueProblem).find(Boolean);
    if (bad) issues.push({ path: field, message: bad });
    else if (values.length > MAX_FILTER_VALUES)
      issues.push({ path: field, message: `expected at most ${MAX_FILTER_VALUES} values, got ${values.length}` });
    else filters[field] = [...new Set(values)].sort();
  }
  return filters;
}

/** Refuses each parameter that is not in `known`, with the name it may have meant. */
function unknownParameters(all: Map<string, string[]>, known: readonly string[], issues: RequestIssue[]): void {
  for (const name of all.keys()) {
    if (known.includes(name)) continue;
    if (FILE_FLAGS.includes(name)) {
      issues.push({ path: name, message: 'names a file; the server reads no file a request names' });
      continue;
    }
    const meant = closestName(name, known);
    issues.push({
      path: name,
      message: `unknown parameter${meant ? `; did you mean ${meant}?` : `; expected one of ${known.join(', ')}`}`,
    });
  }
}

/** The options a kind's request takes: the common build options, its own (no file), and the filters. */
export function requestOptions(path: Pick<DataPath<unknown, unknown>, 'flags'>): string[] {
  return [...COMMON_BUILD_FLAGS, ...path.flags.filter((f) => !FILE_FLAGS.includes(f)), ...FILTER_FIELDS];
}

/** A checked `/kpi/<kind>` request: its options as the command line's flags, and its filters. */
export interface BuildRequest {
  flags: Record<string, string | string[]>;
  filters: Filters;
}

/**
 * Reads `/kpi/<kind>`'s parameters: each known to the kind, given once (but for repeatable
 * options and filters), within {@link MAX_VALUE_LENGTH}. Throws a 400 {@link RequestError} naming
 * every bad parameter. The options' values are checked by {@link checkBuildOptions}.
 */
export function readBuildRequest(
  path: Pick<DataPath<unknown, unknown>, 'flags'>,
  params: URLSearchParams,
): BuildRequest {
  const issues: RequestIssue[] = [];
  const all = grouped(params);
  unknownParameters(all, requestOptions(path), issues);
  const flags: Record<string, string | string[]> = {};
  for (const [name, values] of all) {
    if (!requestOptions(path).includes(name) || name in FILTER_COLUMNS) continue;
    const bad = values.map(valueProblem).find(Boolean);
    if (bad) issues.push({ path: name, message: bad });
    else if (values.length > 1 && !REPEATABLE.has(name))
      issues.push({ path: name, message: `given ${values.length} times; takes one value` });
    else flags[name] = REPEATABLE.has(name) ? values : values[0]!;
  }
  const filters = readFilters(all, issues);
  if (issues.length) throw new RequestError(400, issues);
  return { flags, filters };
}

/** The parameter a command-line message is about (`--steps: expected …` → steps), else `fallback`. */
function issueOf(e: Error, fallback: string): RequestIssue {
  const m = /^--([a-z-]+):?\s*(.*)$/s.exec(e.message);
  if (m) return { path: m[1]!, message: asParameters(m[2]!) };
  // "build regional-sla needs at least one --metric …": about the first option it names.
  const named = /--([a-z-]+)/.exec(e.message);
  return { path: named ? named[1]! : fallback, message: asParameters(e.message) };
}

/** A command-line message in a request's words: `--as-of` is the parameter `as-of`. */
export const asParameters = (message: string) => message.replace(/(^|[\s(])--([a-z][a-z-]*)/g, '$1$2');

/**
 * The kind's builder options from a request's flags, by the command line's own checks (`DataPath.options`); a bad value
 * is a 400 {@link RequestError} naming the parameter.
 */
export function checkBuildOptions<O>(kind: string, path: DataPath<O, unknown>, flags: Flags): O {
  try {
    return path.options({
      flags,
      common: commonOptions(flags),
      readJson: () => {
        throw new UsageError('the server reads no file a request names');
      },
    });
  } catch (e) {
    if (e instanceof UsageError) throw new RequestError(400, [issueOf(e, kind)]);
    throw e;
  }
}

/**
 * The filters a build runs with: the request's, each inside the token's scope (a value outside it is
 * a 403 naming it), or the scope's own where the request names none. Without a token (`scope`
 * null), the request's filters as they are.
 */
export function narrow(scope: TokenScope | null, filters: Filters): Filters {
  if (!scope) return filters;
  const out: Filters = {};
  const outside: RequestIssue[] = [];
  for (const field of FILTER_FIELDS) {
    const allowed = scope[field];
    const asked = filters[field];
    if (allowed === undefined) {
      if (asked) out[field] = asked;
      continue;
    }
    const not = asked?.filter((v) => !allowed.includes(v)) ?? [];
    if (not.length) outside.push({ path: field, message: `outside the token's scope: ${not.join(', ')}` });
    out[field] = asked ?? [...new Set(allowed)].sort();
  }
  if (outside.length) throw new RequestError(403, outside);
  return out;
}

/**
 * The token's `kpi` claim as a scope: `{ store: [...], region?: [...], channel?: [...] }`, each a
 * non-empty list of non-empty text. Anything else is a 403 (a valid token that allows nothing).
 */
export function scopeOfClaim(claim: unknown): TokenScope {
  const refuse = (message: string) => new RequestError(403, [{ path: 'authorization', message }]);
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim))
    throw refuse('the token has no kpi claim ({ "store": [...] })');
  const c = claim as Record<string, unknown>;
  const unknown = Object.keys(c).filter((k) => !(k in FILTER_COLUMNS));
  if (unknown.length) throw refuse(`the token's kpi claim has unknown fields: ${unknown.join(', ')}`);
  const list = (field: FilterField, required: boolean): string[] | undefined => {
    const v = c[field];
    if (v === undefined && !required) return undefined;
    const ok =
      Array.isArray(v) &&
      v.length > 0 &&
      v.length <= 10_000 &&
      v.every((x) => typeof x === 'string' && valueProblem(x) === null);
    if (!ok) throw refuse(`the token's kpi.${field} must be a non-empty list of ids`);
    return v as string[];
  };
  const store = list('store', true)!;
  const region = list('region', false);
  const channel = list('channel', false);
  return { store, ...(region ? { region } : {}), ...(channel ? { channel } : {}) };
}

/** One text for a cache: the same build for the same scope, kind and options however the request ordered them. */
export function cacheKey(kind: string, flags: Flags, filters: Filters): string {
  const f = Object.entries(flags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const s = FILTER_FIELDS.map((k) => [k, filters[k] ?? null]);
  return JSON.stringify([kind, f, s]);
}
