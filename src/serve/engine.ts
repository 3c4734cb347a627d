/**
 * The engine behind `kpi-kit serve`: canonical files loaded once into DuckDB (reloaded when a
 * file changes), or PostgreSQL tables through a pool. A build runs in a session that sees only
 * its filters' rows: temporary copies of the tables, made with the filter values bound as
 * parameters (`$1`, `$2`, …), never pasted into SQL. A query past the timeout is cancelled.
 */
import { InputError, MissingDriverError, loadDriver, openDuckDb, type SqlEngine } from '../data/engines.js';
import { databaseTableColumns, loadTableFile, useTable } from '../data/load.js';
import { TABLES } from '../data/tables.js';
import { brazilianState } from '../data/regions.js';
import type { SqlSource, TableName } from '../data/paths/common.js';
import { FILTER_COLUMNS, FILTER_FIELDS, type Filters } from './request.js';

/** The engine cannot be reached (PostgreSQL stopped, a connection refused): 503, try again. */
export class EngineUnavailableError extends Error {
  constructor(cause: Error) {
    super(`the database cannot be reached: ${cause.message.split('\n')[0]}`);
    this.name = 'EngineUnavailableError';
  }
}

/** A query ran past the timeout and was cancelled: 504. */
export class QueryTimeoutError extends Error {
  constructor(ms: number) {
    super(`the query ran past ${ms} ms and was cancelled`);
    this.name = 'QueryTimeoutError';
  }
}

/** The client went away before its build's turn came: the build is skipped. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the request before its build started');
    this.name = 'ClientGoneError';
  }
}

/** The tables a server reads: files (DuckDB) or, with `db`, PostgreSQL table names. */
export interface ServeTables {
  orders?: string;
  events?: string;
  frictions?: string;
  /** `postgres://user@host:port/db`: the tables are in it. */
  db?: string;
  /** Cancel a query past this many milliseconds (default 30 000). */
  queryTimeout?: number;
}

/** One distinct value of a filter field, for a picker. */
export interface FilterValue {
  id: string;
  label: string;
  group?: string;
  count: number;
}

