/**
 * Canonical `orders` rows (version 1, see the data-path design): what every builder
 * reads, whether the rows come from a recipe, a file or memory. Pure and DOM-free.
 */
import type * as z from 'zod/mini';
import { ORDER_TIMESTAMP_COLUMNS, type TimestampColumn } from './tables.js';
import { qualifying } from './plan.js';
import { parseWith, type KpiIssue } from '../schema/parse.js';

/**
 * One order. Timestamps are ISO 8601 (`2018-06-12T20:07:44Z`, `2018-06-12 20:07:44`); without an offset they are UTC.
 */
export interface OrderRow {
  order_id: string;
  /** The person (Olist: `customer_unique_id`). */
  customer_id: string;
  ordered_at: string;
  approved_at?: string | null;
  shipped_at?: string | null;
  delivered_at?: string | null;
  promised_at?: string | null;
  reviewed_at?: string | null;
  review_score?: number | null;
  /** `canceled`, `cancelled` and `unavailable` orders do not qualify. */
  status?: string | null;
  region_id?: string | null;
  region_label?: string | null;
  region_group?: string | null;
  channel?: string | null;
  /** Money in major units; null counts as 0. */
  amount?: number | null;
  currency?: string | null;
  /** The store (the tenant) the order belongs to, when one table holds several stores' orders. */
  store_id?: string | null;
}

/** Money to the cent, the same on every engine. */
export const cents = (v: number) => Math.round(v * 100) / 100;

const qualifies = qualifying.mem({ day: () => '' });

/**
 * An order counts in revenue, cohorts, channels and forecasts unless canceled or unavailable (every order when there is
 * no status): the recipes' own condition ({@link qualifying}), on one order.
 */
export function isQualifying(order: Pick<OrderRow, 'status'>): boolean {
  return qualifies({ status: order.status || null }) === true;
}

