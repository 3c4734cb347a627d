/**
 * `kpi-kit build <kind>` and `kpi-kit sql <kind>`: a kind's document from its tables (in memory, on an engine with
 * files loaded, or on a database's tables read in place) or from its recipe's rows run elsewhere; and its recipe,
 * printed for another engine. Neither names a kind: each kind's data path (src/data/paths/<kind>.ts) says its inputs,
 * its options, its builds and its recipe.
 */
import { type BuildColumnOptions } from '../data/build-checks.js';
import { openChdb, openClickHouse } from '../data/clickhouse.js';
import { DIALECTS, printRecipe } from '../data/dialects.js';
import { openDuckDb, openPostgres } from '../data/engines.js';
import { checkEvents, checkFrictions } from '../data/events.js';
import { ga4EventsSql } from '../data/ga4.js';
import { loadTableFile, useTable } from '../data/load.js';
import { DATA_PATHS } from '../data/paths/all.js';
import {
  asUsage,
  commonOptions,
  flag,
  oneOf,
  UsageError,
  type BuildResult,
  type DataPath,
  type Flags,
  type SqlSource,
  type TableName,
} from '../data/paths/common.js';
import { eventsFromCsv, frictionsFromCsv, ordersFromCsv, ordersFromJson } from '../data/read.js';
import { buildFromRows as buildFromRecipeRows } from '../data/rows-from.js';
import { TABLES } from '../data/tables.js';
import { missingNamedColumns } from '../data/build-checks.js';
import { insights } from '../insights/index.js';
import { emptyReason, namedColumns, type KpiDoc } from '../kinds/contract.js';
import type { KpiKind } from '../kinds/all.js';
import type { Args } from './args.js';
import { log, output, read } from './io.js';

/** A kind's data path, its options and document types left open (each kind checks its own). */
type AnyPath = DataPath<{ tz?: string } & BuildColumnOptions, KpiDoc>;
const PATHS = DATA_PATHS as unknown as Record<string, AnyPath>;

/** The kinds with a data path, in the registry's order. */
const KINDS = Object.keys(DATA_PATHS);

/** A kind's data path and its options, checked. */
function kindOptions(kind: string, options: Flags) {
  const dataPath = PATHS[kind]!;
  const opts = dataPath.options({
    flags: options,
    common: commonOptions(options),
    readJson: (f) => JSON.parse(read(f)),
  });
  return { dataPath, opts };
}

/** One input table's rows from a CSV or JSON file, checked (`--engine memory`). */
function readInMemory(table: TableName, file: string, need: readonly string[] = []): readonly unknown[] {
  if (/\.parquet$/i.test(file))
    throw new UsageError('--engine memory reads CSV and JSON; Parquet needs DuckDB (the default engine)');
  if (table === 'orders')
    return file.endsWith('.json') ? ordersFromJson(read(file), file, need) : ordersFromCsv(read(file), file, need);
  if (file.endsWith('.json')) {
    const rows = JSON.parse(read(file));
    (table === 'events' ? checkEvents : checkFrictions)(rows);
    const missing = missingNamedColumns(file, need, new Set(rows.flatMap((r: object) => Object.keys(r))));
    if (missing) throw new Error(missing);
    return rows;
  }
  return table === 'events' ? eventsFromCsv(read(file), file, need) : frictionsFromCsv(read(file), file);
}

