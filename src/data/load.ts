/**
 * Canonical tables onto an engine: a file (CSV, Parquet, JSON) loaded into DuckDB, or a PostgreSQL
 * table behind a view, with canonical column types; a bad value stops the load with an
 * {@link InputError} naming the file, the line or row, the column, the value and what was expected.
 */
import { missingNamedColumns } from './build-checks.js';
import { InputError, type SqlEngine } from './engines.js';
import { TABLES, type TableSpec } from './tables.js';

export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The canonical projection of a relation whose columns (name → type) are `found`: missing optional columns are NULL.
 */
function canonicalSelect(spec: TableSpec, found: Map<string, string>, engine: SqlEngine['dialect']): string {
  const col = (c: string) => ident(c);
  const text = spec.text.map((c) =>
    found.has(c) ? `NULLIF(CAST(${col(c)} AS VARCHAR), '') AS ${c}` : `CAST(NULL AS VARCHAR) AS ${c}`,
  );
  // Timestamps become TIMESTAMP in UTC (wall clock): days, weeks and months in UTC are then plain arithmetic, and only
  // another --tz pays for a time-zone conversion. Without an offset a timestamp is UTC (canonical rows, version 1).
  const withOffset = String.raw`[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$`;
  const ts = spec.timestamps.map((c) => {
    const type = found.get(c)?.toUpperCase();
    if (type === undefined) return `CAST(NULL AS TIMESTAMP) AS ${c}`;
    if (/WITH TIME ZONE|TIMESTAMPTZ/.test(type)) return `(${col(c)} AT TIME ZONE 'UTC') AS ${c}`;
    if (/^TIMESTAMP/.test(type)) return `CAST(${col(c)} AS TIMESTAMP) AS ${c}`;
    if (/^DATE/.test(type)) return `CAST(${col(c)} AS TIMESTAMP) AS ${c}`;
    if (engine === 'postgres') return `(CAST(NULLIF(${col(c)}, '') AS TIMESTAMPTZ) AT TIME ZONE 'UTC') AS ${c}`;
    return (
      `CASE WHEN regexp_matches(${col(c)}, '${withOffset}') ` +
      `THEN (TRY_CAST(${col(c)} AS TIMESTAMPTZ) AT TIME ZONE 'UTC') ` +
      `ELSE TRY_CAST(NULLIF(${col(c)}, '') AS TIMESTAMP) END AS ${c}`
    );
  });
  const nums = spec.numbers.map(({ column: c, integer }) => {
    const type = integer ? 'INTEGER' : engine === 'duckdb' ? 'DECIMAL(38,6)' : 'NUMERIC';
    if (!found.has(c)) return `CAST(NULL AS ${type}) AS ${c}`;
    // Exact numbers stay as they are (no per-row cast); floating point becomes decimal so sums do not depend on order.
    if (/^(DECIMAL|NUMERIC|INTEGER|BIGINT|SMALLINT|TINYINT|HUGEINT)/i.test(found.get(c)!)) return `${col(c)} AS ${c}`;
    return engine === 'duckdb' ? `TRY_CAST(${col(c)} AS ${type}) AS ${c}` : `CAST(${col(c)} AS ${type}) AS ${c}`;
  });
  return [...text, ...ts, ...nums].join(',\n  ');
}

/**
 * The required columns, then the ones a build names (`need`: a segment, a step, a metric's ends), must be in the input.
 */
export function missingColumns(
  spec: TableSpec,
  found: Map<string, string>,
  where: string,
  need: readonly string[] = [],
): void {
  const missing = spec.required.filter((c) => !found.has(c));
  if (missing.length)
    throw new InputError(
      where,
      'line 1',
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
        `found ${[...found.keys()].join(', ') || 'none'}`,
    );
  const named = missingNamedColumns(where, need, found.keys());
  if (named) throw new InputError(where, 'line 1', named.slice(where.length + 2));
}

/** One check of an input's values, as data: which column, which test, what it expects (said when it fails). */
export interface ValueCheck {
  column: string;
  test: 'empty' | 'timestamp' | 'required-timestamp' | 'integer' | 'number' | 'enum';
  expected: string;
  values?: readonly string[];
}

/** How an engine writes each test: the condition a bad row meets. */
export interface CheckSql {
  empty(column: string): string;
  timestamp(column: string, required: boolean): string;
  integer(column: string): string;
  number(column: string): string;
  notIn(column: string, values: readonly string[]): string;
}

