/**
 * Building blocks shared by every KPI kind (contract version 1).
 *
 * Each leaf schema carries a plain-language `expected …, got …` message so that
 * a backend developer reading an error sees the JSON path and what was wrong,
 * for example `steps[3].count: expected a non-negative integer, got -4`.
 */
import * as z from 'zod/mini';

// Choices are `z.literal([...])` rather than `z.enum([...])`: the same check, issue and
// JSON Schema (`enum`), with one zod type fewer in every bundle (see also mapOf and
// schemaKeywords).

/** Largest magnitude accepted for any number: beyond this a value is a data bug (or an overflow upstream). */
export const MAX_MAGNITUDE = 1e15;
/** Durations longer than this (about 317 years, in seconds) are rejected as absurd. */
export const MAX_SECONDS = 1e10;
export const MAX_LABEL = 200;
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Ids that would be dangerous as object keys: rejected although they match the pattern. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** Short, safe description of a received value, for messages ("got -4", "got a string"). */
export function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input === null) return 'null';
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return 'NaN';
    if (!Number.isFinite(input)) return input > 0 ? 'Infinity' : '-Infinity';
    return String(input);
  }
  if (typeof input === 'string') {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return `an array of ${input.length}`;
  if (typeof input === 'object') return 'an object';
  return `a ${typeof input}`;
}