/** Which engine a build runs on: --db's scheme (PostgreSQL or ClickHouse), else --engine (DuckDB by default). */
function engineOf(options: Flags) {
  const db = flag(options, 'db');
  if (!db) return oneOf('engine', flag(options, 'engine') ?? 'duckdb', ['duckdb', 'clickhouse', 'memory']);
  if (options.engine) throw new UsageError('--db names the engine; leave out --engine');
  if (/^postgres(ql)?:\/\//.test(db)) return 'postgres';
  if (/^clickhouses?:\/\//.test(db)) return 'clickhouse-server';
  throw new UsageError(`--db: expected postgres://user@host:5432/db or clickhouse://user@host:8123/db, got ${db}`);
}

/** A build from the kind's tables: in memory, or on an engine (files loaded, or --db's tables read in place). */
async function buildFromTables(kind: string, options: Flags, t0: number): Promise<BuildResult<KpiDoc>> {
  const tables = PATHS[kind]!.inputs(options);
  const db = flag(options, 'db');
  const files: Partial<Record<TableName, string>> = {};
  for (const t of tables) {
    files[t] = flag(options, t);
    if (!files[t])
      throw new UsageError(`build ${kind} needs --${t} <${db ? 'table' : 'file.csv|file.parquet|file.json'}>`);
  }
  const { dataPath, opts } = kindOptions(kind, options);
  // The columns the options name (a segment, the steps, a metric's ends) must be in the input, not read as nulls.
  const need = namedColumns(kind as KpiKind, { ...opts, events: options.events });
  const engine = engineOf(options);
  if (engine === 'memory')
    return dataPath.memory(
      tables.map((t) => readInMemory(t, files[t]!, need[t])),
      opts,
      options,
    );
  // A progress line on stderr while a long query runs: at most one every two seconds.
  let step = 'reading';
  let last = 0;
  const report = (p: number) => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    log(`${step}: ${Math.min(100, p).toFixed(0)}%`);
  };
  const sqlEngine =
    engine === 'postgres'
      ? await openPostgres(db!)
      : engine === 'clickhouse-server'
        ? await openClickHouse(db!)
        : engine === 'clickhouse'
          ? await openChdb()
          : await openDuckDb({ onProgress: report });
  try {
    const source: SqlSource = { engine: sqlEngine };
    for (const t of tables) {
      const name = files[t]!;
      step = `reading ${name}`;
      if (db) source[t] = await useTable(sqlEngine, name, TABLES[t], need[t]);
      else {
        const { rows } = await loadTableFile(sqlEngine, name, TABLES[t], need[t]);
        log(`read ${rows} ${t} from ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        source[t] = t;
      }
    }
    step = `building ${kind}`;
    return await dataPath.sql(source, opts, options);
  } finally {
    await sqlEngine.close();
  }
}

/**
 * --rows-from: the rows of the kind's recipe, run elsewhere (`kpi-kit sql` printed it) and exported, through the same
 * builders.
 */
async function buildFromRows(kind: string, options: Flags, from: string): Promise<BuildResult<KpiDoc>> {
  for (const f of ['orders', 'events', 'frictions', 'db', 'engine'])
    if (options[f]) throw new UsageError(`--rows-from holds the recipe's rows; leave out --${f}`);
  const { dataPath, opts } = kindOptions(kind, options);
  return buildFromRecipeRows(dataPath, from, opts, options);
}

/** `kpi-kit build <kind>`: the document to --out (atomically) or standard output; an empty one is refused. */
export async function build({ options, positional: [kind] }: Args): Promise<void> {
  if (kind === undefined || !KINDS.includes(kind))
    throw new UsageError(
      kind
        ? `build: expected one of ${KINDS.join(', ')}, got ${kind}`
        : `kpi-kit build ${KINDS.join('|')} --orders <file>`,
    );
  const t0 = Date.now();
  const rowsFrom = flag(options, 'rows-from');
  const out = flag(options, 'out');
  const built = rowsFrom ? await buildFromRows(kind, options, rowsFrom) : await buildFromTables(kind, options, t0);
  // What the build left out (negative durations, orders without a region), said on stderr.
  for (const note of built.notes) log(note);
  const { doc } = built;
  // A document with nothing to show is refused (an --out file keeps what it had), unless asked for.
  const empty = emptyReason(doc);
  if (empty && !options['allow-empty']) {
    const from =
      rowsFrom ??
      PATHS[kind]!.inputs(options)
        .map((t) => flag(options, t))
        .join(' and ');
    throw new Error(
      `nothing to build from ${from}: ${empty}` +
        `${out ? `; ${out} left as it was` : ''} (--allow-empty writes the empty document)`,
    );
  }
  // --insights: what the document shows, in the --locale's language, embedded (the widgets show these, not their own).
  if (options.insights) {
    const lang = flag(options, 'locale') ?? 'en';
    doc.insights = insights(doc, { locale: lang }).map((i) => ({ ...i, lang }));
  }
  output(`${JSON.stringify(doc, null, 2)}\n`, out);
  if (out) log(`${kind} document written to ${out} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** `kpi-kit sql <kind>`: the kind's recipe for a dialect (or `sql ga4`: the GA4 adapter), on standard output. */
export function sql({ options, positional: [kind] }: Args): void {
  if (kind === 'ga4') {
    const dialect = oneOf('dialect', flag(options, 'dialect') ?? 'bigquery', ['bigquery', 'duckdb']);
    const table =
      flag(options, 'table') ?? (dialect === 'bigquery' ? 'my-project.analytics_123456.events_*' : 'ga4_export');
    process.stdout.write(
      `-- kpi-kit GA4 adapter for ${dialect}: a GA4 export to canonical events.\n` +
        `${asUsage(() => ga4EventsSql(dialect, table))};\n`,
    );
    return;
  }
  if (kind === undefined || !KINDS.includes(kind))
    throw new UsageError(`kpi-kit sql ${KINDS.join('|')} --dialect ${DIALECTS.join('|')}`);
  const dialect = oneOf('dialect', flag(options, 'dialect') ?? 'duckdb', [...DIALECTS]);
  const { dataPath, opts } = kindOptions(kind, options);
  const names = {
    dialect,
    orders: flag(options, 'orders') ?? 'orders',
    events: flag(options, 'events') ?? 'events',
    frictions: flag(options, 'frictions') ?? 'frictions',
    ...(opts.tz ? { tz: opts.tz } : {}),
  };
  const recipe = asUsage(() => dataPath.recipe(names, opts, options));
  process.stdout.write(
    `-- kpi-kit ${kind} recipe for ${dialect}: flat rows; the builders assemble the document.\n` +
      printRecipe(recipe, dialect),
  );
}
