import type * as z from 'zod/mini';
import { describeInput } from './common.js';
import { isRecord, issue, parseWith, readJsonText, type KpiIssue } from './parse.js';
import { funnelSchema, type FunnelDoc } from './funnel.js';
import { checkoutFrictionSchema, type CheckoutFrictionDoc } from './checkout-friction.js';
import { cohortSchema, type CohortDoc } from './cohort.js';
import { regionalSlaSchema, type RegionalSlaDoc } from './regional-sla.js';
import { channelsSchema, type ChannelsDoc } from './channels.js';
import { forecastSchema, type ForecastDoc } from './forecast.js';

export * from './common.js';
export * from './funnel.js';
export * from './checkout-friction.js';
export * from './cohort.js';
export * from './regional-sla.js';
export * from './channels.js';
export * from './forecast.js';
export * from './parse.js';

/** The zod schema of each kind of KPI document. */
export const schemas = {
  funnel: funnelSchema,
  'checkout-friction': checkoutFrictionSchema,
  cohort: cohortSchema,
  'regional-sla': regionalSlaSchema,
  channels: channelsSchema,
  forecast: forecastSchema,
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
  forecast: ForecastDoc;
}
export type KpiDoc = KpiDocMap[KpiKind];

/** A document of kind `K` as written in code: everything but `kind`, which {@link defineKpi} adds (or may be given). */
export type KpiDocInput<K extends KpiKind> = Omit<KpiDocMap[K], 'kind'> & { kind?: K };

/**
 * A KPI document written in code, typed by its kind without naming a type:
 * `funnel.data = defineKpi('funnel', { version: 1, steps: [...] })`. TypeScript checks the
 * literal against that kind's contract (a plain object literal would widen `kind: 'funnel'` to
 * `string`, and `as const` makes its arrays readonly); at run time it only sets `kind`.
 * Documents from elsewhere (a response, a file) go through {@link parseKpi} instead.
 */
export function defineKpi<K extends KpiKind>(kind: K, doc: KpiDocInput<K>): KpiDocMap[K] {
  return { ...doc, kind } as KpiDocMap[K];
}

export type ParseResult<K extends KpiKind = KpiKind> =
  | { ok: true; doc: KpiDocMap[K]; issues: [] }
  | { ok: false; doc?: undefined; issues: KpiIssue[] };


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
  const read = readJsonText(input);
  if (read.issue) return { ok: false, issues: [read.issue] };
  const value = read.value;
  let docKind: unknown;
  try {
    docKind = isRecord(value) ? value['kind'] : undefined;
  } catch {
    docKind = undefined;
  }
  const wanted = kind ?? docKind;
  if (isRecord(value) && (typeof wanted !== 'string' || !(wanted in schemas))) {
    return {
      ok: false,
      issues: [issue(['kind'], `expected one of ${KPI_KINDS.map((k) => `"${k}"`).join(', ')}, got ${describeInput(docKind)}`)],
    };
  }
  const k = (typeof wanted === 'string' && wanted in schemas ? wanted : 'funnel') as KpiKind;
  return parseWith(schemas[k] as unknown as z.ZodMiniType, k, value) as ParseResult;
}
