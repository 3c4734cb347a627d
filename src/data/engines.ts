/**
 * The SQL engines of the data path, for Node (the `kpi-kit/node` entry and the CLI):
 * DuckDB embedded, the default, and PostgreSQL through `pg` (ClickHouse: clickhouse.ts). The drivers are optional
 * dependencies of the package: they load here, on first use, and their absence is one
 * line that says what to install. Browser bundles never import this module.
 */
import type { Dialect, Recipe } from './dialects.js';

/** A connection that runs recipe SQL and returns plain rows (numbers, text, null). */
export interface SqlEngine {
  readonly dialect: Extract<Dialect, 'duckdb' | 'postgres' | 'clickhouse'>;
  /** Runs one statement; `params` bind to `$1`, `$2`, … (never pasted into the text). */
  all(sql: string, params?: readonly (string | number | null)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /** Cancels the statement running now, if any (DuckDB: interrupt). */
  interrupt?(): void;
}

/** A driver that is not installed: the message says what to install. */
export class MissingDriverError extends Error {
  constructor(
    readonly driver: string,
    what: string,
  ) {
    super(`${what} needs the optional package ${driver}: npm install ${driver}`);
    this.name = 'MissingDriverError';
  }
}

/** A bad value in an input file, with where it is. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    message: string,
  ) {
    super(where ? `${file}, ${where}: ${message}` : `${file}: ${message}`);
    this.name = 'InputError';
  }
}

/** Imports an optional driver, or throws a {@link MissingDriverError} that says what to install. */
export async function loadDriver<T>(name: string, what: string): Promise<T> {
  try {
    return (await import(/* @vite-ignore */ name)) as T;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new MissingDriverError(name, what);
    throw e;
  }
}

interface DuckApi {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{ connect(): Promise<DuckConnection>; closeSync?(): void }>;
  };
}
interface DuckConnection {
  runAndReadAll(
    sql: string,
    values?: (string | number | null)[],
  ): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
  interrupt(): void;
  readonly progress: { percentage: number };
  closeSync?(): void;
  disconnectSync?(): void;
}

export interface DuckDbOptions {
  /** Worker threads (default: the machine's cores). */
  threads?: number;
  /** DuckDB's memory limit (default 1GB: well under a laptop's memory; larger work spills to tempDirectory). */
  memoryLimit?: string;
  /** Where DuckDB spills when a query outgrows memory (default: the system's temp folder). */
  tempDirectory?: string;
  /** Called with a percentage while a long query runs (the CLI prints it on stderr). */
  onProgress?: (percentage: number) => void;
}

/** DuckDB in memory, UTC, tuned for one batch build. */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<SqlEngine> {
  const { DuckDBInstance } = await loadDriver<DuckApi>('@duckdb/node-api', 'the DuckDB engine (the default)');
  const os = await import('node:os');
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length)),
    memory_limit: options.memoryLimit ?? '1GB',
    temp_directory: options.tempDirectory ?? os.tmpdir(),
    preserve_insertion_order: 'false',
  });
  const connection = await instance.connect();
  await connection.runAndReadAll(`SET TimeZone = 'UTC'`);
  // DuckDB tracks a query's progress only with its progress bar on; it must not print it itself.
  if (options.onProgress)
    await connection.runAndReadAll(
      'SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 500',
    );
  return {
    dialect: 'duckdb',
    async all(sql, params) {
      const timer = options.onProgress
        ? setInterval(() => {
            const p = connection.progress.percentage;
            if (p > 0) options.onProgress!(p);
          }, 1000)
        : undefined;
      try {
        return (await connection.runAndReadAll(sql, params ? [...params] : undefined)).getRowObjectsJson();
      } finally {
        clearInterval(timer);
      }
    },
    interrupt: () => connection.interrupt(),
    async close() {
      connection.closeSync?.();
      connection.disconnectSync?.();
      instance.closeSync?.();
    },
  };
}

interface PgApi {
  default: {
    Client: new (config: { connectionString: string }) => {
      connect(): Promise<void>;
      query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
      end(): Promise<void>;
    };
  };
}

/** A PostgreSQL database (`postgres://user@host:port/db`), session in UTC. */
export async function openPostgres(url: string): Promise<SqlEngine> {
  const pg = await loadDriver<PgApi>('pg', 'the PostgreSQL engine (--db)');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET TIME ZONE 'UTC'`);
  return {
    dialect: 'postgres',
    async all(sql, params) {
      return (await client.query(sql, params ? [...params] : undefined)).rows;
    },
    close: () => client.end(),
  };
}

/** Every query of a recipe, in order, with its rows. */
export async function runRecipe(engine: SqlEngine, recipe: Recipe): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [name, sql] of Object.entries(recipe)) out[name] = await engine.all(sql);
  return out;
}
