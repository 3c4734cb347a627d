/**
 * ClickHouse as an engine of the data path: in-process on chDB (`--engine clickhouse`, the optional
 * package `chdb`), or a ClickHouse server through the official client (`--db clickhouse://…`, the optional
 * package `@clickhouse/client`). Files (CSV, Parquet, JSON) and server tables become the same canonical
 * table the recipes read, with the checks the DuckDB loader makes: a bad value names the file, the line
 * or row, the column and the value. Node only; loaded on first use.
 */
import { InputError, loadDriver, type SqlEngine } from './engines.js';
import {
  checkCsvShape,
  checkSql,
  csvLineOf,
  missingColumns,
  sqlString,
  unreadable,
  valueChecks,
  type CheckSql,
} from './load.js';
import type { TableSpec } from './tables.js';

/** Session settings: UTC days, numbers as JSON numbers, and nulls, not zeros, when a join finds nothing. */
const SETTINGS = {
  session_timezone: 'UTC',
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_decimals: 0,
  join_use_nulls: 1,
} as const;

const ident = (s: string) => `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;

/** JSONEachRow text as rows. */
const eachRow = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);

interface ChdbSession {
  queryAsync(sql: string, options?: { format?: string }): Promise<{ text(): string }>;
  cleanup(): void;
}
interface ChdbApi {
  Session: new (path?: string) => ChdbSession;
}

/** The engine's statements take no bound parameters: options reach ClickHouse SQL only as checked text. */
function noParams(params: readonly unknown[] | undefined): void {
  if (params?.length) throw new Error('the ClickHouse engines bind no parameters');
}

/** ClickHouse in this process (chDB): a session of its own, in a temporary folder removed on close. */
export async function openChdb(): Promise<SqlEngine> {
  const { Session } = await loadDriver<ChdbApi>('chdb', 'the ClickHouse engine (--engine clickhouse)');
  let session: ChdbSession;
  try {
    session = new Session();
  } catch (e) {
    // chDB keeps one session per process: a second engine is a program's mistake, said plainly.
    throw new Error(
      `the ClickHouse engine (chDB) runs one session per process; close the other first (${(e as Error).message})`,
    );
  }
  const settings = Object.entries(SETTINGS)
    .map(([k, v]) => `${k} = ${typeof v === 'string' ? sqlString(v) : v}`)
    .join(', ');
  await session.queryAsync(`SET ${settings}`);
  let open = true;
  return {
    dialect: 'clickhouse',
    async all(sql, params) {
      noParams(params);
      return eachRow((await session.queryAsync(sql, { format: 'JSONEachRow' })).text());
    },
    async close() {
      if (open) session.cleanup();
      open = false;
    },
  };
}

interface ClickHouseClientApi {
  ClickHouseLogLevel: { OFF: number };
  createClient(config: {
    url: string;
    username?: string;
    password?: string;
    database?: string;
    session_id?: string;
    clickhouse_settings?: Record<string, string | number>;
    log?: { level: number };
  }): {
    query(q: { query: string; format: 'JSONEachRow' }): Promise<{ json<T>(): Promise<T[]> }>;
    command(q: { query: string }): Promise<unknown>;
    close(): Promise<void>;
  };
}

/**
 * A ClickHouse server (`clickhouse://user:password@host:8123/database`, or `clickhouses://` for HTTPS) through the
 * official client, in one session of its own (the canonical table is a temporary table of that session), in UTC.
 */
export async function openClickHouse(url: string): Promise<SqlEngine> {
  const { createClient, ClickHouseLogLevel } = await loadDriver<ClickHouseClientApi>(
    '@clickhouse/client',
    'the ClickHouse engine (--db clickhouse://)',
  );
  const u = new URL(url);
  if (u.protocol !== 'clickhouse:' && u.protocol !== 'clickhouses:')
    throw new Error(`--db: expected clickhouse://user@host:8123/database, got ${u.protocol}`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined;
  const client = createClient({
    url: `${u.protocol === 'clickhouses:' ? 'https' : 'http'}://${u.hostname}:${u.port || '8123'}`,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(database ? { database } : {}),
    session_id: `kpi-kit-${globalThis.crypto.randomUUID()}`,
    clickhouse_settings: { ...SETTINGS },
    // The client's own log is off: a failed query reaches the user once, as the engine's error.
    log: { level: ClickHouseLogLevel.OFF },
  });
  return {
    dialect: 'clickhouse',
    async all(sql, params) {
      noParams(params);
      if (/^\s*(CREATE|DROP|INSERT|SET)\b/i.test(sql)) {
        await client.command({ query: sql });
        return [];
      }
      return await (await client.query({ query: sql, format: 'JSONEachRow' })).json<Record<string, unknown>>();
    },
    close: () => client.close(),
  };
}

/** The type inside `Nullable(…)` and `LowCardinality(…)`. */
const bare = (type: string): string => {
  const m = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type);
  return m ? bare(m[1]!) : type;
};

