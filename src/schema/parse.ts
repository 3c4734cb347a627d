import type * as z from 'zod/mini';
import { describeInput } from './common.js';
import { UNSURE, fastParse, isRecord } from './fast-parse.js';

export { isRecord };

/** The contract version this build reads. */
export const CONTRACT_VERSION = 1;

/** One problem found in a document. */
export interface KpiIssue {
  /** The JSON path as keys, e.g. `['steps', 3, 'count']`; empty for the document itself. */
  path: (string | number)[];
  /** The JSON path as text, e.g. `steps[3].count`; `(root)` for the document itself. */
  pathText: string;
  /** Plain-language message, e.g. `expected a non-negative integer, got -4`. */
  message: string;
  /**
   * The message's language when it is not English: a widget says why a load failed in the page's language (a message
   * about the whole load, shown without its path).
   */
  lang?: string;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as JSON-path-like text: `steps[3].count`, `values["first-response"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const k = String(key);
      out += IDENT.test(k) ? (out ? `.${k}` : k) : `[${JSON.stringify(k)}]`;
    }
  }
  return out;
}

export function issue(path: (string | number)[], message: string): KpiIssue {
  return { path, pathText: formatPath(path), message };
}

/** `steps[3].count: expected a non-negative integer, got -4` */
export function issueText(i: KpiIssue): string {
  return `${i.pathText}: ${i.message}`;
}

type ZodIssueLike = { path: PropertyKey[]; message: string; code?: string; input?: unknown; errors?: ZodIssueLike[][] };

function toIssues(zodIssues: readonly ZodIssueLike[]): KpiIssue[] {
  const out: KpiIssue[] = [];
  for (const zi of zodIssues) {
    const path = zi.path.map((k) => (typeof k === 'number' ? k : String(k)));
    let message = zi.message;
    if (zi.code === 'unrecognized_keys' || !message) message = `invalid value, got ${describeInput(zi.input)}`;
    out.push(issue(path, message));
  }
  return out;
}

/** Reads JSON text into a value; anything else passes through. An unparsable text becomes an issue at the root. */
export function readJsonText(
  input: unknown,
): { value: unknown; issue?: undefined } | { value?: undefined; issue: KpiIssue } {
  if (typeof input !== 'string') return { value: input };
  try {
    return { value: JSON.parse(input) };
  } catch (error) {
    return { issue: issue([], `expected JSON text, got text that does not parse (${(error as Error).message})`) };
  }
}

/**
 * Validates `input` against one kind's schema: the core of {@link parseKpi}, for
 * code that knows its kind (a widget bundles only its own schema this way).
 * Never throws.
 */
export function parseWith<T>(
  schema: z.ZodMiniType,
  kind: string,
  input: unknown,
): { ok: true; doc: T; issues: [] } | { ok: false; doc?: undefined; issues: KpiIssue[] } {
  try {
    const read = readJsonText(input);
    if (read.issue) return { ok: false, issues: [read.issue] };
    const value = read.value;
    if (!isRecord(value)) {
      return { ok: false, issues: [issue([], `expected a KPI document (a JSON object), got ${describeInput(value)}`)] };
    }
    const docKind = value['kind'];
    if (docKind !== kind) {
      return {
        ok: false,
        issues: [
          issue(['kind'], `expected "${kind}" (this widget shows ${kind} documents), got ${describeInput(docKind)}`),
        ],
      };
    }
    const v = value['version'];
    if (typeof v === 'number' && Number.isFinite(v) && v > CONTRACT_VERSION) {
      return {
        ok: false,
        issues: [
          issue(
            ['version'],
            `this document is version ${v} of the contract, ` +
              `but this kpi-kit reads version ${CONTRACT_VERSION}; ` +
              `upgrade kpi-kit to show it`,
          ),
        ],
      };
    }
    // Valid documents take the fast path (the same output, no eval: see fast-parse.ts); zod judges the rest.
    const fast = fastParse(schema, value);
    if (fast !== UNSURE) return { ok: true, doc: fast as T, issues: [] };
    const result = schema.safeParse(value, { jitless: true, reportInput: true });
    if (!result.success) return { ok: false, issues: toIssues(result.error.issues as unknown as ZodIssueLike[]) };
    // Valid, though the fast path gave up (a present `undefined`, a `__proto__` key…): the document holds only JSON
    // values, so a
    // JSON round trip makes it what the fast path would have (every -0 read as 0, no undefined keys).
    return { ok: true, doc: JSON.parse(JSON.stringify(result.data)) as T, issues: [] };
  } catch (error) {
    // A validator must never throw at its caller (e.g. a stack overflow on absurd nesting).
    return {
      ok: false,
      issues: [issue([], `the document could not be read (${(error as Error)?.message ?? 'unknown error'})`)],
    };
  }
}
