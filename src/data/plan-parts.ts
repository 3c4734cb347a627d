/**
 * The aggregates and relations a recipe's plan is made of (plan.ts has the expressions and the types): each aggregate
 * says its SQL and, in memory, its fold over a group's rows.
 */
import type {
  Agg,
  AggRun,
  Expr,
  GroupRel,
  JoinSource,
  RankRel,
  Rel,
  SelectRel,
  Source,
  UnionRel,
  ValueType,
} from './plan.js';

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;
const agg = (type: ValueType, sql: Agg['sql'], mem: Agg['mem']): Agg => ({ type, sql, mem });

/** A fold whose state is its value. */
const fold = (start: () => unknown, add: AggRun['add'], value: AggRun['value'] = (x) => x): AggRun => ({
  start,
  add,
  value,
});

/** The rows of the group. */
export const count = () =>
  agg(
    'bigint',
    () => 'count(*)',
    () =>
      fold(
        () => 0,
        (n) => (n as number) + 1,
      ),
  );

/** The values of `e` in the group that are not null. */
export const countOf = (e: Expr) =>
  agg(
    'bigint',
    (s) => `count(${e.sql(s)})`,
    (s) => {
      const f = e.mem(s);
      return fold(
        () => 0,
        (n, r) => (isNull(f(r)) ? n : (n as number) + 1),
      );
    },
  );

/** A constant beside a group's aggregates (`0 AS step`). */
export const constant = (value: number | null, type: ValueType = 'bigint') =>
  agg(
    type,
    () => (value === null ? 'NULL' : String(value)),
    () =>
      fold(
        () => value,
        (x) => x,
      ),
  );

/** The rows of the group where `cond` holds. */
export const countIf = (cond: Expr) =>
  agg(
    'bigint',
    (s) => s.m.filteredCount(cond.sql(s)),
    (s) => {
      const f = cond.mem(s);
      return fold(
        () => 0,
        (n, r) => (f(r) === true ? (n as number) + 1 : n),
      );
    },
  );

/** The distinct values of `e` in the group, nulls left out. */
export const countDistinct = (e: Expr) =>
  agg(
    'bigint',
    (s) => `count(DISTINCT ${e.sql(s)})`,
    (s) => {
      const f = e.mem(s);
      return fold(
        () => new Set<unknown>(),
        (seen, r) => {
          const v = f(r);
          if (!isNull(v)) (seen as Set<unknown>).add(v);
          return seen;
        },
        (seen) => (seen as Set<unknown>).size,
      );
    },
  );

/** The sum of `e` (null over no values, as SQL's); a sum of counts is a count. */
export const sum = (e: Expr) =>
  agg(
    e.type === 'bigint' ? 'bigint' : 'number',
    (s) => `sum(${e.sql(s)})`,
    (s) => {
      const f = e.mem(s);
      return fold(
        () => null,
        (total, r) => {
          const v = f(r);
          return isNull(v) ? total : ((total as number | null) ?? 0) + (v as number);
        },
      );
    },
  );

const extreme = (word: 'min' | 'max', e: Expr) =>
  agg(
    e.type,
    (s) => `${word}(${e.sql(s)})`,
    (s) => {
      const f = e.mem(s);
      const better = word === 'min' ? (a: never, b: never) => a < b : (a: never, b: never) => a > b;
      return fold(
        () => null,
        (best, r) => {
          const v = f(r);
          return !isNull(v) && (best === null || better(v as never, best as never)) ? v : best;
        },
      );
    },
  );
export const min = (e: Expr) => extreme('min', e);
export const max = (e: Expr) => extreme('max', e);

/** Type-7 percentile of `e` (linear between closest ranks), nulls left out; null over no values. */
export const percentile = (p: number, e: Expr) =>
  agg(
    'number',
    (s) => s.m.percentile(p, e.sql(s)),
    (s) => {
      const f = e.mem(s);
      return fold(
        () => [] as number[],
        (xs, r) => {
          const v = f(r);
          if (!isNull(v)) (xs as number[]).push(v as number);
          return xs;
        },
        (state) => {
          const xs = state as number[];
          if (!xs.length) return null;
          xs.sort((a, b) => a - b);
          const h = (xs.length - 1) * p;
          const lo = Math.floor(h);
          return xs[lo]! + (h - lo) * (xs[Math.min(lo + 1, xs.length - 1)]! - xs[lo]!);
        },
      );
    },
  );

/** Bitwise OR of `1 << bit` over the group: a set of up to 63 members (a BigInt in memory). */
export const setMask = (bit: Expr) =>
  agg(
    'bigint',
    (s) => s.m.setMask(bit.sql(s)),
    (s) => {
      const f = bit.mem(s);
      return fold(
        () => 0n,
        (mask, r) => (mask as bigint) | (1n << BigInt(f(r) as number)),
      );
    },
  );

// ------------------------------------------------------------------------------------------------ relations

export const join = (a: Rel, b: Rel, on: JoinSource['on']): JoinSource => ({ kind: 'join', a, b, on });
export const select = (name: string, from: Source, columns: Record<string, Expr>, where?: Expr): SelectRel => ({
  kind: 'select',
  name,
  from,
  columns,
  where,
});
export const group = (
  name: string,
  from: Source,
  by: Record<string, Expr>,
  measures: Record<string, Agg>,
  where?: Expr,
): GroupRel => ({ kind: 'group', name, from, by, measures, where });
export const rank = (name: string, from: Rel, column: string, as: string): RankRel => ({
  kind: 'rank',
  name,
  from,
  column,
  as,
});
export const union = (name: string, parts: UnionRel['parts']): UnionRel => ({ kind: 'union', name, parts });