/** A check as its engine's condition. */
export const checkSql = (sql: CheckSql, c: ValueCheck): string =>
  c.test === 'empty'
    ? sql.empty(c.column)
    : c.test === 'timestamp' || c.test === 'required-timestamp'
      ? sql.timestamp(c.column, c.test === 'required-timestamp')
      : c.test === 'enum'
        ? sql.notIn(c.column, c.values ?? [])
        : sql[c.test](c.column);

/**
 * The checks of a canonical table's values that an input with these columns needs: required text not empty, text
 * timestamps ISO 8601, text numbers numbers, closed sets closed. `textual` says which columns the input holds as text;
 * `proven` lists those known to hold no empty value (Parquet statistics).
 */
export function valueChecks(
  spec: TableSpec,
  found: ReadonlyMap<string, string>,
  textual: (column: string) => boolean,
  proven: ReadonlySet<string> = new Set(),
): ValueCheck[] {
  const checks: ValueCheck[] = [];
  for (const c of spec.required.filter((r) => spec.text.includes(r) && !proven.has(r)))
    checks.push({ column: c, test: 'empty', expected: `a non-empty ${c.endsWith('_id') ? 'id' : 'value'}` });
  for (const c of spec.timestamps.filter(textual)) {
    const required = spec.required.includes(c);
    checks.push({
      column: c,
      test: required ? 'required-timestamp' : 'timestamp',
      expected: `an ISO 8601 timestamp${required ? '' : ' or nothing'}`,
    });
  }
  for (const { column: c, integer } of spec.numbers.filter((n) => textual(n.column)))
    checks.push({ column: c, test: integer ? 'integer' : 'number', expected: integer ? 'an integer' : 'a number' });
  for (const [c, values] of Object.entries(spec.enums ?? {}))
    if (found.has(c)) checks.push({ column: c, test: 'enum', expected: `one of ${values.join(', ')}`, values });
  return checks;
}

/**
 * Loads an orders file (CSV with a header, Parquet or JSON) into DuckDB as the temporary
 * table `orders` with canonical types. A bad value stops the load with an {@link InputError}
 * naming the file, the line (CSV, as an editor counts them, header = 1) or row, the column,
 * the value and what was expected.
 */
export function loadOrdersFile(engine: SqlEngine, file: string): Promise<{ rows: number }> {
  return loadTableFile(engine, file, TABLES.orders);
}

/**
 * Loads a canonical file of `spec` (orders, events, frictions) into DuckDB (or ClickHouse) as the table named after it;
 * see {@link loadOrdersFile}.
 */