/** An `error` option that states what was expected and what arrived. */
export function expected(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what}, got ${describeInput(issue.input)}` };
}

/**
 * JSON Schema keywords of the rules below. Each rule is a `z.refine` with our own
 * message, one per rule, where zod has z.int(), z.minimum(), z.maximum(),
 * z.minLength(), z.maxLength() and z.regex(): the same checks, issues and messages,
 * without those seven check types in every bundle (about 0.6 kB gzipped in the
 * whole-kit file). z.toJSONSchema() cannot see a refinement, so the build adds these
 * keywords to dist/schema/*.schema.json (tests/node/package.test.mjs checks them).
 */
export const schemaKeywords = new WeakMap<object, Record<string, unknown>>();

function withKeywords<T extends object>(schema: T, keywords: Record<string, unknown>): T {
  schemaKeywords.set(schema, keywords);
  return schema;
}

/**
 * A number from `min` to `max` (an integer when `integer`); `what` and `whatMax` (default `what`) word the messages.
 */
export function numberIn(what: string, min: number, max: number, whatMax: string, integer = false) {
  return withKeywords(
    z.number(expected(what)).check(
      ...(integer ? [z.refine(Number.isInteger, expected(what))] : []),
      z.refine((v) => v >= min, expected(what)),
      z.refine((v) => v <= max, expected(whatMax || what)),
    ),
    integer ? { type: 'integer', minimum: min, maximum: max } : { minimum: min, maximum: max },
  );
}

/** A string that matches `pattern`; `then` adds checks after it. */
function matching(pattern: RegExp, what: string, whatPattern = what, ...then: z.core.$ZodCheck<string>[]) {
  return withKeywords(
    z.string(expected(what)).check(
      z.refine((v) => pattern.test(v), expected(whatPattern)),
      ...then,
    ),
    { pattern: pattern.source },
  );
}

/** A non-negative integer count. */
export const count = numberIn(
  'a non-negative integer',
  0,
  MAX_MAGNITUDE,
  `a non-negative integer of at most ${MAX_MAGNITUDE}`,
  true,
);
/** A count, or `null` for "not known yet". */
export const nullableCount = z.nullable(count);
/** Money in major units (never negative unless a field says so). */
export const money = numberIn(
  'a non-negative amount of money',
  0,
  MAX_MAGNITUDE,
  `an amount of at most ${MAX_MAGNITUDE}`,
);
/** A non-negative number (percentiles, targets in a metric's unit). */
export const nonNegative = numberIn(
  'a non-negative number',
  0,
  MAX_MAGNITUDE,
  `a non-negative number of at most ${MAX_MAGNITUDE}`,
);
/** Any finite number of sane magnitude (signed). */
export const anyNumber = numberIn(
  'a finite number',
  -MAX_MAGNITUDE,
  MAX_MAGNITUDE,
  `a finite number of at most ${MAX_MAGNITUDE}`,
);
/** A duration in seconds. */
export const seconds = numberIn(
  'a non-negative number of seconds',
  0,
  MAX_SECONDS,
  `a number of seconds of at most ${MAX_SECONDS}`,
);

export const id = matching(
  ID_PATTERN,
  'an id (1-64 characters of A-Z a-z 0-9 _ . : -)',
  undefined,
  z.refine((v) => !RESERVED_IDS.has(v), {
    error: (iss) => `expected an id, got the reserved name ${JSON.stringify(iss.input)}`,
  }),
);
/** A text of at most `max` characters. */
function textOf(max: number) {
  const what = expected(`a text of at most ${max} characters`);
  return withKeywords(z.string(what).check(z.refine((v) => v.length <= max, what)), { maxLength: max });
}
export const label = textOf(MAX_LABEL);
let currencies: Set<string> | undefined;
/**
 * Whether `code` is an ISO 4217 code: one the runtime's `Intl` lists (ICU's table, no copy of it here); any three
 * capitals where `Intl` cannot list them.
 */
function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf?.('currency') ?? []);
  return currencies.size ? currencies.has(code) : /^[A-Z]{3}$/.test(code);
}
const CURRENCY = 'an ISO 4217 currency code such as "BRL"';
// The build lists the codes its Node's Intl knows as the JSON Schema's enum (scripts/build.mjs).
export const currency = withKeywords(z.string(expected(CURRENCY)).check(z.refine(isCurrency, expected(CURRENCY))), {
  pattern: '^[A-Z]{3}$',
});

/** True for a real calendar day in a `YYYY-MM-DD`-shaped text (2018-02-30 is not). */
export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 calendar date (`2026-10-01`). */
export const isoDate = matching(
  /^\d{4}-\d{2}-\d{2}$/,
  'an ISO 8601 date such as "2026-10-01"',
  undefined,
  z.refine(isRealDate, { error: (iss) => `expected a real calendar date, got ${describeInput(iss.input)}` }),
);
/** An ISO 8601 date-time with `Z` or an offset. */
export const isoDateTime = matching(
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
  'an ISO 8601 date-time with Z or an offset',
  'an ISO 8601 date-time with Z or an offset, such as "2026-11-01T03:00:00Z"',
  z.refine((v) => !Number.isNaN(Date.parse(v)) && isRealDate(v.slice(0, 10)), {
    error: (iss) => `expected a real date-time, got ${describeInput(iss.input)}`,
  }),
);

export const period = z.object({ from: isoDate, to: isoDate }, expected('an object { from, to }')).check(
  // Only two real dates are compared: a bad "from" is one problem, not a second one on "to".
  z.refine((p) => !isRealDate(p.from) || !isRealDate(p.to) || p.from <= p.to, {
    error: 'expected "from" on or before "to"',
    path: ['to'],
  }),
);

/** The longest sentence an insight may have. */
export const MAX_SENTENCE = 1000;

/**
 * An insight a document carries (`kpi-kit build --insights`, or the backend's own): the widget shows its `text` (in
 * `lang` when given) and highlights its `marks`. The other fields of `insights()` (type, importance, facts) may come
 * along; the widget does not read them.
 */
const insightSchema = z.object(
  {
    id,
    text: textOf(MAX_SENTENCE),
    marks: z.optional(arrayOf(id, 'ids')),
    // A language tag ("pt-BR") is an id by its characters; the widget only sets it as the sentence's lang.
    lang: z.optional(id),
  },
  expected('an insight object'),
);

/** The optional header fields that every kind may carry. */
export const headerFields = {
  title: z.optional(label),
  subtitle: z.optional(label),
  period: z.optional(period),
  generatedAt: z.optional(isoDateTime),
  insights: z.optional(arrayOf(insightSchema, 'insights')),
};

/** `version` is 1; a newer version gets its own message in {@link parseKpi}. */
export const version = z.literal(1, expected('version 1'));

export function kindLiteral<K extends string>(kind: K) {
  return z.literal(kind, expected(`kind "${kind}"`));
}

export function arrayOf<T extends z.core.SomeType>(item: T, what: string, min = 0) {
  const schema = z.array(item, expected(`an array of ${what}`));
  return min > 0
    ? withKeywords(schema.check(z.refine((v) => v.length >= min, expected(`an array of at least ${min} ${what}`))), {
        minItems: min,
      })
    : schema;
}

/**
 * A JSON object used as a map (metric id → `value`): any keys, every value checked.
 * Same rules and JSON Schema (`additionalProperties`) as `z.record(z.string(), value)`,
 * built from the object schema every document already uses, which keeps zod's record
 * type out of the bundles (about 0.7 kB gzipped).
 */
export function mapOf<T extends z.core.SomeType>(value: T, what: string) {
  return z.catchall(z.object({}, expected(what)), value);
}

/** The part of zod's refinement context that the cross-field checks use. */
export type Ctx = { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[]; input?: unknown }): void };

/** Adds an issue at `path` (relative to the refined schema) to a super-refine context. */
export function addIssue(ctx: Ctx, path: PropertyKey[], message: string, input?: unknown): void {
  ctx.addIssue({ code: 'custom', message, path, input });
}

/** A document that carries money needs its currency: `why` says what carries it (falsy: nothing does). */
export function checkCurrency(ctx: Ctx, doc: { currency?: string }, why: string | false | undefined): void {
  if (why && doc.currency === undefined)
    addIssue(
      ctx,
      ['currency'],
      `expected an ISO 4217 currency code because ${why}, got nothing (the field is missing)`,
    );
}

/** Reports the second and later occurrences of an id within `items`. */
export function checkUniqueIds(ctx: Ctx, items: readonly { id: string }[], basePath: PropertyKey[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id))
      addIssue(ctx, [...basePath, index, 'id'], `expected a unique id, got ${JSON.stringify(item.id)} again`, item.id);
    seen.add(item.id);
  });
}
