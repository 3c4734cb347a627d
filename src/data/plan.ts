/**
 * One definition per KPI: a recipe is a small relational plan (a table, derived columns, groups, joins, ranks, unions)
 * built from expressions and aggregates that each say what they mean twice, side by side: as SQL (through the
 * dialect's macros, dialects.ts) and on rows in memory. The expressions are here, the aggregates and relations in
 * plan-parts.ts; plan-run.ts's `printPlan` gives the SQL the engines run and `runPlan` runs the same plan over rows in
 * memory (a browser app's fetched orders, `--engine memory`), so the two paths cannot drift apart; the property tests
 * prove them equal on random rows.
 *
 * In memory, values are what the engines hold: text (`''` read as nothing, as the loaders do), numbers, dates as
 * `YYYY-MM-DD`, timestamps as milliseconds since 1970 (UTC), and null; comparisons with null are null, and a WHERE
 * keeps only rows whose condition is true, as in SQL.
 */
import { checkDate, type Macros, type PeriodUnit } from './dialects.js';
import { alignedStart } from '../compute/periods.js';
import { NOT_QUALIFYING_STATUSES, type TableSpec } from './tables.js';

export type Row = Record<string, unknown>;
/** What a column holds; `bigint` and `number` come back as numbers, `date` as `YYYY-MM-DD`, `bool` is a condition. */
export type ValueType = 'text' | 'number' | 'bigint' | 'date' | 'ts' | 'bool';

/** What printing needs: the dialect's macros, the time zone and each input table's relation (already checked). */
export interface SqlScope {
  m: Macros;
  tz: string;
  tables: Readonly<Record<string, string>>;
}

/** What running in memory needs: the time zone's calendar day of a timestamp. */
export interface MemScope {
  day(ms: number): string;
}

/** A value of a row: its SQL text, and a function computing it from a row in memory. */
export interface Expr {
  readonly type: ValueType;
  /** The sides of a join it reads (so the rows of one side can be kept before joining, in memory). */
  readonly reads: ReadonlySet<string>;
  /** Of an AND: the conditions it joins. */
  readonly conjuncts?: readonly Expr[];
  sql(s: SqlScope): string;
  mem(s: MemScope): (r: Row) => unknown;
}

/**
 * An aggregate over a group's rows: its SQL text, and in memory a fold: a group's state starts at `start()`, takes
 * each row (`add` gives the new state) and ends as `value(state)`. States are plain values, so a group of a million
 * customers allocates no closures.
 */
export interface Agg {
  readonly type: ValueType;
  sql(s: SqlScope): string;
  mem(s: MemScope): AggRun;
}
export interface AggRun {
  start(): unknown;
  add(state: unknown, r: Row): unknown;
  value(state: unknown): unknown;
}

/** An input table, with the columns a plan reads of it and their types. */
export interface TableRel {
  kind: 'table';
  table: string;
  columns: Readonly<Record<string, ValueType>>;
}
/** Two relations joined on equal columns (`a.x = b.y`): rows `{ a, b }`, read with {@link left} and {@link right}. */
export interface JoinSource {
  kind: 'join';
  a: Rel;
  b: Rel;
  on: readonly (readonly [string, string])[];
}
export type Source = Rel | JoinSource;
export interface SelectRel {
  kind: 'select';
  name: string;
  from: Source;
  where?: Expr | undefined;
  columns: Readonly<Record<string, Expr>>;
}
/** A GROUP BY (no keys: one row, even over no rows, as SQL gives). */
export interface GroupRel {
  kind: 'group';
  name: string;
  from: Source;
  where?: Expr | undefined;
  by: Readonly<Record<string, Expr>>;
  measures: Readonly<Record<string, Agg>>;
}
/** The distinct values of a column, each with its dense rank from 0 (the order is the engine's; only rank counts). */
export interface RankRel {
  kind: 'rank';
  name: string;
  from: Rel;
  column: string;
  as: string;
}
export interface UnionRel {
  kind: 'union';
  name: string;
  parts: readonly (SelectRel | GroupRel)[];
}
export type Rel = TableRel | SelectRel | GroupRel | RankRel | UnionRel;
/** A plan: named statements, each returning flat rows. */
export type Plan = Readonly<Record<string, Rel>>;

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;
/** The sides of a join an expression reads: `a`, `b`, both (or a plain row's columns: `row`). */
type Side = 'a' | 'b' | 'row';
const expr = (type: ValueType, sql: Expr['sql'], mem: Expr['mem'], of: readonly Expr[] = [], side?: Side): Expr => ({
  type,
  sql,
  mem,
  reads: side ? new Set([side]) : new Set(of.flatMap((e) => [...e.reads])),
});

