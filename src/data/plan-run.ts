/**
 * The plans of plan.ts (their parts in plan-parts.ts) printed as SQL, one statement per plan entry with each
 * intermediate relation a CTE, and run over rows in memory.
 */
import { MACROS, checkTimeZone, relation, type Dialect, type Recipe, type RecipeContext } from './dialects.js';
import type { TableSpec } from './tables.js';
import { timestampMs } from './orders.js';
import type { Expr, JoinSource, MemScope, Plan, Rel, Row, Source, SqlScope, TableRel, ValueType } from './plan.js';

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;
/** The calendar day (`YYYY-MM-DD`) of a moment in milliseconds, in `tz`. */
export function calendarDay(tz: string): (ms: number) => string {
  if (tz === 'UTC') {
    // A file of orders spans a few thousand days: each day's text is made once.
    const days = new Map<number, string>();
    return (ms) => {
      const d = Math.floor(ms / 86_400_000);
      let text = days.get(d);
      if (text === undefined) days.set(d, (text = new Date(d * 86_400_000).toISOString().slice(0, 10)));
      return text;
    };
  }
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (ms) => {
    const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
    return `${parts['year']}-${parts['month']}-${parts['day']}`;
  };
}

// ------------------------------------------------------------------------------------------------ SQL

/** The SQL that names a relation where another reads it: a table's relation, else its CTE's name. */
const ref = (r: Rel, s: SqlScope) => (r.kind === 'table' ? s.tables[r.table]! : r.name);

const sourceSql = (src: Source, s: SqlScope): string =>
  src.kind === 'join'
    ? `${ref(src.a, s)} a JOIN ${ref(src.b, s)} b ON ${src.on.map(([x, y]) => `a.${x} = b.${y}`).join(' AND ')}`
    : ref(src, s);

/** A statement's own columns as the engines give them back: counts as BIGINT, sums as DOUBLE, dates as text. */
function output(type: ValueType, sql: string, s: SqlScope): string {
  if (type === 'bigint') return s.m.bigint(sql);
  if (type === 'number') return s.m.double(sql);
  if (type === 'date') return s.m.dateText(sql);
  return sql;
}

function columnsSql(columns: [string, ValueType, string][], s: SqlScope, outer: boolean): string {
  return columns
    .map(([name, type, sql]) =>
      outer ? `${output(type, sql, s)} AS ${s.m.out(name)}` : sql === name ? sql : `${sql} AS ${name}`,
    )
    .join(',\n  ');
}

/** One relation's SELECT (`outer`: the statement's own, with typed output columns). */
function bodySql(r: Exclude<Rel, TableRel>, s: SqlScope, outer: boolean): string {
  if (r.kind === 'union') return r.parts.map((p) => bodySql(p, s, outer)).join('\nUNION ALL\n');
  if (r.kind === 'rank') {
    const c = r.column;
    const bit = `dense_rank() OVER (ORDER BY ${c}) - 1`;
    return `SELECT ${columnsSql(
      [
        [c, 'text', c],
        [r.as, 'bigint', bit],
      ],
      s,
      outer,
    )}\nFROM (SELECT DISTINCT ${c} FROM ${ref(r.from, s)}) d`;
  }
  const where = r.where ? `\nWHERE ${r.where.sql(s)}` : '';
  const from = `\nFROM ${sourceSql(r.from, s)}${where}`;
  if (r.kind === 'select')
    return `SELECT ${columnsSql(
      Object.entries(r.columns).map(([n, e]) => [n, e.type, e.sql(s)]),
      s,
      outer,
    )}${from}`;
  const keys = Object.entries(r.by).map(([n, e]): [string, ValueType, string] => [n, e.type, e.sql(s)]);
  const measures = Object.entries(r.measures).map(([n, a]): [string, ValueType, string] => [n, a.type, a.sql(s)]);
  const groupBy = keys.length ? `\nGROUP BY ${keys.map(([, , sql]) => sql).join(', ')}` : '';
  return `SELECT ${columnsSql([...keys, ...measures], s, outer)}${from}${groupBy}`;
}