/** What the handler needs of an engine. */
export interface ServeEngine {
  /** The tables it holds. */
  readonly tables: readonly TableName[];
  /** Loads or connects; an input problem throws here (the server then does not start). */
  open(): Promise<void>;
  /**
   * Runs `build` on relations holding only the rows `filters` allow (`tables`: the ones it reads); `need`: columns the
   * build names, which each table must have.
   */
  scoped<T>(
    tables: readonly TableName[],
    filters: Filters,
    build: (source: SqlSource) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T>;
  /** The columns a table has itself (a file's, a database table's), before loading gives it every canonical one. */
  columns(table: TableName): ReadonlySet<string>;
  /** The distinct values of `field` among the rows `filters` allow (orders, else events), most frequent first. */
  values(field: keyof typeof FILTER_COLUMNS, filters: Filters, signal?: AbortSignal): Promise<FilterValue[]>;
  /** Resolves when the engine answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Errors of a driver that mean "not reachable now" (node's socket codes; PostgreSQL classes 08 and 57P). */
const UNREACHABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EPIPE|EHOSTUNREACH|08\w{3}|57P0[1-3])$/;
const UNREACHABLE_TEXT = new RegExp(
  [
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error',
    'connection is closed',
    'Cannot use a pool after calling end',
  ].join('|'),
  'i',
);

/** A driver error as the server answers it: unreachable (503), cancelled (504), or itself. */
export function classifyEngineError(e: unknown, timeoutMs: number): Error {
  if (!(e instanceof Error)) return new Error(String(e));
  if (e instanceof EngineUnavailableError || e instanceof QueryTimeoutError) return e;
  const code = String((e as { code?: unknown }).code ?? '');
  if (code === '57014' || /INTERRUPT/i.test(e.message)) return new QueryTimeoutError(timeoutMs);
  if (UNREACHABLE_CODES.test(code) || UNREACHABLE_TEXT.test(e.message)) return new EngineUnavailableError(e);
  return e;
}

/** `WHERE` conditions for `filters` on a relation with the filter columns, and their bound values. */
export function filterWhere(filters: Filters, first = 1): { where: string; params: string[] } {
  const params: string[] = [];
  const conditions: string[] = [];
  for (const field of FILTER_FIELDS) {
    const values = filters[field];
    if (!values) continue;
    if (!values.length) {
      conditions.push('FALSE');
      continue;
    }
    const slots = values.map((v) => {
      params.push(v);
      return `$${first + params.length - 1}`;
    });
    conditions.push(`${FILTER_COLUMNS[field]} IN (${slots.join(', ')})`);
  }
  return { where: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}

/** Whether `filters` narrow anything. */
const narrows = (filters: Filters) => FILTER_FIELDS.some((f) => filters[f] !== undefined);

/**
 * Makes `kpi_scope_<table>` for each table of `tables` on a session, holding the rows `filters` allow (frictions: those
 * of the actors left in the events, and of the stores asked for), and returns their names.
 */
async function scopeTables(
  session: SqlEngine,
  base: Partial<Record<TableName, string>>,
  tables: readonly TableName[],
  filters: Filters,
): Promise<Partial<Record<TableName, string>>> {
  const out: Partial<Record<TableName, string>> = {};
  for (const t of tables) {
    const name = `kpi_scope_${t}`;
    const { where, params } =
      t === 'frictions' ? filterWhere({ ...(filters.store ? { store: filters.store } : {}) }) : filterWhere(filters);
    const actors = t === 'frictions' && out.events ? ` AND actor_id IN (SELECT actor_id FROM ${out.events})` : '';
    await session.all(`DROP TABLE IF EXISTS ${name}`);
    // Made empty, then filled: PostgreSQL binds parameters in an INSERT, not in CREATE TABLE AS.
    await session.all(`CREATE TEMP TABLE ${name} AS SELECT * FROM ${base[t]} LIMIT 0`);
    await session.all(`INSERT INTO ${name} SELECT * FROM ${base[t]} WHERE ${where}${actors}`, params);
    out[t] = name;
  }
  return out;
}

async function dropScope(session: SqlEngine, scoped: Partial<Record<TableName, string>>): Promise<void> {
  for (const name of Object.values(scoped)) await session.all(`DROP TABLE IF EXISTS ${name}`);
}

/** The distinct values query of a filter field on a relation (`rel` and the column from allow-lists only). */
function valuesSql(field: keyof typeof FILTER_COLUMNS, rel: string, isOrders: boolean, where: string): string {
  const col = FILTER_COLUMNS[field];
  const extra =
    field === 'region' && isOrders
      ? 'min(region_label) AS label, min(region_group) AS grp'
      : 'CAST(NULL AS VARCHAR) AS label, CAST(NULL AS VARCHAR) AS grp';
  return `SELECT CAST(${col} AS VARCHAR) AS id, ${extra}, CAST(count(*) AS BIGINT) AS n
FROM ${rel} WHERE ${col} IS NOT NULL AND ${where}
GROUP BY ${col} ORDER BY n DESC, id`;
}

function valueRows(rows: Record<string, unknown>[], field: keyof typeof FILTER_COLUMNS): FilterValue[] {
  return rows.map((r) => {
    const id = String(r['id']);
    // A Brazilian state without its name in the rows (events have no region_label) gets it from the UF table.
    const state = field === 'region' ? brazilianState(id.replace(/^BR-/, '')) : null;
    const label = r['label'] ?? state?.region_label ?? id;
    const group = r['grp'] ?? state?.region_group;
    return { id, label: String(label), ...(group == null ? {} : { group: String(group) }), count: Number(r['n']) };
  });
}

/** Runs `f`, cancelling it through `interrupt` past `ms` (a {@link QueryTimeoutError}). */
async function withTimeout<T>(ms: number, interrupt: () => void, f: () => Promise<T>): Promise<T> {
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    interrupt();
  }, ms);
  try {
    return await f();
  } catch (e) {
    throw fired ? new QueryTimeoutError(ms) : classifyEngineError(e, ms);
  } finally {
    clearTimeout(timer);
  }
}

const TABLE_NAMES: readonly TableName[] = ['orders', 'events', 'frictions'];

/** The files of `t` as loaded: path, modification time and size (a change reloads them). */
interface Loaded {
  stamp: string;
  columns: Set<string>;
}

/** DuckDB embedded over canonical files; one connection, one build at a time (each query uses every core). */
export function duckDbServeEngine(files: ServeTables): ServeEngine {
  const tables = TABLE_NAMES.filter((t) => files[t]);
  const timeout = files.queryTimeout ?? 30_000;
  let db: SqlEngine | null = null;
  const loaded = new Map<TableName, Loaded>();
  let queue: Promise<unknown> = Promise.resolve();
  /** One session at a time on the connection. */
  const exclusive = <T>(f: (db: SqlEngine) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    const run = queue.then(async () => {
      // A request whose client has gone does not hold up the ones behind it.
      if (signal?.aborted) throw new ClientGoneError();
      db ??= await openDuckDb();
      await reloadChanged(db);
      return f(db);
    });
    queue = run.catch(() => undefined);
    return run;
  };
  async function reloadChanged(engine: SqlEngine): Promise<void> {
    const { statSync } = await import('node:fs');
    for (const t of tables) {
      const file = files[t]!;
      let stamp: string;
      try {
        const st = statSync(file);
        stamp = `${st.mtimeMs}:${st.size}`;
      } catch {
        throw new InputError(file, '', 'no such file');
      }
      if (loaded.get(t)?.stamp === stamp) continue;
      await loadTableFile(engine, file, TABLES[t]);
      const described = await engine.all(`DESCRIBE kpi_source_${t}`);
      loaded.set(t, { stamp, columns: new Set(described.map((r) => String(r['column_name']))) });
    }
  }
  return {
    tables,
    open: () => exclusive(async () => undefined),
    columns: (t) => loaded.get(t)?.columns ?? new Set(),
    scoped: (need, filters, build, signal) =>
      exclusive(
        (engine) =>
          withTimeout(
            timeout,
            () => engine.interrupt?.(),
            async () => {
              const base = Object.fromEntries(need.map((t) => [t, t]));
              if (!narrows(filters)) return build({ engine, ...base });
              const scoped = await scopeTables(engine, base, need, filters);
              try {
                return await build({ engine, ...scoped });
              } finally {
                await dropScope(engine, scoped);
              }
            },
          ),
        signal,
      ),
    values: (field, filters, signal) =>
      exclusive(async (engine) => {
        const rel = tables.includes('orders') ? 'orders' : 'events';
        const { where, params } = filterWhere(filters);
        return valueRows(await engine.all(valuesSql(field, rel, rel === 'orders', where), params), field);
      }, signal),
    ping: () => exclusive(async (engine) => void (await engine.all('SELECT 1'))),
    async close() {
      await queue;
      await db?.close();
      db = null;
    },
  };
}