/** A column of the relation read (of a join, read a side's columns with {@link left} and {@link right}). */
export const col = (name: string, type: ValueType = 'text'): Expr =>
  expr(
    type,
    () => name,
    () => (r) => r[name] ?? null,
    [],
    'row',
  );
/** A column of a join's first relation (`a`). */
export const left = (name: string, type: ValueType = 'text'): Expr =>
  expr(
    type,
    () => `a.${name}`,
    () => (r) => (r['a'] as Row)[name] ?? null,
    [],
    'a',
  );
/** A column of a join's second relation (`b`). */
export const right = (name: string, type: ValueType = 'text'): Expr =>
  expr(
    type,
    () => `b.${name}`,
    () => (r) => (r['b'] as Row)[name] ?? null,
    [],
    'b',
  );

/** A constant: a number, NULL, or text the recipe itself checked (event names, statuses: no quote in them). */
export const lit = (value: string | number | null, type: ValueType = typeof value === 'number' ? 'number' : 'text') =>
  expr(
    type,
    () => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value}'`),
    () => () => value,
  );
/** A date constant (`YYYY-MM-DD`, checked by the recipe). */
export const dateLit = (iso: string) =>
  expr(
    'date',
    (s) => s.m.date(iso),
    () => () => iso,
  );

/** The first of its arguments that is not null. */
export const coalesce = (...args: Expr[]) =>
  expr(
    args[0]!.type,
    (s) => `COALESCE(${args.map((a) => a.sql(s)).join(', ')})`,
    (s) => {
      const fs = args.map((a) => a.mem(s));
      return (r) => {
        for (const f of fs) {
          const v = f(r);
          if (!isNull(v)) return v;
        }
        return null;
      };
    },
    args,
  );

/** A text column where `''` is nothing (warehouses keep `''`; in memory it is read as nothing already). */
export const present = (name: string) =>
  expr(
    'text',
    (s) => s.m.present(name),
    () => (r) => r[name] ?? null,
    [],
    'row',
  );

/** `e` as text. */
export const text = (e: Expr) =>
  expr(
    'text',
    (s) => s.m.text(e.sql(s)),
    (s) => {
      const f = e.mem(s);
      return (r) => {
        const v = f(r);
        return isNull(v) ? null : String(v);
      };
    },
    [e],
  );

type Op = '<' | '<=' | '=' | '>=' | '>';
const COMPARE: Record<Op, (a: never, b: never) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
};
/** `a op b`: null when either is null. */
export const compare = (a: Expr, op: Op, b: Expr) =>
  expr(
    'bool',
    (s) => `${a.sql(s)} ${op} ${b.sql(s)}`,
    (s) => {
      const [fa, fb, c] = [a.mem(s), b.mem(s), COMPARE[op]];
      return (r) => {
        const x = fa(r);
        const y = fb(r);
        return isNull(x) || isNull(y) ? null : c(x as never, y as never);
      };
    },
    [a, b],
  );

/** Three-valued AND (false wins over null) and OR (true wins over null), as SQL's. */
const logic = (word: 'AND' | 'OR', args: readonly Expr[]) =>
  expr(
    'bool',
    (s) => (args.length === 1 ? args[0]!.sql(s) : `(${args.map((a) => a.sql(s)).join(` ${word} `)})`),
    (s) => {
      const fs = args.map((a) => a.mem(s));
      const wins = word === 'OR';
      return (r) => {
        let unknown = false;
        for (const f of fs) {
          const v = f(r);
          if (isNull(v)) unknown = true;
          else if (v === wins) return wins;
        }
        return unknown ? null : !wins;
      };
    },
    args,
  );
export const and = (...args: Expr[]): Expr => ({ ...logic('AND', args), conjuncts: args });
export const or = (...args: Expr[]) => logic('OR', args);

export const isMissing = (e: Expr) =>
  expr(
    'bool',
    (s) => `${e.sql(s)} IS NULL`,
    (s) => {
      const f = e.mem(s);
      return (r) => isNull(f(r));
    },
    [e],
  );
export const isGiven = (e: Expr) =>
  expr(
    'bool',
    (s) => `${e.sql(s)} IS NOT NULL`,
    (s) => {
      const f = e.mem(s);
      return (r) => !isNull(f(r));
    },
    [e],
  );