const inputs = (r: Rel): Rel[] => {
  if (r.kind === 'table') return [];
  if (r.kind === 'union') return r.parts.flatMap(inputs);
  if (r.kind === 'rank') return [r.from];
  return r.from.kind === 'join' ? [r.from.a, r.from.b] : [r.from];
};

/** One statement: the relations it reads, in order, as CTEs, then its own SELECT. */
function statementSql(top: Exclude<Rel, TableRel>, s: SqlScope): string {
  const ctes: string[] = [];
  const seen = new Set<Rel>();
  const visit = (r: Rel) => {
    if (seen.has(r) || r.kind === 'table') return;
    seen.add(r);
    inputs(r).forEach(visit);
    if (r !== top) ctes.push(`${r.name} AS (\n${bodySql(r, s, false).replace(/^/gm, '  ')}\n)`);
  };
  visit(top);
  return `${ctes.length ? `WITH ${ctes.join(', ')}\n` : ''}${bodySql(top, s, true)}`;
}

/** A plan as the SQL `dialect` runs: one query per statement (`tables`: each input's relation, checked). */
export function printPlan(plan: Plan, dialect: Dialect, tz: string, tables: Record<string, string>): Recipe {
  const s: SqlScope = { m: MACROS[dialect], tz, tables };
  const out: Recipe = {};
  for (const [name, r] of Object.entries(plan)) {
    if (r.kind === 'table') throw new Error(`the plan's ${name} is a bare table`);
    out[name] = statementSql(r, s);
  }
  return out;
}

/** The SQL of a plan over orders (and events, frictions) for a recipe's context: its dialect, relations, time zone. */
export function printed(plan: Plan, c: RecipeContext): Recipe {
  const tables: Record<TableSpec['name'], string> = {
    orders: relation('orders', c.orders, c.dialect),
    events: relation('events', c.events, c.dialect),
    frictions: relation('frictions', c.frictions, c.dialect),
  };
  return printPlan(plan, c.dialect ?? 'duckdb', checkTimeZone(c.tz ?? 'UTC'), tables);
}

// ------------------------------------------------------------------------------------------------ memory

/** A table's rows as the engines hold them: the columns read, `''` as nothing, timestamps in milliseconds. */
function tableRows(t: TableRel, rows: readonly object[]): Row[] {
  const columns = Object.entries(t.columns);
  return rows.map((raw) => {
    const o = raw as Row;
    const r: Row = {};
    for (const [c, type] of columns) {
      const v = o[c];
      r[c] = isNull(v) || v === '' ? null : type === 'ts' ? timestampMs(String(v)) : type === 'text' ? String(v) : v;
    }
    return r;
  });
}

/** A row's id by some of its values: the one value itself, or the values joined (null apart from any text). */
const idOf = (values: unknown[]) =>
  values.length === 1 ? values[0] : values.map((v) => (isNull(v) ? '\u0001' : String(v))).join('\u0000');