/** ClickHouse writes each check on text as the memory reader reads it: trimmed, empty is nothing. */
const CHECKS: CheckSql = {
  empty: (c) => `${ident(c)} IS NULL OR trimBoth(toString(${ident(c)})) = ''`,
  timestamp: (c, required) =>
    `${required ? `${ident(c)} IS NULL OR ${ident(c)} = '' OR ` : ''}(nullIf(${ident(c)}, '') IS NOT NULL AND ` +
    `(NOT match(${ident(c)}, ${sqlString(ISO_TIMESTAMP)}) OR ${timestamp(ident(c))} IS NULL))`,
  integer: (c) =>
    `nullIf(${ident(c)}, '') IS NOT NULL AND ifNull(toFloat64OrNull(trimBoth(${ident(c)})) != ` +
    `floor(toFloat64OrNull(trimBoth(${ident(c)}))), true)`,
  number: (c) =>
    `nullIf(${ident(c)}, '') IS NOT NULL AND NOT ifNull(isFinite(toFloat64OrNull(trimBoth(${ident(c)}))), false)`,
  notIn: (c, values) => `toString(${ident(c)}) NOT IN (${values.map(sqlString).join(', ')})`,
};

/** ISO 8601 as the canonical files write it: a date, a time, an offset or Z (DuckDB's TIMESTAMPTZ accepts these). */
const ISO_TIMESTAMP = String.raw`^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$`;

/** Text read as a UTC timestamp (an offset is honoured; none means UTC). */
const timestamp = (text: string) => `parseDateTime64BestEffortOrNull(nullIf(trimBoth(${text}), ''), 6, 'UTC')`;

/** The canonical projection on ClickHouse: `''` is nothing, timestamps are DateTime64 in UTC, amounts exact. */
function canonicalSelect(spec: TableSpec, found: ReadonlyMap<string, string>): string {
  const type = (c: string) => bare(found.get(c) ?? '');
  const text = spec.text.map((c) =>
    found.has(c) ? `nullIf(toString(${ident(c)}), '') AS ${c}` : `CAST(NULL AS Nullable(String)) AS ${c}`,
  );
  const ts = spec.timestamps.map((c) => {
    const t = type(c);
    if (!found.has(c)) return `CAST(NULL AS Nullable(DateTime64(6, 'UTC'))) AS ${c}`;
    // DateTime holds an instant: shown in UTC. A date is its midnight in UTC.
    if (/^(DateTime|Date)/.test(t))
      return `CAST(toDateTime64(${ident(c)}, 6, 'UTC') AS Nullable(DateTime64(6, 'UTC'))) AS ${c}`;
    return `${timestamp(`toString(${ident(c)})`)} AS ${c}`;
  });
  const nums = spec.numbers.map(({ column: c, integer }) => {
    if (!found.has(c)) return `CAST(NULL AS Nullable(${integer ? 'Int32' : 'Decimal(38, 6)'})) AS ${c}`;
    if (integer) return `toInt32OrNull(trimBoth(toString(${ident(c)}))) AS ${c}`;
    // Rounded to six places half away from zero, as DuckDB casts to DECIMAL(38,6), so sums are exact and equal.
    const exact = `round(toDecimal128OrNull(trimBoth(toString(${ident(c)})), 18), 6)`;
    return `CAST(${exact} AS Nullable(Decimal(38, 6))) AS ${c}`;
  });
  return [...text, ...ts, ...nums].join(',\n  ');
}

const FORMATS = { csv: 'CSVWithNames', parquet: 'Parquet', json: 'JSONEachRow' } as const;

/** What ClickHouse may guess when it reads JSON: numbers stay numbers and text stays text (no dates read out of it). */
const READ_SETTINGS =
  'SETTINGS input_format_try_infer_dates = 0, ' +
  'input_format_try_infer_datetimes = 0, input_format_json_try_infer_numbers_from_strings = 0, ' +
  "schema_inference_make_columns_nullable = 1, format_csv_delimiter = ','";

/**
 * Loads a canonical file of `spec` into ClickHouse as the table named after it (`orders`, `events`, `frictions`),
 * after the checks DuckDB's loader makes (see loadTableFile).
 */
