/**
 * The contract across kinds: the kinds, their typed documents, and the one validator. Made from the
 * maps of src/kinds/all.ts (generated from the kind modules), so a new kind needs nothing here.
 */
import type * as z from 'zod/mini';
import { describeInput } from '../schema/common.js';
import { isRecord, issue, parseWith, readJsonText, type KpiIssue } from '../schema/parse.js';
import type { BuildColumnOptions, NamedColumns } from '../data/build-checks.js';
import { KIND_FACTS, schemas, type KpiDocMap, type KpiKind } from './all.js';
import type { KindFacts } from './facts.js';
import { BOARD_DOCS, boardSchemaFor, type BoardManifest } from '../schema/board.js';

export const KPI_KINDS = Object.keys(schemas) as KpiKind[];

export type KpiDoc = KpiDocMap[KpiKind];

/** A `<kpi-board>` manifest: widgets of the kit's kinds with shared filters (contract kind `board`). */
export type KpiBoardManifest = BoardManifest<KpiKind>;

/** The board manifest's zod schema, for every kind of the contract. */
export const boardSchema = boardSchemaFor(KPI_KINDS as [KpiKind, ...KpiKind[]]);

/** The board manifest's facts for the build (its JSON Schema's descriptions). */
export const BOARD_FACTS = { kind: 'board', docs: BOARD_DOCS } as const;

/** Every kind of contract document: the KPI kinds and `board`. */
export type ContractKind = KpiKind | 'board';

/** The typed document of every contract kind. */
export type ContractDocMap = KpiDocMap & { board: KpiBoardManifest };

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

export type ParseResult<K extends ContractKind = KpiKind> =
  | { ok: true; doc: ContractDocMap[K]; issues: [] }
  | { ok: false; doc?: undefined; issues: KpiIssue[] };

/**
 * Validates a KPI document.
 *
 * Returns the typed document (`ok: true`) or the list of problems, each with
 * its JSON path and a plain-language message. Never throws.
 *
 * @param input the parsed JSON (an object), or JSON text
 * @param kind the kind the caller expects (`board` for a `<kpi-board>` manifest); when omitted, the document's own
 * `kind` decides among the KPI kinds
 */
export function parseKpi<K extends ContractKind>(input: unknown, kind: K): ParseResult<K>;
export function parseKpi(input: unknown, kind?: KpiKind): ParseResult;
export function parseKpi(input: unknown, kind?: ContractKind): ParseResult<ContractKind> {
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
  if (kind === 'board')
    return parseWith(boardSchema as unknown as z.ZodMiniType, 'board', value) as ParseResult<'board'>;
  if (isRecord(value) && (typeof wanted !== 'string' || !(wanted in schemas))) {
    return {
      ok: false,
      issues: [
        issue(
          ['kind'],
          wanted === 'board'
            ? 'expected a KPI document, got a board manifest: validate it with parseKpi(doc, "board")'
            : `expected one of ${KPI_KINDS.map((k) => `"${k}"`).join(', ')}, got ${describeInput(docKind)}`,
        ),
      ],
    };
  }
  const k = (typeof wanted === 'string' && wanted in schemas ? wanted : 'funnel') as KpiKind;
  return parseWith(schemas[k] as unknown as z.ZodMiniType, k, value) as ParseResult;
}

/**
 * Why a built document has nothing to show, or null when it has (its kind module's rule): no
 * qualifying order made a cohort, a channel or a region, nothing reached the funnel's first step,
 * nobody entered the checkout, or no qualifying order fell in any forecast period.
 */
export function emptyReason(doc: KpiDoc): string | null {
  const facts: KindFacts<KpiDoc> = KIND_FACTS[doc.kind] as KindFacts<never>;
  return facts.data.emptyReason(doc);
}

/**
 * Which columns a build's options name (its kind module's rule): they must be in its input, or the build would silently
 * read nulls.
 */
export function namedColumns(kind: KpiKind, options: BuildColumnOptions): NamedColumns {
  const facts: KindFacts = KIND_FACTS[kind];
  return facts.data.namedColumns?.(options) ?? {};
}