interface PgClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(destroy?: boolean): void;
}
interface PgPool {
  connect(): Promise<PgClient>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  on(event: 'error', f: (e: Error) => void): void;
  end(): Promise<void>;
}
interface PgPoolApi {
  default: { Pool: new (config: Record<string, unknown>) => PgPool };
}

/**
 * PostgreSQL through a pool: each build on one pooled connection, with canonical views of the
 * tables made once per connection, statements cancelled by the server past the timeout.
 */
export function postgresServeEngine(options: ServeTables & { db: string; connections?: number }): ServeEngine {
  const tables = TABLE_NAMES.filter((t) => options[t]);
  const timeout = options.queryTimeout ?? 30_000;
  let pool: PgPool | null = null;
  const ready = new WeakSet<PgClient>();
  const columns = new Map<TableName, Set<string>>();
  async function getPool(): Promise<PgPool> {
    if (pool) return pool;
    const pg = await loadDriver<PgPoolApi>('pg', 'the PostgreSQL engine (--db)');
    pool = new pg.default.Pool({
      connectionString: options.db,
      max: options.connections ?? 10,
      statement_timeout: timeout,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 10_000,
    });
    // An idle connection dropped by the server (a restart) is an event, not a crash.
    pool.on('error', () => undefined);
    return pool;
  }
  const sessionEngine = (client: PgClient): SqlEngine => ({
    dialect: 'postgres',
    all: async (sql, params) => (await client.query(sql, params ? [...params] : undefined)).rows,
    close: async () => undefined,
  });
  async function session<T>(f: (e: SqlEngine) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let client: PgClient;
    try {
      client = await (await getPool()).connect();
    } catch (e) {
      if (e instanceof MissingDriverError) throw e;
      throw classifyEngineError(e, timeout);
    }
    // A request whose client has gone while it waited for a connection does not run.
    if (signal?.aborted) {
      client.release();
      throw new ClientGoneError();
    }
    let broken = false;
    try {
      const engine = sessionEngine(client);
      if (!ready.has(client)) {
        await engine.all(`SET TIME ZONE 'UTC'`);
        for (const t of tables) {
          await useTable(engine, options[t]!, TABLES[t]);
          // The table's own columns, as DuckDB's are the file's: a build that names one it lacks is refused.
          columns.set(t, await databaseTableColumns(engine, options[t]!));
        }
        ready.add(client);
      }
      return await f(engine);
    } catch (e) {
      const c = classifyEngineError(e, timeout);
      broken = c instanceof EngineUnavailableError;
      throw c;
    } finally {
      client.release(broken);
    }
  }
  const base = Object.fromEntries(tables.map((t) => [t, `kpi_${t}`]));
  return {
    tables,
    open: () => session(async () => undefined),
    columns: (t) => columns.get(t) ?? new Set(),
    scoped: (need, filters, build, signal) =>
      session(async (engine) => {
        if (!narrows(filters)) return build({ engine, ...Object.fromEntries(need.map((t) => [t, base[t]])) });
        const scoped = await scopeTables(engine, base, need, filters);
        try {
          return await build({ engine, ...scoped });
        } finally {
          await dropScope(engine, scoped);
        }
      }, signal),
    values: (field, filters, signal) =>
      session(async (engine) => {
        const rel = tables.includes('orders') ? 'orders' : 'events';
        const { where, params } = filterWhere(filters);
        return valueRows(await engine.all(valuesSql(field, base[rel]!, rel === 'orders', where), params), field);
      }, signal),
    ping: () =>
      session(async (engine) => {
        await engine.all('SELECT 1');
      }),
    async close() {
      const p = pool;
      pool = null;
      await p?.end();
    },
  };
}