/** `e [NOT] IN (…)` over constants the recipe checked; null when `e` is null. */
export const within = (e: Expr, values: readonly string[], not = false) =>
  expr(
    'bool',
    (s) => `${e.sql(s)} ${not ? 'NOT IN' : 'IN'} (${values.map((v) => `'${v}'`).join(', ')})`,
    (s) => {
      const f = e.mem(s);
      const set = new Set(values);
      return (r) => {
        const v = f(r);
        return isNull(v) ? null : set.has(String(v)) !== not;
      };
    },
    [e],
  );

/** `CASE WHEN cond THEN then ELSE otherwise END` (otherwise NULL). */
export const when = (cond: Expr, then: Expr, otherwise?: Expr) =>
  expr(
    then.type,
    (s) => `CASE WHEN ${cond.sql(s)} THEN ${then.sql(s)}${otherwise ? ` ELSE ${otherwise.sql(s)}` : ''} END`,
    (s) => {
      const [fc, ft, fo] = [cond.mem(s), then.mem(s), otherwise?.mem(s)];
      return (r) => (fc(r) === true ? ft(r) : fo ? fo(r) : null);
    },
    otherwise ? [cond, then, otherwise] : [cond, then],
  );

/** `e / by`, by a constant. */
export const divide = (e: Expr, by: number) =>
  expr(
    'number',
    (s) => `${e.sql(s)} / ${by}`,
    (s) => {
      const f = e.mem(s);
      return (r) => {
        const v = f(r);
        return isNull(v) ? null : (v as number) / by;
      };
    },
    [e],
  );

/** The calendar day of a timestamp in the build's time zone. */
export const localDay = (ts: Expr) =>
  expr(
    'date',
    (s) => s.m.localDay(ts.sql(s), s.tz),
    (s) => {
      const f = ts.mem(s);
      return (r) => {
        const v = f(r);
        return isNull(v) ? null : s.day(v as number);
      };
    },
    [ts],
  );

/** The first day of the day, ISO week or month holding a timestamp, in the build's time zone. */
export const periodStart = (unit: PeriodUnit, ts: Expr) =>
  expr(
    'date',
    (s) => s.m.periodStart(unit, ts.sql(s), s.tz),
    (s) => {
      const f = ts.mem(s);
      const starts = new Map<string, string>();
      return (r) => {
        const v = f(r);
        if (isNull(v)) return null;
        const day = s.day(v as number);
        let start = starts.get(day);
        if (start === undefined) starts.set(day, (start = alignedStart(day, unit)));
        return start;
      };
    },
    [ts],
  );

/** `to − from` in seconds. */
export const secondsBetween = (from: Expr, to: Expr) =>
  expr(
    'number',
    (s) => s.m.secondsBetween(from.sql(s), to.sql(s)),
    (s) => {
      const [ff, ft] = [from.mem(s), to.mem(s)];
      return (r) => {
        const a = ff(r);
        const b = ft(r);
        return isNull(a) || isNull(b) ? null : ((b as number) - (a as number)) / 1000;
      };
    },
    [from, to],
  );

/** An input table and the columns a plan reads of it, typed by the catalogue (tables.ts). */
export function table(spec: TableSpec, columns: readonly string[]): TableRel {
  const type = (c: string): ValueType =>
    spec.timestamps.includes(c) ? 'ts' : spec.numbers.some((n) => n.column === c) ? 'number' : 'text';
  return { kind: 'table', table: spec.name, columns: Object.fromEntries(columns.map((c) => [c, type(c)])) };
}

/** A column of a canonical table, typed by the catalogue. */
export function columnOf(spec: TableSpec): (name: string) => Expr {
  const t = table(spec, [...spec.text, ...spec.timestamps, ...spec.numbers.map((n) => n.column)]).columns;
  return (name) => col(name, t[name] ?? 'text');
}

/**
 * The qualifying-order rule, written once: an order counts in revenue, cohorts, channels and forecasts unless its
 * status is canceled or unavailable (every order without a status). The recipes filter by it; `isQualifying` runs it
 * on one order.
 */
export const qualifying = or(isMissing(col('status')), within(col('status'), NOT_QUALIFYING_STATUSES, true));

/** Keeps the local days `from`..`to` (checked dates; either may be absent) of a timestamp. */
export function inPeriod(ts: Expr, o: { from?: string | undefined; to?: string | undefined }): Expr[] {
  const day = localDay(ts);
  return [
    ...(o.from ? [compare(day, '>=', dateLit(checkDate('from', o.from)))] : []),
    ...(o.to ? [compare(day, '<=', dateLit(checkDate('to', o.to)))] : []),
  ];
}