function joinRows(j: JoinSource, a: Row[], b: Row[]): Row[] {
  // SQL's equality: a null matches nothing.
  const one = j.on.length === 1 ? j.on[0]! : null;
  const key = (r: Row, side: 0 | 1): unknown => {
    if (one) return r[one[side]] ?? null;
    const parts = j.on.map((pair) => r[pair[side]]);
    return parts.some(isNull) ? null : idOf(parts);
  };
  const byKey = new Map<unknown, Row[]>();
  for (const r of b) {
    const k = key(r, 1);
    if (k === null) continue;
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const out: Row[] = [];
  for (const r of a) {
    const k = key(r, 0);
    for (const m of (k !== null && byKey.get(k)) || []) out.push({ a: r, b: m });
  }
  return out;
}

/** A plan's statements over rows in memory: the same rows, by name, that its SQL gives on an engine. */
export function runPlan(
  plan: Plan,
  data: Readonly<Record<string, readonly object[]>>,
  day: (ms: number) => string,
): Record<string, Row[]> {
  const s: MemScope = { day };
  const done = new Map<Rel, Row[]>();
  const rowsOf = (r: Rel): Row[] => {
    let rows = done.get(r);
    if (!rows) done.set(r, (rows = compute(r)));
    return rows;
  };
  const keep = (rows: Row[], conditions: readonly Expr[], wrap: (x: Row) => Row = (x) => x) => {
    if (!conditions.length) return rows;
    const fs = conditions.map((c) => c.mem(s));
    return rows.filter((x) => fs.every((f) => f(wrap(x)) === true));
  };
  /**
   * A source's rows where `where` holds. Of a join, the conditions on one side alone keep that side's rows before
   * joining (an engine's optimizer does the same): the later steps of a funnel join only their own events.
   */
  const filtered = (src: Source, where: Expr | undefined): Row[] => {
    const conditions = where ? (where.conjuncts ?? [where]) : [];
    if (src.kind !== 'join') return keep(rowsOf(src), conditions);
    const only = (side: string) => (c: Expr) => c.reads.size > 0 && [...c.reads].every((x) => x === side);
    const a = keep(rowsOf(src.a), conditions.filter(only('a')), (x) => ({ a: x }));
    const b = keep(rowsOf(src.b), conditions.filter(only('b')), (x) => ({ b: x }));
    return keep(
      joinRows(src, a, b),
      conditions.filter((c) => !only('a')(c) && !only('b')(c)),
    );
  };
  const compute = (r: Rel): Row[] => {
    if (r.kind === 'table') return tableRows(r, data[r.table] ?? []);
    if (r.kind === 'union') return r.parts.flatMap(rowsOf);
    if (r.kind === 'rank') {
      const values = [...new Set(rowsOf(r.from).map((x) => x[r.column] ?? null))];
      values.sort((x, y) => (x === null ? 1 : y === null ? -1 : x < y ? -1 : x > y ? 1 : 0));
      return values.map((v, i) => ({ [r.column]: v, [r.as]: i }));
    }
    const input = filtered(r.from, r.where);
    if (r.kind === 'select') {
      const names = Object.keys(r.columns);
      const fs = Object.values(r.columns).map((e) => e.mem(s));
      return input.map((x) => {
        const out: Row = {};
        for (let i = 0; i < names.length; i++) out[names[i]!] = fs[i]!(x);
        return out;
      });
    }
    const keyNames = Object.keys(r.by);
    const keyFs = Object.values(r.by).map((e) => e.mem(s));
    const measureNames = Object.keys(r.measures);
    const measureFs = Object.values(r.measures).map((a) => a.mem(s));
    const groups = new Map<unknown, { key: unknown[]; states: unknown[] }>();
    if (!keyNames.length) groups.set('', { key: [], states: measureFs.map((a) => a.start()) });
    const m = measureFs.length;
    const oneKey = keyFs.length === 1 ? keyFs[0]! : null;
    for (const x of input) {
      // One key (most groups): its value is the id, and no array is made per row.
      const single = oneKey ? (oneKey(x) ?? null) : undefined;
      const key = oneKey ? null : keyFs.map((f) => f(x) ?? null);
      const id = oneKey ? single : idOf(key!);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { key: key ?? [single], states: measureFs.map((a) => a.start()) }));
      for (let i = 0; i < m; i++) g.states[i] = measureFs[i]!.add(g.states[i], x);
    }
    return [...groups.values()].map((g) => {
      const out: Row = {};
      keyNames.forEach((n, i) => (out[n] = g.key[i]));
      measureNames.forEach((n, i) => (out[n] = measureFs[i]!.value(g.states[i])));
      return out;
    });
  };
  return Object.fromEntries(Object.entries(plan).map(([name, r]) => [name, rowsOf(r)]));
}