const NO_OFFSET = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
/**
 * An ISO 8601 date-time with its offset (`Z`, `+00`, `-0300`, `+05:30`), as DuckDB and PostgreSQL read them; nothing
 * else.
 */
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** A timestamp with an offset in the one form `Date.parse` reads the same everywhere, or null when it is not one. */
function withOffset(t: string): string | null {
  const m = WITH_OFFSET.exec(t);
  if (!m || !validDay(m[1]!)) return null;
  const zone =
    m[3]!.toUpperCase() === 'Z'
      ? 'Z'
      : m[3]!.length === 3
        ? `${m[3]}:00`
        : m[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return `${m[1]}T${m[2]}${zone}`;
}

/** Whether `YYYY-MM-DD` is a calendar day, remembered: a file of orders repeats a few thousand days. */
const days = new Map<string, boolean>();
function validDay(day: string): boolean {
  let ok = days.get(day);
  if (ok === undefined) {
    ok =
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
    if (days.size < 200_000) days.set(day, ok);
  }
  return ok;
}

/**
 * The UTC calendar day of a timestamp (`2018-06-12`), or null when it is not a
 * timestamp. Without an offset the time is UTC already; with one it is converted.
 */
export function utcDay(timestamp: string | null | undefined): string | null {
  if (!timestamp) return null;
  const t = timestamp.trim();
  if (NO_OFFSET.test(t)) {
    const day = t.slice(0, 10);
    return validDay(day) ? day : null;
  }
  // Only ISO 8601 (as DuckDB reads it): `Date.parse` alone takes "06/01/2026" as 1 June.
  const iso = withOffset(t);
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** A row that breaks the canonical rules, with where it is. */
export class RowError extends Error {
  constructor(
    readonly row: number,
    readonly column: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(
      `row ${row}, column ${column}: expected ${expected}, ` +
        `got ${value === '' || value === undefined || value === null ? 'nothing' : JSON.stringify(value)}`,
    );
    this.name = 'RowError';
  }
}

/** The timestamps after `ordered_at`. */
const LATER = ORDER_TIMESTAMP_COLUMNS.slice(1) as readonly Exclude<TimestampColumn, 'ordered_at'>[];

/**
 * Checks each order (`row` numbers count from 1): the required columns, every timestamp
 * that is given, the amount and the review score. Throws a {@link RowError} at the first bad one.
 */
export function checkOrders(orders: readonly OrderRow[]): void {
  orders.forEach((o, i) => {
    if (!o.order_id) throw new RowError(i + 1, 'order_id', o.order_id, 'a non-empty id');
    if (!o.customer_id) throw new RowError(i + 1, 'customer_id', o.customer_id, 'a non-empty id');
    if (utcDay(o.ordered_at) === null) throw new RowError(i + 1, 'ordered_at', o.ordered_at, 'an ISO 8601 timestamp');
    for (const c of LATER)
      if (o[c] && utcDay(o[c]) === null) throw new RowError(i + 1, c, o[c], 'an ISO 8601 timestamp or nothing');
    if (o.amount !== undefined && o.amount !== null && !Number.isFinite(o.amount))
      throw new RowError(i + 1, 'amount', o.amount, 'a number');
    if (o.review_score !== undefined && o.review_score !== null && !Number.isInteger(o.review_score))
      throw new RowError(i + 1, 'review_score', o.review_score, 'an integer');
  });
}

/** The document failed its own contract: a bug in the builder or its options, never written out. */
export class InvalidDocumentError extends Error {
  constructor(readonly issues: KpiIssue[]) {
    super(`the built document is invalid: ${issues.map((i) => `${i.pathText}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidDocumentError';
  }
}

/** `doc` through its kind's zod `schema` (as `parseKpi` would check it), or an {@link InvalidDocumentError}. */
export function validated<D extends { kind: string }>(doc: D, schema: z.ZodMiniType): D {
  const result = parseWith<D>(schema, doc.kind, doc);
  if (!result.ok) throw new InvalidDocumentError(result.issues);
  return result.doc;
}

/**
 * What every recipe asks first: the orders' currency (the least, when several), whether there are several, the last day
 * with an order.
 */
export interface RecipeFacts {
  currency: string | null;
  /** Orders in more than one currency: their sums mix currencies. */
  mixedCurrencies: boolean;
  last_day: string | null;
  orders: number;
}

/** The facts every orders recipe asks first, from its `facts` rows. */
export function recipeFacts(rows: readonly Record<string, unknown>[] | undefined): RecipeFacts {
  const r = rows?.[0] ?? {};
  return {
    currency: r['least_currency'] == null ? null : String(r['least_currency']),
    mixedCurrencies: r['least_currency'] != null && r['least_currency'] !== r['greatest_currency'],
    last_day: r['last_day'] == null ? null : String(r['last_day']),
    orders: Number(r['orders'] ?? 0),
  };
}

const PLAIN_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** Milliseconds since 1970 of a timestamp (UTC without an offset), or null when it is missing or not a timestamp. */
export function timestampMs(timestamp: string | null | undefined): number | null {
  if (!timestamp) return null;
  // The common shape (`2018-06-12 20:07:44`, UTC) without building a text for Date.parse: a file holds millions.
  const p = PLAIN_TIME.exec(timestamp);
  if (p && Number(p[4]) < 24 && Number(p[5]) < 60 && Number(p[6]) < 60 && validDay(timestamp.slice(0, 10)))
    return Date.UTC(Number(p[1]), Number(p[2]) - 1, Number(p[3]), Number(p[4]), Number(p[5]), Number(p[6]));
  if (utcDay(timestamp) === null) return null;
  const t = timestamp.trim();
  const ms = Date.parse(
    NO_OFFSET.test(t) ? `${t.replace(' ', 'T')}${t.length === 10 ? 'T00:00:00' : ''}Z` : withOffset(t)!,
  );
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Ids from free text (segment values, channels, causes): id characters kept, the rest as _, a suffix where two collide.
 */
export function idMaker(): (value: string) => string {
  const ids = new Set<string>();
  return (value) => {
    const base = value.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 60) || 'unknown';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}_${n}`;
    ids.add(id);
    return id;
  };
}

/**
 * The header fields a builder copies from its options: title and subtitle when given, the period when both ends are.
 */
export function docHeader(
  options: {
    title?: string | undefined;
    subtitle?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  withPeriod = true,
) {
  return {
    ...(options.title ? { title: options.title } : {}),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    ...(withPeriod && options.from && options.to ? { period: { from: options.from, to: options.to } } : {}),
  };
}

/** A number from a recipe row (engines give counts as text or BigInt-safe strings); null and undefined are 0. */
export const recipeNumber = (v: unknown) => Number(v ?? 0);