export async function loadClickHouseFile(
  engine: SqlEngine,
  file: string,
  spec: TableSpec,
  need: readonly string[] = [],
): Promise<{ rows: number }> {
  const { existsSync, realpathSync } = await import('node:fs');
  if (!existsSync(file)) throw new InputError(file, '', 'no such file');
  const kind = /\.parquet$/i.test(file) ? 'parquet' : /\.json$/i.test(file) ? 'json' : 'csv';
  // A CSV's columns are text, named by its header (an empty file has nothing to infer a structure from).
  const structure =
    kind === 'csv' ? (await checkCsvShape(file)).map((h) => `${ident(h)} Nullable(String)`).join(', ') : '';
  const args = [realpathSync(file), FORMATS[kind], ...(structure ? [structure] : [])].map(sqlString);
  const source = `file(${args.join(', ')})`;
  const view = `kpi_source_${spec.name}`;
  let found: Map<string, string>;
  try {
    await engine.all(`DROP TABLE IF EXISTS ${view}`);
    await engine.all(`CREATE TABLE ${view} ENGINE = Memory AS SELECT * FROM ${source} ${READ_SETTINGS}`);
    found = new Map((await engine.all(`DESCRIBE TABLE ${view}`)).map((r) => [String(r['name']), String(r['type'])]));
  } catch (e) {
    throw await unreadable(file, kind, e as Error);
  }
  missingColumns(spec, found, file, need);
  const textual = (c: string) => found.has(c) && bare(found.get(c)!) === 'String';
  const checks = valueChecks(spec, found, textual).map((c) => ({ when: checkSql(CHECKS, c), check: c }));
  if (checks.length) {
    // Which check the first bad row fails, and the value it holds there.
    const which = checks.map((c, i) => `${c.when}, ${i}`).join(', ');
    const value = checks.map((c) => `${c.when}, toString(${ident(c.check.column)})`).join(', ');
    const [problem] = await engine.all(
      `SELECT toString(${ident(spec.key)}) AS kpi_key, multiIf(${which}, -1) AS kpi_check,
  multiIf(${value}, NULL) AS kpi_value
FROM ${view} WHERE ${checks.map((c) => `(${c.when})`).join(' OR ')} LIMIT 1`,
    );
    if (problem) {
      const { column, expected } = checks[Number(problem['kpi_check'])]!.check;
      const value = problem['kpi_value'] as string | null;
      const key = problem['kpi_key'] as string | null;
      const where =
        kind === 'csv' ? await csvLineOf(file, column, spec.key, key, value) : `${spec.key} ${JSON.stringify(key)}`;
      const shown =
        value === null || value === '' ? 'nothing' : JSON.stringify(kind === 'json' ? jsonValue(value) : value);
      throw new InputError(file, where, `column ${column}: expected ${expected}, got ${shown}`);
    }
  }
  await engine.all(`DROP TABLE IF EXISTS ${spec.name}`);
  await engine.all(
    `CREATE TABLE ${spec.name} ENGINE = Memory AS SELECT\n  ${canonicalSelect(spec, found)}\nFROM ${view}`,
  );
  await engine.all(`DROP TABLE ${view}`);
  const [count] = await engine.all(`SELECT count() AS n FROM ${spec.name}`);
  return { rows: Number(count?.['n'] ?? 0) };
}

/** A JSON number comes back from toString as its digits: shown as the number it was. */
const jsonValue = (text: string): unknown => (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : text);

/**
 * Points the recipes at a ClickHouse table (`table` or `database.table`) of canonical orders, events or frictions:
 * its canonical columns as the session's temporary table `kpi_<name>` (`''` is nothing, timestamps in UTC, missing
 * optional columns NULL). Returns the table's name.
 */
export async function useClickHouseTable(
  engine: SqlEngine,
  table: string,
  spec: TableSpec,
  need: readonly string[] = [],
): Promise<string> {
  const m = /^(?:([A-Za-z_][A-Za-z0-9_]*)\.)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(table);
  if (!m) throw new InputError(table, '', 'expected a table name (database.table or table)');
  const name = `${m[1] ? `${ident(m[1])}.` : ''}${ident(m[2]!)}`;
  const rows = await engine.all(`DESCRIBE TABLE ${name}`).catch((e: Error) => {
    if (/UNKNOWN_TABLE|UNKNOWN_DATABASE|doesn't exist|does not exist/i.test(e.message))
      throw new InputError(table, '', 'no such table in the database');
    throw e;
  });
  const found = new Map(rows.map((r) => [String(r['name']), String(r['type'])]));
  missingColumns(spec, found, table, need);
  const copy = `kpi_${spec.name}`;
  await engine.all(`DROP TEMPORARY TABLE IF EXISTS ${copy}`);
  await engine.all(
    `CREATE TEMPORARY TABLE ${copy} ENGINE = Memory AS SELECT\n  ${canonicalSelect(spec, found)}\nFROM ${name}`,
  );
  return copy;
}
