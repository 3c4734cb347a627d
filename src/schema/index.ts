import type * as z from 'zod/mini';
import { describeInput } from './common.js';
import { funnelSchema, type FunnelDoc } from './funnel.js';
import { checkoutFrictionSchema, type CheckoutFrictionDoc } from './checkout-friction.js';
import { cohortSchema, type CohortDoc } from './cohort.js';
import { regionalSlaSchema, type RegionalSlaDoc } from './regional-sla.js';
import { channelsSchema, type ChannelsDoc } from './channels.js';

export * from './common.js';
export * from './funnel.js';
export * from './checkout-friction.js';
export * from './cohort.js';
export * from './regional-sla.js';
export * from './channels.js';

/** The zod schema of each kind of KPI document. */
export const schemas = {
  funnel: funnelSchema,
  'checkout-friction': checkoutFrictionSchema,
  cohort: cohortSchema,
  'regional-sla': regionalSlaSchema,
  channels: channelsSchema,
} as const;

export type KpiKind = keyof typeof schemas;
export const KPI_KINDS = Object.keys(schemas) as KpiKind[];

/** The typed document of each kind. */
export interface KpiDocMap {
  funnel: FunnelDoc;
  'checkout-friction': CheckoutFrictionDoc;
  cohort: CohortDoc;
  'regional-sla': RegionalSlaDoc;
  channels: ChannelsDoc;
}
export type KpiDoc = KpiDocMap[KpiKind];

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
}

export type ParseResult<K extends KpiKind = KpiKind> =
  | { ok: true; doc: KpiDocMap[K]; issues: [] }
  | { ok: false; doc?: undefined; issues: KpiIssue[] };

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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Replaces every `-0` with `0` (in place, on a freshly parsed copy). */
function normaliseNegativeZero(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normaliseNegativeZero(value[i]);
    return value;
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value)) value[key] = normaliseNegativeZero(value[key]);
  }
  return value;
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

/**
 * Validates a KPI document.
 *
 * Returns the typed document (`ok: true`) or the list of problems, each with
 * its JSON path and a plain-language message. Never throws.
 *
 * @param input the parsed JSON (an object), or JSON text
 * @param kind the kind the caller expects; when omitted, the document's own `kind` decides
 */
export function parseKpi<K extends KpiKind>(input: unknown, kind: K): ParseResult<K>;
export function parseKpi(input: unknown, kind?: KpiKind): ParseResult;
export function parseKpi(input: unknown, kind?: KpiKind): ParseResult {
  try {
    let value = input;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch (error) {
        return { ok: false, issues: [issue([], `expected JSON text, got text that does not parse (${(error as Error).message})`)] };
      }
    }
    if (!isRecord(value)) {
      return { ok: false, issues: [issue([], `expected a KPI document (a JSON object), got ${describeInput(value)}`)] };
    }
    const docKind = value['kind'];
    const wanted = kind ?? docKind;
    if (typeof wanted !== 'string' || !(wanted in schemas)) {
      return {
        ok: false,
        issues: [issue(['kind'], `expected one of ${KPI_KINDS.map((k) => `"${k}"`).join(', ')}, got ${describeInput(docKind)}`)],
      };
    }
    if (docKind !== wanted) {
      return { ok: false, issues: [issue(['kind'], `expected "${wanted}" (this widget shows ${wanted} documents), got ${describeInput(docKind)}`)] };
    }
    const v = value['version'];
    if (typeof v === 'number' && Number.isFinite(v) && v > CONTRACT_VERSION) {
      return {
        ok: false,
        issues: [issue(['version'], `this document is version ${v} of the contract, but this kpi-kit reads version ${CONTRACT_VERSION}; upgrade kpi-kit to show it`)],
      };
    }
    const schema = schemas[wanted as KpiKind] as unknown as z.ZodMiniType;
    const result = schema.safeParse(value, { jitless: true, reportInput: true });
    if (!result.success) return { ok: false, issues: toIssues(result.error.issues as unknown as ZodIssueLike[]) };
    return { ok: true, doc: normaliseNegativeZero(result.data) as KpiDoc, issues: [] };
  } catch (error) {
    // A validator must never throw at its caller (e.g. a stack overflow on absurd nesting).
    return { ok: false, issues: [issue([], `the document could not be read (${(error as Error)?.message ?? 'unknown error'})`)] };
  }
}
