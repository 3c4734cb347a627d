#!/usr/bin/env node
// kpi-kit: raw rows to KPI documents (the data path's command line). See --help.
// The recipes run on DuckDB embedded by default (@duckdb/node-api, an optional package),
// inside PostgreSQL with --db (pg, optional too), or as the pure TypeScript builders with
// --engine memory. Errors name the file, the line, the column and the value; the exit
// status is 1 and an --out file is left as it was (documents are written to a temporary
// file and renamed only after parseKpi accepted them). Bad usage exits 2.
import { readFileSync, renameSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as kit from '../dist/cli/node.js';

const HELP = `kpi-kit: raw rows to KPI documents

  kpi-kit import olist <dir> --out <orders.csv|orders.json|orders.parquet>
      Olist's CSV files (orders, customers, order_payments, order_reviews; .csv or .csv.gz) to canonical orders.
  kpi-kit import csv <export.csv> --out <orders.csv|orders.json|orders.parquet>
      [--map <canonical>=<your column> …] [--map-file <mapping.json>] [--map-status canceled=Cancelado,Cancelada …]
      [--encoding utf-8|windows-1252] [--delimiter ';'] [--decimal ,|.]
      [--date-format DD/MM/YYYY|MM/DD/YYYY|ISO] [--currency BRL] [--tz <IANA zone>]
      A store's own orders export to canonical orders. Encoding, delimiter, decimal mark and date order are
      detected (and said on stderr); columns match canonical names case- and accent-insensitively, or as mapped;
      a Brazilian state (SP, São Paulo) becomes BR-SP with its name and macro-region; dates without an offset
      are the store's time in --tz (default UTC), written in UTC.
${Object.values(kit.DATA_PATHS)
  .map((p) => p.help)
  .join('\n')}
  kpi-kit sql <kind> --dialect duckdb|postgres|bigquery|clickhouse|snowflake [the build options]
      Prints the recipe of a kind (its flat-row queries) for that engine, reading a table named orders
      (or --orders <table>: project.dataset.table on BigQuery, DB.SCHEMA.TABLE on Snowflake). Run it there,
      export each query's rows as <query>.csv, and kpi-kit build <kind> --rows-from <folder> makes the document.
${Object.entries(kit.PLATFORM_IMPORTS)
  .map(
    ([name, p]) =>
      `  kpi-kit import ${name} ${p.file} --out <orders.csv|orders.json|orders.parquet>` +
      `${p.zone ? ' [--tz <IANA zone>]' : ''}\n${p.help.replace(/^/gm, '      ')}`,
  )
  .join('\n')}
  kpi-kit import ga4 <export.parquet|export.json> --out <events.csv|events.parquet|events.json>
      A GA4 BigQuery export (copied out with its nested columns) to canonical events, on DuckDB.
  kpi-kit sql ga4 [--dialect bigquery|duckdb] [--table project.dataset.events_*]
      Prints the GA4 adapter, to run where the export lives (BigQuery).
  kpi-kit check <document.json>
      Validates a KPI document; prints each problem with its JSON path.
  kpi-kit render <document.json> --out <file.png|file.svg> [--width 800] [--locale en|pt-BR|es] [--theme light|dark]
      The document's widget drawn headless in this machine's Chromium (CHROME_PATH, else the usual places; the
      optional package playwright-core drives it): a PNG at 2× device pixels, or the widget's SVG export.
  kpi-kit digest <board.json | document.json …> --out <digest.html> [--width 640] [--locale …] [--theme …] [--title …]
      An e-mail-safe HTML page (tables, inline styles, inline PNGs, no script) with each widget's picture and its
      insights; a board manifest's widgets are read from their src files beside it.
  kpi-kit insights <document.json> [--locale en|pt-BR|es] [--format text|markdown|json] [--compare-to <earlier.json>]
      What the document shows, in plain sentences (for e-mail digests and chat messages); json gives each
      insight's facts and marks too.
  kpi-kit serve --orders <file> [--events <file>] [--frictions <file>] | --db postgres://… --orders <table> …
      [--port 8787] [--host 127.0.0.1] [--cors <origin> …] [--ttl 60] [--cache-size 500] [--query-timeout 30]
      Documents on request: GET /kpi/<kind>?<build options>&region=…&channel=…&store=…, /kpi/values/<field>,
      /kpi, /healthz. With KPI_KIT_SECRET set (32 characters or more), every /kpi request needs an HS256 JWT
      whose "kpi" claim ({"store": [...], "region"?: [...], "channel"?: [...]}) scopes the rows.
      One JSON line per request on standard output.

Common build options:
  --allow-empty                       write the document even when no qualifying row made it (else exit 1)
  --insights                          (build) embed what the document shows, in sentences in the --locale's
                                      language (the document's "insights"; the widgets show these)
  --from YYYY-MM-DD --to YYYY-MM-DD   what is shown (cohort), or which orders count (funnel, channels)
  --tz <IANA zone>                    days, weeks and months in this time zone (default UTC)
  --title T  --subtitle S             the document's title and subtitle
  --currency XXX                      ISO 4217 (default: the orders' own, else BRL)
  --labels <labels.json>              labels by step column, event name or channel value ({"purchase": "Purchase"})
  --locale en|pt-BR|es                language of the built-in labels (metric names, cohort months, timestamp
                                      columns, GA4 events: "Iniciar checkout"); default en
  --out <document.json>               write here (atomically) instead of standard output
  --engine duckdb|clickhouse|memory   DuckDB embedded (default; files: CSV, Parquet, JSON), ClickHouse in this
                                      process (chDB; the same files), or the pure TypeScript builders (CSV, JSON;
                                      no database needed)
  --db postgres://user@host:port/db   run the recipes inside PostgreSQL or ClickHouse
  --db clickhouse://user@host:8123/db (clickhouses:// for HTTPS); --orders/--events/--frictions name tables
  --rows-from <rows.json|folder>      (build) the rows of the kind's recipe, run elsewhere (kpi-kit sql printed it,
                                      a warehouse ran it) and exported: one JSON object of rows by query name, or a
                                      folder with <query>.csv or <query>.json per query
  --store <id>                        (import) the store every imported order or event belongs to (store_id), for
                                      serving several stores from one table

Exit status: 0 on success, 1 on bad input (the message names file, line, column and value), 2 on bad usage.`;

const Usage = kit.UsageError;

const log = (text) => process.stderr.write(`kpi-kit: ${text}\n`);

/** The options of a build: where the rows are, what to write, the common ones and every kind's own. */
const BUILD_FLAGS = [
  ...new Set([
    ...['orders', 'events', 'frictions', 'out', 'engine', 'db', 'allow-empty', 'rows-from'],
    ...kit.COMMON_BUILD_FLAGS,
    ...Object.values(kit.DATA_PATHS).flatMap((p) => p.flags),
  ]),
];
/** The options each command takes; any other is a usage error that names it. */
const IMPORT_FLAGS = [
  'out',
  'map',
  'map-file',
  'map-status',
  'encoding',
  'delimiter',
  'decimal',
  'date-format',
  'currency',
];
const SERVE_FLAGS = [
  'orders',
  'events',
  'frictions',
  'db',
  'port',
  'host',
  'cors',
  'ttl',
  'cache-size',
  'query-timeout',
];
const FLAGS = {
  import: [...IMPORT_FLAGS, 'store', 'tz'],
  build: [...BUILD_FLAGS, 'insights'],
  sql: [...BUILD_FLAGS, 'dialect', 'table'],
  serve: SERVE_FLAGS,
  insights: ['locale', 'format', 'compare-to'],
  render: ['out', 'width', 'locale', 'theme'],
  digest: ['out', 'width', 'locale', 'theme', 'title'],
  check: [],
};
/** Options that take no value. */
const SWITCHES = new Set(['allow-empty', 'insights']);

/**
 * --name value pairs (a switch alone) and positional arguments; an option the command does not take is a usage error.
 */
function parseArgs(argv, command) {
  const options = {};
  const positional = [];
  const known = FLAGS[command] ?? [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') options.help = true;
    else if (a.startsWith('-') && a !== '-' && !/^-\d/.test(a)) {
      const key = a.replace(/^--?/, '');
      if (command in FLAGS && !known.includes(key)) {
        const meant = kit.closestName(key, known);
        throw new Usage(`unknown option ${a} for ${command}${meant ? `; did you mean --${meant}?` : ''}`);
      }
      if (!a.startsWith('--')) throw new Usage(`${a}: options take two dashes (--${key})`);
      if (SWITCHES.has(key)) {
        options[key] = true;
        continue;
      }
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Usage(`${a} needs a value`);
      // A repeated option (--metric) collects its values.
      options[key] = key in options ? [options[key], value].flat() : value;
      i++;
    } else positional.push(a);
  }
  return { options, positional };
}

function read(file) {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  return file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8');
}

/** Writes atomically: a temporary file beside the target, renamed over it. */
function writeAtomic(file, text) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function output(text, out) {
  if (out) writeAtomic(out, text);
  else process.stdout.write(text);
}

/** The kinds with a data path, in the registry's order. */
const KINDS = Object.keys(kit.DATA_PATHS);
const { oneOf, asUsage: usage, flag } = kit;

/** A kind's data path and its options, checked. */
function kindOptions(kind, options) {
  const dataPath = kit.DATA_PATHS[kind];
  const opts = dataPath.options({
    flags: options,
    common: kit.commonOptions(options),
    readJson: (file) => JSON.parse(read(file)),
  });
  return { dataPath, opts };
}

function readInMemory(table, file, need = []) {
  if (/\.parquet$/i.test(file))
    throw new Usage('--engine memory reads CSV and JSON; Parquet needs DuckDB (the default engine)');
  if (table === 'orders')
    return file.endsWith('.json')
      ? kit.ordersFromJson(read(file), file, need)
      : kit.ordersFromCsv(read(file), file, need);
  if (file.endsWith('.json')) {
    const rows = JSON.parse(read(file));
    (table === 'events' ? kit.checkEvents : kit.checkFrictions)(rows);
    const missing = kit.missingNamedColumns(file, need, new Set(rows.flatMap((r) => Object.keys(r))));
    if (missing) throw new Error(missing);
    return rows;
  }
  return table === 'events' ? kit.eventsFromCsv(read(file), file, need) : kit.frictionsFromCsv(read(file), file);
}

/** Which engine a build runs on: --db's scheme (PostgreSQL or ClickHouse), else --engine (DuckDB by default). */
function engineOf(options) {
  if (!options.db) return oneOf('engine', options.engine ?? 'duckdb', ['duckdb', 'clickhouse', 'memory']);
  if (options.engine) throw new Usage('--db names the engine; leave out --engine');
  if (/^postgres(ql)?:\/\//.test(options.db)) return 'postgres';
  if (/^clickhouses?:\/\//.test(options.db)) return 'clickhouse-server';
  throw new Usage(`--db: expected postgres://user@host:5432/db or clickhouse://user@host:8123/db, got ${options.db}`);
}

/** A build from the kind's tables: in memory, or on an engine (files loaded, or --db's tables read in place). */
async function buildFromTables(kind, options, t0) {
  const tables = kit.DATA_PATHS[kind].inputs(options);
  for (const t of tables)
    if (!options[t])
      throw new Usage(`build ${kind} needs --${t} <${options.db ? 'table' : 'file.csv|file.parquet|file.json'}>`);
  const { dataPath, opts } = kindOptions(kind, options);
  // The columns the options name (a segment, the steps, a metric's ends) must be in the input, not read as nulls.
  const need = kit.namedColumns(kind, { ...opts, events: options.events });
  const engine = engineOf(options);
  if (engine === 'memory')
    return dataPath.memory(
      tables.map((t) => readInMemory(t, options[t], need[t])),
      opts,
      options,
    );
  // A progress line on stderr while a long query runs: at most one every two seconds.
  let step = 'reading';
  let last = 0;
  const report = (p) => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    log(`${step}: ${Math.min(100, p).toFixed(0)}%`);
  };
  const db =
    engine === 'postgres'
      ? await kit.openPostgres(options.db)
      : engine === 'clickhouse-server'
        ? await kit.openClickHouse(options.db)
        : engine === 'clickhouse'
          ? await kit.openChdb()
          : await kit.openDuckDb({ onProgress: report });
  try {
    const source = { engine: db };
    for (const t of tables) {
      step = `reading ${options[t]}`;
      if (options.db) source[t] = await kit.useTable(db, options[t], kit.TABLES[t], need[t]);
      else {
        const { rows } = await kit.loadTableFile(db, options[t], kit.TABLES[t], need[t]);
        log(`read ${rows} ${t} from ${options[t]} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        source[t] = t;
      }
    }
    step = `building ${kind}`;
    return await dataPath.sql(source, opts, options);
  } finally {
    await db.close();
  }
}

/**
 * --rows-from: the rows of the kind's recipe, run elsewhere (`kpi-kit sql` printed it) and exported, through the same
 * builders.
 */
async function buildFromRows(kind, options) {
  for (const f of ['orders', 'events', 'frictions', 'db', 'engine'])
    if (options[f]) throw new Usage(`--rows-from holds the recipe's rows; leave out --${f}`);
  const { dataPath, opts } = kindOptions(kind, options);
  return kit.buildFromRows(dataPath, options['rows-from'], opts, options);
}

async function build(kind, options) {
  if (!KINDS.includes(kind))
    throw new Usage(
      kind
        ? `build: expected one of ${KINDS.join(', ')}, got ${kind}`
        : `kpi-kit build ${KINDS.join('|')} --orders <file>`,
    );
  const t0 = Date.now();
  const built = options['rows-from'] ? await buildFromRows(kind, options) : await buildFromTables(kind, options, t0);
  // What the build left out (negative durations, orders without a region), said on stderr.
  for (const note of built.notes) log(note);
  const { doc } = built;
  // A document with nothing to show is refused (an --out file keeps what it had), unless asked for.
  const empty = kit.emptyReason(doc);
  if (empty && !options['allow-empty'])
    throw new Error(
      `nothing to build from ${
        options['rows-from'] ??
        kit.DATA_PATHS[kind]
          .inputs(options)
          .map((t) => options[t])
          .join(' and ')
      }: ${empty}` +
        `${options.out ? `; ${options.out} left as it was` : ''} (--allow-empty writes the empty document)`,
    );
  // --insights: what the document shows, in the --locale's language, embedded (the widgets show these, not their own).
  if (options.insights) {
    const lang = options.locale ?? 'en';
    doc.insights = kit.insights(doc, { locale: lang }).map((i) => ({ ...i, lang }));
  }
  output(`${JSON.stringify(doc, null, 2)}\n`, options.out);
  if (options.out) log(`${kind} document written to ${options.out} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** A GA4 BigQuery export copied to Parquet or JSON → canonical events, through the adapter on DuckDB. */
async function importGa4(file, options) {
  if (!options.out) throw new Usage('import ga4 needs --out <events.csv|events.parquet|events.json>');
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  const db = await kit.openDuckDb();
  const part = `${options.out}.${process.pid}.tmp`;
  try {
    const source = /\.json$/i.test(file)
      ? `read_json('${file.replace(/'/g, "''")}')`
      : `read_parquet('${file.replace(/'/g, "''")}')`;
    const format = /\.parquet$/i.test(options.out)
      ? 'FORMAT parquet'
      : /\.json$/i.test(options.out)
        ? 'FORMAT json, ARRAY true'
        : 'FORMAT csv, HEADER true';
    try {
      // --store: every event belongs to that store (checked by storeFlag: no quote reaches the SQL).
      const store = storeFlag(options);
      const adapted = kit.ga4EventsSql('duckdb', source);
      const stamped = store === undefined ? adapted : `SELECT *, '${store}' AS store_id FROM (${adapted})`;
      await db.all(`CREATE TEMP TABLE ga4_events AS ${stamped}`);
    } catch (e) {
      throw new Error(
        `${file}: not a GA4 export (expected event_name, event_timestamp, user_pseudo_id, event_params, device, ` +
          `geo, traffic_source, ecommerce): ${e.message.split('\n')[0]}`,
      );
    }
    await db.all(`COPY ga4_events TO '${part.replace(/'/g, "''")}' (${format})`);
    const [{ n }] = await db.all('SELECT CAST(count(*) AS INTEGER) AS n FROM ga4_events');
    renameSync(part, options.out);
    log(`${n} events written to ${options.out}`);
  } finally {
    rmSync(part, { force: true });
    await db.close();
  }
}

/** With --store, every order belongs to that store (store_id); an order's own store_id is kept otherwise. */
function withStore(orders, options) {
  const store = storeFlag(options);
  return store === undefined ? orders : orders.map((o) => ({ ...o, store_id: store }));
}

/** The --store id, checked: no space, comma or quote. */
function storeFlag(options) {
  const store = flag(options, 'store');
  if (store !== undefined && !/^[^\s,;'"\\]{1,200}$/.test(store))
    throw new Usage(`--store: expected an id without spaces, commas or quotes, got ${JSON.stringify(store)}`);
  return store;
}

/** Canonical orders to --out: CSV, JSON, or Parquet through DuckDB; written atomically. */
async function writeOrders(orders, out) {
  if (/\.parquet$/i.test(out)) {
    // Parquet through DuckDB: the CSV text to a temporary file, copied with canonical types.
    const tmp = `${out}.${process.pid}.csv`;
    const db = await kit.openDuckDb();
    try {
      writeFileSync(tmp, kit.ordersToCsv(orders));
      await kit.loadOrdersFile(db, tmp);
      const part = `${out}.${process.pid}.tmp`;
      await db.all(`COPY orders TO '${part.replace(/'/g, "''")}' (FORMAT parquet)`);
      renameSync(part, out);
    } finally {
      rmSync(tmp, { force: true });
      await db.close();
    }
  } else output(out.endsWith('.json') ? `${JSON.stringify(orders, null, 1)}\n` : kit.ordersToCsv(orders), out);
  log(`${orders.length} orders written to ${out}`);
}

/** The import options of `import csv`, checked. */
function csvImportOptions(options) {
  const map = {};
  const statuses = {};
  if (options['map-file']) {
    const file = JSON.parse(read(options['map-file']));
    for (const [k, v] of Object.entries(file)) {
      // "statuses": { "canceled": ["Cancelado", "Cancelada"] } beside the columns.
      if (k === 'statuses' && typeof v === 'object')
        for (const [st, values] of Object.entries(v)) statuses[st] = [values].flat();
      else map[k] = v;
    }
  }
  for (const pair of [options.map ?? []].flat()) {
    const m = /^([a-z_]+)=(.+)$/.exec(pair);
    if (!m) throw new Usage(`--map: expected <canonical column>=<your column>, got ${pair}`);
    map[m[1]] = m[2];
  }
  const bad = Object.keys(map).find((k) => !kit.CANONICAL_ORDER_COLUMNS.includes(k));
  if (bad)
    throw new Usage(`--map ${bad}: not a canonical column; expected one of ${kit.CANONICAL_ORDER_COLUMNS.join(', ')}`);
  for (const pair of [options['map-status'] ?? []].flat()) {
    const m = /^([a-z]+)=(.+)$/.exec(pair);
    if (!m) throw new Usage(`--map-status: expected <canonical status>=<your value>,<your value>…, got ${pair}`);
    statuses[m[1]] = [...(statuses[m[1]] ?? []), ...m[2].split(',')];
  }
  const dateFormat = options['date-format'];
  const dateOrder =
    dateFormat === undefined
      ? undefined
      : { 'DD/MM/YYYY': 'dmy', 'MM/DD/YYYY': 'mdy', ISO: 'iso' }[String(dateFormat).toUpperCase()];
  if (dateFormat !== undefined && !dateOrder)
    throw new Usage(`--date-format: expected DD/MM/YYYY, MM/DD/YYYY or ISO, got ${dateFormat}`);
  const delimiter =
    options.delimiter === undefined
      ? undefined
      : options.delimiter === 'tab' || options.delimiter === '\\t'
        ? '\t'
        : options.delimiter;
  if (delimiter !== undefined && !kit.DELIMITERS.includes(delimiter))
    throw new Usage(`--delimiter: expected , ; tab or |, got ${options.delimiter}`);
  const tz = flag(options, 'tz');
  return {
    map,
    statuses,
    dateOrder,
    delimiter,
    tz: tz === undefined ? undefined : kit.asUsage(() => kit.checkTimeZone(tz)),
    encoding:
      options.encoding === undefined
        ? undefined
        : oneOf('encoding', String(options.encoding).toLowerCase(), ['utf-8', 'windows-1252']),
    decimal: options.decimal === undefined ? undefined : oneOf('decimal', options.decimal, [',', '.']),
    currency: options.currency,
  };
}

/**
 * The file a board widget's `src` names, read from disk: relative to the manifest, or (a path from the site's root,
 * `/data/x.json`) below the nearest folder above the manifest that holds it; undefined for a URL or a missing file.
 */
function boardFile(manifest, src) {
  const clean = src.split(/[?#]/)[0];
  if (/^[a-z][a-z0-9+.-]*:/i.test(clean)) return undefined;
  const dir = path.dirname(path.resolve(manifest));
  if (!clean.startsWith('/')) return existsSync(path.resolve(dir, clean)) ? path.resolve(dir, clean) : undefined;
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, clean))) return path.join(d, clean);
    if (path.dirname(d) === d) return undefined;
  }
}

/** The options of render and digest, checked; the kit's CDN build from this package. */
function renderOptions(options, width) {
  return {
    width: intFlag(options, 'width', width, 240, 2400),
    locale: oneOf('locale', flag(options, 'locale') ?? 'en', ['en', 'pt-BR', 'es']),
    theme: oneOf('theme', flag(options, 'theme') ?? 'light', ['light', 'dark']),
    cdn: fileURLToPath(new URL('../dist/cdn', import.meta.url)),
  };
}

/** A whole number option within [min, max], else a usage error. */
function intFlag(options, name, fallback, min, max) {
  const v = flag(options, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new Usage(`--${name}: expected a whole number from ${min} to ${max}, got ${v}`);
  return Number(v);
}

/**
 * kpi-kit serve: the handler in a Node server until SIGINT or SIGTERM. Log lines are written once per turn of the event
 * loop, not once per request: under load, a write per line was a third of the server's time.
 */
async function serve(options) {
  let lines = [];
  const flushLines = () => {
    if (lines.length) process.stdout.write(lines.join(''));
    lines = [];
  };
  if (!options.orders && !options.events) throw new Usage('serve needs --orders <file> (and/or --events <file>)');
  if (options.frictions && !options.events) throw new Usage('serve --frictions needs --events too');
  // The server's tenant scoping is written for DuckDB and PostgreSQL; ClickHouse builds, it does not serve (yet).
  const db = flag(options, 'db');
  if (db !== undefined && !/^postgres(ql)?:\/\//.test(db))
    throw new Usage(
      `serve --db: expected postgres://user@host:5432/db (ClickHouse builds with kpi-kit build), got ${db}`,
    );
  const secret = process.env.KPI_KIT_SECRET || undefined;
  const host = flag(options, 'host') ?? '127.0.0.1';
  const server = await kit.serveKpi({
    orders: flag(options, 'orders'),
    events: flag(options, 'events'),
    frictions: flag(options, 'frictions'),
    db,
    port: intFlag(options, 'port', 8787, 0, 65535),
    host,
    cors: kit.flagList(options, 'cors'),
    ttl: intFlag(options, 'ttl', 60, 0, 86400) * 1000,
    cacheSize: intFlag(options, 'cache-size', 500, 1, 1_000_000),
    queryTimeout: intFlag(options, 'query-timeout', 30, 1, 3600) * 1000,
    secret,
    log: (line) => {
      if (!lines.length) setImmediate(flushLines);
      lines.push(`${JSON.stringify(line)}\n`);
    },
  });
  const loopback = /^(127\.|::1$|localhost$)/.test(host);
  const exposed = loopback
    ? ` (listening on ${host} only)`
    : `, and ${host} is not loopback: anyone who reaches it reads every row`;
  if (!secret) log(`no KPI_KIT_SECRET: every request is answered${exposed}`);
  // The last line a starting server says: the address (scripts wait for it).
  log(`serving ${options.db ? 'PostgreSQL' : 'DuckDB'} on ${server.url}/kpi`);
  await new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  flushLines();
  log('stopped');
}

const commands = {
  async import({ options, positional: [source, dir] }) {
    if ((source === 'ga4' || source === 'olist') && options.tz !== undefined)
      throw new Usage(`import ${source}: its timestamps are UTC already; no --tz`);
    if (source === 'ga4' && dir) return importGa4(dir, options);
    const platform = Object.hasOwn(kit.PLATFORM_IMPORTS, source ?? '') ? kit.PLATFORM_IMPORTS[source] : undefined;
    if (platform && dir) {
      if (!options.out) throw new Usage(`import ${source} needs --out <orders.csv|orders.json|orders.parquet>`);
      const tz = flag(options, 'tz');
      if (tz !== undefined && !platform.zone)
        throw new Usage(`import ${source}: its dates carry their offset; no --tz`);
      if (tz !== undefined) kit.asUsage(() => kit.checkTimeZone(tz));
      if (!existsSync(dir)) throw new Error(`${dir}: no such file`);
      const raw = readFileSync(dir);
      const orders = platform.read(new Uint8Array(dir.endsWith('.gz') ? gunzipSync(raw) : raw), dir, { tz });
      log(`${orders.length} orders from ${dir} (${platform.counted})`);
      if (platform.zone && tz === undefined)
        log(`dates without an offset read in ${platform.zone} (the store's time zone is --tz <IANA zone>)`);
      return writeOrders(withStore(orders, options), options.out);
    }
    if (source === 'csv' && dir) {
      if (!options.out) throw new Usage('import csv needs --out <orders.csv|orders.json|orders.parquet>');
      if (!existsSync(dir)) throw new Error(`${dir}: no such file`);
      const opts = csvImportOptions(options);
      const raw = readFileSync(dir);
      const { orders, detected } = kit.importOrdersCsv(
        new Uint8Array(dir.endsWith('.gz') ? gunzipSync(raw) : raw),
        dir,
        opts,
      );
      log(`detected: ${kit.describeDetected(detected)}${opts.tz ? `, times in ${opts.tz} written in UTC` : ''}`);
      log(
        `columns: ${Object.entries(detected.columns)
          .map(([k, v]) => (k === v ? k : `${k} ← ${v}`))
          .join(', ')}`,
      );
      return writeOrders(withStore(orders, options), options.out);
    }
    if (source !== 'olist' || !dir)
      throw new Usage(
        'kpi-kit import olist <dir> --out <orders.csv|orders.json|orders.parquet>, ' +
          'kpi-kit import csv <export.csv> --out <orders.csv|…>, ' +
          Object.entries(kit.PLATFORM_IMPORTS)
            .map(([name, p]) => `kpi-kit import ${name} ${p.file} --out <orders.csv|…>, `)
            .join('') +
          'or kpi-kit import ga4 <export.parquet|export.json> --out <events.csv|events.parquet>',
      );
    if (!options.out) throw new Usage('import needs --out <orders.csv|orders.json|orders.parquet>');
    // Each file as .csv or .csv.gz.
    const file = (name) => {
      const csv = path.join(dir, `olist_${name}_dataset.csv`);
      return existsSync(csv) || !existsSync(`${csv}.gz`) ? csv : `${csv}.gz`;
    };
    const optional = (name) => (existsSync(file(name)) ? read(file(name)) : undefined);
    const orders = kit.olistOrders({
      orders: read(file('orders')),
      customers: optional('customers'),
      payments: optional('order_payments'),
      reviews: optional('order_reviews'),
    });
    return writeOrders(withStore(orders, options), options.out);
  },
  build: ({ options, positional: [kind] }) => build(kind, options),
  sql({ options, positional: [kind] }) {
    if (kind === 'ga4') {
      const dialect = oneOf('dialect', options.dialect ?? 'bigquery', ['bigquery', 'duckdb']);
      const table = options.table ?? (dialect === 'bigquery' ? 'my-project.analytics_123456.events_*' : 'ga4_export');
      process.stdout.write(
        `-- kpi-kit GA4 adapter for ${dialect}: a GA4 export to canonical events.\n` +
          `${usage(() => kit.ga4EventsSql(dialect, table))};\n`,
      );
      return;
    }
    if (!KINDS.includes(kind)) throw new Usage(`kpi-kit sql ${KINDS.join('|')} --dialect ${kit.DIALECTS.join('|')}`);
    const dialect = oneOf('dialect', options.dialect ?? 'duckdb', [...kit.DIALECTS]);
    const { dataPath, opts } = kindOptions(kind, options);
    const names = {
      dialect,
      orders: options.orders ?? 'orders',
      events: options.events ?? 'events',
      frictions: options.frictions ?? 'frictions',
      ...(opts.tz ? { tz: opts.tz } : {}),
    };
    const recipe = usage(() => dataPath.recipe(names, opts, options));
    process.stdout.write(
      `-- kpi-kit ${kind} recipe for ${dialect}: flat rows; the builders assemble the document.\n` +
        kit.printRecipe(recipe, dialect),
    );
  },
  serve: ({ options }) => serve(options),
  insights({ options, positional: [file] }) {
    if (!file)
      throw new Usage(
        'kpi-kit insights <document.json> [--locale en|pt-BR|es] [--format text|markdown|json] ' +
          '[--compare-to <earlier.json>]',
      );
    const format = oneOf('format', flag(options, 'format') ?? 'text', ['text', 'markdown', 'json']);
    const locale = oneOf('locale', flag(options, 'locale') ?? 'en', ['en', 'pt-BR', 'es']);
    const result = kit.parseKpi(read(file));
    if (!result.ok) throw new Error(`${file}: not a valid KPI document (kpi-kit check ${file} says why)`);
    // --compare-to: a document of the same kind to compare with (a funnel without a comparison of its own uses it).
    const earlier = flag(options, 'compare-to');
    let compareTo;
    if (earlier) {
      const before = kit.parseKpi(read(earlier));
      if (!before.ok) throw new Error(`${earlier}: not a valid KPI document (kpi-kit check ${earlier} says why)`);
      if (before.doc.kind !== result.doc.kind)
        throw new Usage(`--compare-to: expected a ${result.doc.kind} document, got ${before.doc.kind}`);
      compareTo = before.doc;
    }
    const list = kit.insights(result.doc, { locale, compareTo });
    const title = result.doc.title ?? result.doc.kind;
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(list, null, 2)}\n`
        : format === 'markdown'
          ? `**${title}**\n\n${list.map((i) => `- ${i.text}`).join('\n')}\n`
          : `${list.map((i) => i.text).join('\n')}\n`,
    );
  },
  async render({ options, positional: [file] }) {
    const out = flag(options, 'out');
    if (!file || !out || !/\.(png|svg)$/i.test(out))
      throw new Usage(
        'kpi-kit render <document.json> --out <file.png|file.svg> [--width 800] [--locale …] [--theme …]',
      );
    const format = out.toLowerCase().endsWith('.svg') ? 'svg' : 'png';
    const [r] = await kit.renderDocuments([JSON.parse(read(file))], format, renderOptions(options, 800));
    writeAtomic(out, r.png ?? r.svg);
    log(`${r.title}: ${format.toUpperCase()} written to ${out}`);
  },
  async digest({ options, positional: files }) {
    const out = flag(options, 'out');
    if (!files.length || !out) throw new Usage('kpi-kit digest <board.json | document.json …> --out <digest.html>');
    const docs = [];
    let title = flag(options, 'title');
    for (const file of files) {
      const doc = JSON.parse(read(file));
      if (doc?.kind !== 'board') {
        docs.push(doc);
        continue;
      }
      // A board: its widgets' documents, each a file beside the manifest (a served URL cannot be read here).
      const board = kit.parseKpi(doc, 'board');
      if (!board.ok) throw new Error(`${file}: not a valid board manifest (kpi-kit check ${file} says why)`);
      title ??= board.doc.title;
      for (const w of board.doc.widgets) {
        const src = boardFile(file, w.src);
        if (!src) {
          log(`${w.id}: ${w.src} is not a file beside the board; left out`);
          continue;
        }
        docs.push(JSON.parse(read(src)));
      }
    }
    if (!docs.length) throw new Error('no widget to put in the digest');
    const o = renderOptions(options, 640);
    // The sentences are listed as text under each picture (read where images are blocked), so not drawn in it.
    const items = await kit.renderDocuments(docs, 'png', { ...o, noInsights: true });
    writeAtomic(out, kit.digestHtml(items, { title: title ?? 'kpi-kit digest', lang: o.locale, width: o.width }));
    log(`${items.length} widget${items.length === 1 ? '' : 's'} in ${out}`);
  },
  check({ positional: [file] }) {
    if (!file) throw new Usage('kpi-kit check <document.json>');
    // A board manifest (kind "board") is checked as one; anything else as a KPI document.
    const input = read(file);
    let kind;
    try {
      kind = JSON.parse(input)?.kind === 'board' ? 'board' : undefined;
    } catch {
      kind = undefined;
    }
    const result = kit.parseKpi(input, kind);
    if (!result.ok) {
      process.stderr.write(
        `${file}: ${result.issues.length} problem${result.issues.length > 1 ? 's' : ''}\n` +
          `${result.issues.map((i) => `  ${kit.issueText(i)}`).join('\n')}\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${file}: a valid ${result.doc.kind} document\n`);
  },
};

try {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseArgs(rest, command);
  if (!command || command === '--help' || command === '-h' || args.options.help) process.stdout.write(`${HELP}\n`);
  else if (!commands[command]) throw new Usage(`unknown command ${command}`);
  else await commands[command](args);
} catch (e) {
  // A missing default driver: say what to install, and that small CSV or JSON files need none.
  if (e instanceof kit.MissingDriverError && e.driver === '@duckdb/node-api')
    e.message += ' (or --engine memory for CSV and JSON files that fit in memory)';
  if (e instanceof Usage) {
    process.stderr.write(`kpi-kit: ${e.message}\n(kpi-kit --help for the commands)\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`kpi-kit: ${e.message}\n`);
    process.exitCode = 1;
  }
}