export async function loadTableFile(
  engine: SqlEngine,
  file: string,
  spec: TableSpec,
  need: readonly string[] = [],
): Promise<{ rows: number }> {
  if (engine.dialect === 'clickhouse')
    return (await import('./clickhouse.js')).loadClickHouseFile(engine, file, spec, need);
  if (engine.dialect !== 'duckdb')
    throw new Error(`files load into DuckDB or ClickHouse; with PostgreSQL, --${spec.name} names a table`);
  const { existsSync } = await import('node:fs');
  if (!existsSync(file)) throw new InputError(file, '', 'no such file');
  const kind = /\.parquet$/i.test(file) ? 'parquet' : /\.json$/i.test(file) ? 'json' : 'csv';
  const source =
    kind === 'parquet'
      ? `read_parquet(${sqlString(file)}, file_row_number = true)`
      : kind === 'json'
        ? `read_json(${sqlString(file)}, format = 'array')`
        : `read_csv(${sqlString(file)}, header = true, all_varchar = true, ` +
          `delim = ',', quote = '"', escape = '"', strict_mode = true)`;
  if (kind === 'csv') await checkCsvShape(file);
  const view = `kpi_source_${spec.name}`;
  try {
    await engine.all(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT * FROM ${source}`);
  } catch (e) {
    throw await unreadable(file, kind, e as Error);
  }
  const found = new Map(
    (await engine.all(`DESCRIBE ${view}`)).map((r) => [String(r['column_name']), String(r['column_type'])]),
  );
  missingColumns(spec, found, file, need);
  // The first bad value, if any: one pass before the typed table is made.
  const varchar = (c: string) => found.get(c) === 'VARCHAR';
  // Plain predicates on the file's own columns, so Parquet row groups whose statistics rule them out are skipped.
  const asText = (c: string) => (varchar(c) ? ident(c) : `CAST(${ident(c)} AS VARCHAR)`);
  // Parquet's statistics can prove a column has no null and no empty value: then it needs no scan.
  const proven = new Set<string>();
  if (kind === 'parquet') {
    const stats = await engine
      .all(
        `SELECT path_in_schema AS c, sum(stats_null_count) AS nulls, ` +
          `bool_and(stats_min_value IS NOT NULL) AS known, min(stats_min_value) AS least
  FROM parquet_metadata(${sqlString(file)}) GROUP BY path_in_schema`,
      )
      .catch(() => []);
    for (const r of stats)
      if (Number(r['nulls']) === 0 && r['known'] === true && String(r['least'] ?? '') !== '')
        proven.add(String(r['c']));
  }
  const duck: CheckSql = {
    empty: (c) => `${ident(c)} IS NULL OR ${asText(c)} = ''`,
    timestamp: (c, required) =>
      `${required ? `${ident(c)} IS NULL OR ` : ''}(NULLIF(${ident(c)}, ` +
      `'') IS NOT NULL AND TRY_CAST(${ident(c)} AS TIMESTAMPTZ) IS NULL)`,
    integer: (c) =>
      `NULLIF(${ident(c)}, '') IS NOT NULL ` +
      `AND coalesce(TRY_CAST(${ident(c)} AS DOUBLE) ` +
      `<> floor(TRY_CAST(${ident(c)} AS DOUBLE)), true)`,
    number: (c) =>
      `NULLIF(${ident(c)}, '') IS NOT NULL AND NOT coalesce(isfinite(TRY_CAST(${ident(c)} AS DOUBLE)), false)`,
    notIn: (c, values) => `CAST(${ident(c)} AS VARCHAR) NOT IN (${values.map(sqlString).join(', ')})`,
  };
  const checks = valueChecks(spec, found, varchar, proven).map((c) => ({
    when: checkSql(duck, c),
    says: `${c.column}|${c.expected}`,
  }));
  // The row is turned into JSON only once found: the scan itself reads just the checked columns.
  const problemCase = `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${sqlString(c.says)}`).join('\n    ')} END`;
  const anyProblem = checks.map((c) => `(${c.when})`).join('\n    OR ');
  const problem = checks.length
    ? (
        await engine
          .all(
            `SELECT CAST(${ident(spec.key)} AS VARCHAR) ` +
              `AS kpi_key, ${kind === 'parquet' ? 'file_row_number' : 'CAST(NULL AS BIGINT)'} ` +
              `AS kpi_row_number,
    ${problemCase} AS kpi_problem, to_json(${view}) AS kpi_row_json
  FROM ${view} WHERE ${anyProblem} LIMIT 1`,
          )
          .catch(async (e: Error) => {
            throw await unreadable(file, kind, e);
          })
      )[0]
    : undefined;
  if (problem) {
    const [column, expected] = String(problem['kpi_problem']).split('|') as [string, string];
    const value = (JSON.parse(String(problem['kpi_row_json'])) as Record<string, unknown>)[column];
    const shown = value === null || value === undefined || value === '' ? 'nothing' : JSON.stringify(value);
    const key = problem['kpi_key'] as string | null;
    const where =
      kind === 'csv'
        ? await csvLineOf(file, column, spec.key, key, value)
        : kind === 'parquet'
          ? `row ${Number(problem['kpi_row_number']) + 1}`
          : `${spec.key} ${JSON.stringify(key)}`;
    throw new InputError(file, where, `column ${column}: expected ${expected}, got ${shown}`);
  }
  // Parquet stays where it is (a typed, columnar file each query scans in part); CSV and JSON are parsed once into a
  // table.
  const relation = kind === 'parquet' ? 'VIEW' : 'TABLE';
  const select = canonicalSelect(spec, found, 'duckdb');
  await engine.all(`CREATE OR REPLACE TEMP ${relation} ${spec.name} AS SELECT\n  ${select}\nFROM ${view}`);
  const [count] = await engine.all(`SELECT CAST(count(*) AS BIGINT) AS n FROM ${spec.name}`);
  return { rows: Number(count?.['n'] ?? 0) };
}

/** The bytes of a CSV whose records are checked before DuckDB reads it (its header and first rows). */
const SHAPE_BYTES = 64 * 1024;

/**
 * A CSV written with another delimiter, or a first row with the wrong number of fields, stops the
 * load with the message the memory engine gives for it (`csvShapeProblem`), not DuckDB's guess
 * (which would read a `;` file's first row as its header). Returns the header's names.
 */
export async function checkCsvShape(file: string): Promise<string[]> {
  const { openSync, readSync, closeSync } = await import('node:fs');
  const { csvHeadRows, csvShapeProblem } = await import('./csv.js');
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(SHAPE_BYTES);
  let read: number;
  try {
    read = readSync(fd, buffer, 0, SHAPE_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const rows = csvHeadRows(buffer.subarray(0, read).toString('utf8'), file, read < SHAPE_BYTES);
  const problem = csvShapeProblem(rows, file);
  if (problem) throw new InputError(file, `line ${problem.line}`, problem.message.replace(/^.*?, line \d+: /, ''));
  return (rows[0]?.fields ?? []).map((h) => h.trim());
}

/**
 * A file DuckDB could not read. For a CSV of reasonable size our own parser says where it
 * breaks (the line, as an editor counts them); otherwise DuckDB's first line says why.
 */
export async function unreadable(file: string, kind: string, e: Error): Promise<InputError> {
  if (kind === 'csv') {
    const { statSync, readFileSync } = await import('node:fs');
    if (statSync(file).size < 256 * 1024 * 1024) {
      const { parseCsv, CsvError } = await import('./csv.js');
      try {
        parseCsv(readFileSync(file, 'utf8'), file);
      } catch (c) {
        if (c instanceof CsvError)
          return new InputError(file, `line ${c.line}`, c.message.replace(/^.*?, line \d+: /, ''));
      }
    }
  }
  return new InputError(file, 'line 1', `cannot be read as ${kind.toUpperCase()}: ${e.message.split('\n')[0]}`);
}

/**
 * The line of the first CSV record whose `column` holds `value` (and whose `keyColumn` is
 * `key` when there is one), as an editor counts lines (header = 1; quoted line breaks
 * counted). Streams the file: only the error path pays for it.
 */
export async function csvLineOf(
  file: string,
  column: string,
  keyColumn: string,
  key: string | null,
  value: unknown,
): Promise<string> {
  const { createReadStream } = await import('node:fs');
  const { CsvReader } = await import('./csv.js');
  const want = value === null || value === undefined ? '' : String(value);
  let header: string[] | null = null;
  let found: number | null = null;
  const reader = new CsvReader(file, ',', ({ line, fields }) => {
    if (!header) {
      header = fields.map((h) => h.trim());
      return false;
    }
    const at = (c: string) => fields[header!.indexOf(c)] ?? '';
    if (at(column) !== want || (key !== null && at(keyColumn) !== key)) return false;
    found = line;
    return true;
  });
  try {
    let stopped = false;
    for await (const chunk of createReadStream(file, { encoding: 'utf8' }))
      if ((stopped = reader.push(chunk as string))) break;
    if (!stopped) reader.push('', true);
  } catch {
    // DuckDB read the file; a record our reader refuses only means the line is not found.
  }
  return found === null ? `${keyColumn} ${JSON.stringify(key)}` : `line ${found}`;
}

/**
 * Points the recipes at a PostgreSQL table of canonical orders: a temporary view
 * `kpi_orders` with canonical types (timestamps without a zone are UTC; missing optional
 * columns are NULL). Returns the view's name.
 */
export function useOrdersTable(engine: SqlEngine, table: string): Promise<string> {
  return useTable(engine, table, TABLES.orders);
}

/** A PostgreSQL table's name (schema, table) and its columns with their types; an error when there is no such table. */
async function postgresColumns(engine: SqlEngine, table: string) {
  const m = /^(?:([A-Za-z_][A-Za-z0-9_]*)\.)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(table);
  if (!m) throw new InputError(table, '', 'expected a table name (schema.table or table)');
  const schema = m[1] ? `table_schema = ${sqlString(m[1])}` : 'table_schema = ANY (current_schemas(false))';
  const rows = await engine.all(`SELECT column_name, data_type FROM information_schema.columns
WHERE table_name = ${sqlString(m[2]!)} AND ${schema}`);
  if (!rows.length) throw new InputError(table, '', 'no such table in the database');
  return { m, found: new Map(rows.map((r) => [String(r['column_name']), String(r['data_type'])])) };
}

/** The columns a PostgreSQL table has itself (before {@link useTable} gives it every canonical column). */
export async function databaseTableColumns(engine: SqlEngine, table: string): Promise<Set<string>> {
  return new Set((await postgresColumns(engine, table)).found.keys());
}

/** The same for any canonical table: the view is `kpi_<name>`. */
export async function useTable(
  engine: SqlEngine,
  table: string,
  spec: TableSpec,
  need: readonly string[] = [],
): Promise<string> {
  if (engine.dialect === 'clickhouse')
    return (await import('./clickhouse.js')).useClickHouseTable(engine, table, spec, need);
  if (engine.dialect !== 'postgres') throw new Error('useTable is for PostgreSQL and ClickHouse');
  const { m, found } = await postgresColumns(engine, table);
  missingColumns(spec, found, table, need);
  const view = `kpi_${spec.name}`;
  const source = `${m[1] ? `${ident(m[1])}.` : ''}${ident(m[2]!)}`;
  const select = canonicalSelect(spec, found, 'postgres');
  await engine.all(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT\n  ${select}\nFROM ${source}`);
  return view;
}
