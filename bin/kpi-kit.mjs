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
import * as kit from '../dist/lib/node.js';

const HELP = `kpi-kit: raw rows to KPI documents

  kpi-kit import olist <dir> --out <orders.csv|orders.json|orders.parquet>
      Olist's CSV files (orders, customers, order_payments, order_reviews; .csv or .csv.gz) to canonical orders.
  kpi-kit import csv <export.csv> --out <orders.csv|orders.json|orders.parquet>
      [--map <canonical>=<your column> …] [--map-file <mapping.json>] [--map-status canceled=Cancelado,Cancelada …]
      [--encoding utf-8|windows-1252] [--delimiter ';'] [--decimal ,|.] [--date-format DD/MM/YYYY|MM/DD/YYYY|ISO] [--currency BRL]
      A store's own orders export to canonical orders. Encoding, delimiter, decimal mark and date order are
      detected (and said on stderr); columns match canonical names case- and accent-insensitively, or as mapped;
      a Brazilian state (SP, São Paulo) becomes BR-SP with its name and macro-region.
  kpi-kit build cohort --orders <file> [--period day|week|month] [--measure customers|revenue]
      Acquisition cohorts: a customer's cohort is the period of their first qualifying order.
  kpi-kit build regional-sla --orders <file> --metric <id>=<from>..<to>:<unit>:<target>[:<label>] [--metric …]
      Per region (region_id, region_label, region_group): p50/p90 of each duration, within target, volume.
      A metric without a label reads as its columns do ("Order placed → Delivered"; in --locale's language);
      a Brazilian state without region_label gets its name and macro-region.
      e.g. --metric delivery=ordered_at..delivered_at:days:10 --metric approval=ordered_at..approved_at:hours:24
  kpi-kit build funnel --orders <file> --steps <col>,<col>,… [--segment-by <col>]
      A fulfilment funnel over timestamp columns (every order, canceled ones included): an order reaches a
      step when its column or a later one is set; medians between steps; value = sum of amount.
  kpi-kit build funnel --events <file> --steps <event>,<event>,… [--window 30d] [--segment-by device|channel|region_id]
      Ordered, first occurrence: an actor reaches step 1 at their first step-1 event in the period, and
      each later step at its first event at or after the previous one, within --window of step 1.
  kpi-kit build checkout-friction --events <file> --frictions <file> --steps <event>,… --complete <event>
      [--window 30d] [--segment-by device|channel|region_id]
      Per step: actors entered and exited (did not reach the next step or the completion), the median
      time to the next step, frictions per cause; the average order value of the completion events.
  kpi-kit build channels --orders <file>
      Revenue, orders, customers, average ticket and repeat rate per channel, a monthly series, and each
      customer counted once across channels (unique customers, customers per set of channels).
  kpi-kit build forecast --orders <file> --granularity day|week|month|quarter
      [--as-of YYYY-MM-DD] [--targets <targets.json>] [--horizon N]
      The sum of amount of qualifying orders per period; the period holding --as-of (default: the last
      order's day) is running and paced.
  kpi-kit sql <kind> --dialect duckdb|postgres|bigquery|clickhouse|snowflake [the build options]
      Prints the recipe of a kind (its flat-row queries) for that engine, reading a table named orders
      (or --orders <table>).
  kpi-kit import ga4 <export.parquet|export.json> --out <events.csv|events.parquet|events.json>
      A GA4 BigQuery export (copied out with its nested columns) to canonical events, on DuckDB.
  kpi-kit sql ga4 [--dialect bigquery|duckdb] [--table project.dataset.events_*]
      Prints the GA4 adapter, to run where the export lives (BigQuery).
  kpi-kit check <document.json>
      Validates a KPI document; prints each problem with its JSON path.

Common build options:
  --allow-empty                       write the document even when no qualifying row made it (else exit 1)
  --from YYYY-MM-DD --to YYYY-MM-DD   what is shown (cohort), or which orders count (funnel, channels)
  --tz <IANA zone>                    days, weeks and months in this time zone (default UTC)
  --title T  --subtitle S             the document's title and subtitle
  --currency XXX                      ISO 4217 (default: the orders' own, else BRL)
  --labels <labels.json>              labels by step column, event name or channel value ({"purchase": "Purchase"})
  --locale en|pt-BR|es                language of the built-in labels (metric names, cohort months); default en
  --out <document.json>               write here (atomically) instead of standard output
  --engine duckdb|memory              DuckDB embedded (default; files: CSV, Parquet, JSON) or the pure
                                      TypeScript builders (CSV, JSON; no database needed)
  --db postgres://user@host:port/db   run the recipes inside PostgreSQL; --orders/--events/--frictions name tables

Exit status: 0 on success, 1 on bad input (the message names file, line, column and value), 2 on bad usage.`;

class Usage extends Error {}

const log = (text) => process.stderr.write(`kpi-kit: ${text}\n`);

const BUILD_FLAGS = ['orders', 'events', 'frictions', 'from', 'to', 'tz', 'title', 'subtitle', 'currency', 'labels', 'locale', 'out', 'engine', 'db',
  'period', 'measure', 'metric', 'steps', 'segment-by', 'window', 'complete', 'granularity', 'as-of', 'targets', 'horizon', 'allow-empty'];
/** The options each command takes; any other is a usage error that names it. */
const IMPORT_FLAGS = ['out', 'map', 'map-file', 'map-status', 'encoding', 'delimiter', 'decimal', 'date-format', 'currency'];
const FLAGS = { import: IMPORT_FLAGS, build: BUILD_FLAGS, sql: [...BUILD_FLAGS, 'dialect', 'table'], check: [] };
/** Options that take no value. */
const SWITCHES = new Set(['allow-empty']);

/** --name value pairs (a switch alone) and positional arguments; an option the command does not take is a usage error. */
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

const KINDS = ['cohort', 'regional-sla', 'funnel', 'channels', 'forecast', 'checkout-friction'];
const oneOf = (name, value, allowed) => {
  if (!allowed.includes(value)) throw new Usage(`--${name}: expected ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, got ${value}`);
  return value;
};
const date = (name, value) => {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Usage(`--${name}: expected a date YYYY-MM-DD, got ${value}`);
  return value;
};

/** The options of a kind, checked, in the builders' terms. */
function buildOptions(kind, options) {
  const common = {
    from: date('from', options.from), to: date('to', options.to), title: options.title, subtitle: options.subtitle, currency: options.currency,
    // Built-in labels (metric names, cohort months) in en, pt-BR or es.
    locale: options.locale, labelLocale: options.locale,
    tz: options.tz === undefined ? undefined : usage(() => kit.checkTimeZone(options.tz)),
  };
  if (common.currency !== undefined && !/^[A-Z]{3}$/.test(common.currency)) throw new Usage(`--currency: expected an ISO 4217 code such as BRL, got ${common.currency}`);
  if (kind === 'cohort') {
    return { ...common, period: oneOf('period', options.period ?? 'month', ['day', 'week', 'month']), measure: oneOf('measure', options.measure ?? 'customers', ['customers', 'revenue']) };
  }
  if (kind === 'regional-sla') {
    if (!options.metric) throw new Usage('build regional-sla needs at least one --metric <id>=<from>..<to>:<unit>:<target>');
    return { ...common, metrics: usage(() => [options.metric].flat().map(kit.parseMetricSpec)) };
  }
  if (kind === 'checkout-friction' || (kind === 'funnel' && options.events)) {
    const steps = String(options.steps ?? '').split(',').filter(Boolean);
    if (steps.length < (kind === 'funnel' ? 2 : 1) || new Set(steps).size !== steps.length) throw new Usage(`--steps: expected ${kind === 'funnel' ? 'two or more' : 'one or more'} distinct event names, in order`);
    const segmentBy = options['segment-by'];
    if (segmentBy !== undefined && !kit.EVENT_SEGMENT_COLUMNS.includes(segmentBy)) throw new Usage(`--segment-by: expected one of ${kit.EVENT_SEGMENT_COLUMNS.join(', ')}, got ${segmentBy}`);
    const reach = { ...common, steps, segmentBy, window: options.window === undefined ? undefined : usage(() => kit.parseWindow(options.window)), labels: options.labels ? JSON.parse(read(options.labels)) : undefined };
    if (kind === 'funnel') return reach;
    if (!options.complete) throw new Usage('build checkout-friction needs --complete <event> (the completion event, e.g. purchase)');
    return { ...reach, complete: options.complete };
  }
  if (kind === 'funnel') {
    const steps = String(options.steps ?? '').split(',').filter(Boolean);
    const bad = steps.find((c) => !kit.ORDER_TIMESTAMP_COLUMNS.includes(c));
    if (steps.length < 2 || bad) throw new Usage(`--steps: expected two or more of ${kit.ORDER_TIMESTAMP_COLUMNS.join(', ')}, in order${bad ? `; got ${bad}` : ''}`);
    const segmentBy = options['segment-by'];
    if (segmentBy !== undefined && !kit.ORDER_TEXT_COLUMNS.includes(segmentBy)) throw new Usage(`--segment-by: expected one of ${kit.ORDER_TEXT_COLUMNS.join(', ')}, got ${segmentBy}`);
    const labels = options.labels ? JSON.parse(read(options.labels)) : {};
    return { ...common, steps: steps.map((column) => ({ column, ...(labels[column] ? { label: labels[column] } : {}) })), segmentBy };
  }
  if (kind === 'channels') return { ...common, labels: options.labels ? JSON.parse(read(options.labels)) : undefined };
  const granularity = oneOf('granularity', options.granularity ?? 'month', ['day', 'week', 'month', 'quarter']);
  return {
    ...common, granularity, asOf: date('as-of', options['as-of']),
    targets: options.targets ? JSON.parse(read(options.targets)) : undefined,
    ...(options.horizon ? { forecast: { horizon: Number(options.horizon) } } : {}),
  };
}

function usage(f) {
  try {
    return f();
  } catch (e) {
    throw new Usage(e.message);
  }
}

/** What a build says on stderr besides the document. */
function notes(kind, result) {
  if (kind === 'regional-sla') {
    for (const [id, n] of Object.entries(result.negative)) if (n) log(`left out ${n} negative duration${n > 1 ? 's' : ''} of ${id} (the end before the start)`);
    if (result.withoutRegion) log(`left out ${result.withoutRegion} qualifying order${result.withoutRegion > 1 ? 's' : ''} without a region_id`);
  }
  if (kind === 'funnel') for (const [id, n] of Object.entries(result.negative)) if (n) log(`left out ${n} negative interval${n > 1 ? 's' : ''} before ${id} from its median`);
  return result.doc ?? result;
}

const MEMORY = { cohort: kit.buildCohort, 'regional-sla': kit.buildRegionalSla, funnel: kit.buildFunnelFromOrders, channels: kit.buildChannels, forecast: kit.buildForecast };
const SQL = { cohort: kit.buildCohortSql, 'regional-sla': kit.buildRegionalSlaSql, funnel: kit.buildFunnelFromOrdersSql, channels: kit.buildChannelsSql, forecast: kit.buildForecastSql };
/** The input tables of a build: orders, or events (and frictions). */
const inputs = (kind, options) => (kind === 'checkout-friction' ? ['events', 'frictions'] : kind === 'funnel' && options.events ? ['events'] : ['orders']);

function readInMemory(table, file, need = []) {
  if (/\.parquet$/i.test(file)) throw new Usage('--engine memory reads CSV and JSON; Parquet needs DuckDB (the default engine)');
  if (table === 'orders') return file.endsWith('.json') ? kit.ordersFromJson(read(file), file, need) : kit.ordersFromCsv(read(file), file, need);
  if (file.endsWith('.json')) {
    const rows = JSON.parse(read(file));
    (table === 'events' ? kit.checkEvents : kit.checkFrictions)(rows);
    const missing = kit.missingNamedColumns(file, need, new Set(rows.flatMap((r) => Object.keys(r))));
    if (missing) throw new Error(missing);
    return rows;
  }
  return table === 'events' ? kit.eventsFromCsv(read(file), file, need) : kit.frictionsFromCsv(read(file), file);
}

async function build(kind, options) {
  if (!KINDS.includes(kind)) throw new Usage(kind ? `build: expected one of ${KINDS.join(', ')}, got ${kind}` : `kpi-kit build ${KINDS.join('|')} --orders <file>`);
  const tables = inputs(kind, options);
  for (const t of tables) if (!options[t]) throw new Usage(`build ${kind} needs --${t} <${options.db ? 'table' : 'file.csv|file.parquet|file.json'}>`);
  const opts = buildOptions(kind, options);
  // The columns the options name (a segment, the steps, a metric's ends) must be in the input, not read as nulls.
  const need = kit.namedColumns(kind, { ...opts, events: options.events });
  const engine = options.db ? 'postgres' : oneOf('engine', options.engine ?? 'duckdb', ['duckdb', 'memory']);
  const events = tables[0] === 'events';
  const t0 = Date.now();
  let doc;
  if (engine === 'memory') {
    const [a, b] = tables.map((t) => readInMemory(t, options[t], need[t]));
    doc = kind === 'checkout-friction' ? kit.buildCheckoutFriction(a, b, opts) : events ? kit.buildFunnelFromEvents(a, opts) : notes(kind, MEMORY[kind](a, opts));
  } else {
    // A progress line on stderr while a long query runs: at most one every two seconds.
    let step = 'reading';
    let last = 0;
    const report = (p) => {
      if (Date.now() - last < 2000) return;
      last = Date.now();
      log(`${step}: ${Math.min(100, p).toFixed(0)}%`);
    };
    const db = engine === 'postgres' ? await kit.openPostgres(options.db) : await kit.openDuckDb({ onProgress: report });
    try {
      const source = { engine: db };
      for (const t of tables) {
        step = `reading ${options[t]}`;
        if (engine === 'postgres') source[t] = await kit.useTable(db, options[t], kit.TABLES[t], need[t]);
        else {
          const { rows } = await kit.loadTableFile(db, options[t], kit.TABLES[t], need[t]);
          log(`read ${rows} ${t} from ${options[t]} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
          source[t] = t;
        }
      }
      step = `building ${kind}`;
      doc = kind === 'checkout-friction' ? await kit.buildCheckoutFrictionSql(source, opts)
        : events ? await kit.buildFunnelFromEventsSql(source, opts) : notes(kind, await SQL[kind](source, opts));
    } finally {
      await db.close();
    }
  }
  // A document with nothing to show is refused (an --out file keeps what it had), unless asked for.
  const empty = kit.emptyReason(doc);
  if (empty && !options['allow-empty']) throw new Error(`nothing to build from ${tables.map((t) => options[t]).join(' and ')}: ${empty}${options.out ? `; ${options.out} left as it was` : ''} (--allow-empty writes the empty document)`);
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
    const source = /\.json$/i.test(file) ? `read_json('${file.replace(/'/g, "''")}')` : `read_parquet('${file.replace(/'/g, "''")}')`;
    const format = /\.parquet$/i.test(options.out) ? 'FORMAT parquet' : /\.json$/i.test(options.out) ? 'FORMAT json, ARRAY true' : 'FORMAT csv, HEADER true';
    try {
      await db.all(`CREATE TEMP TABLE ga4_events AS ${kit.ga4EventsSql('duckdb', source)}`);
    } catch (e) {
      throw new Error(`${file}: not a GA4 export (expected event_name, event_timestamp, user_pseudo_id, event_params, device, geo, traffic_source, ecommerce): ${e.message.split('\n')[0]}`);
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
      if (k === 'statuses' && typeof v === 'object') for (const [st, values] of Object.entries(v)) statuses[st] = [values].flat();
      else map[k] = v;
    }
  }
  for (const pair of [options.map ?? []].flat()) {
    const m = /^([a-z_]+)=(.+)$/.exec(pair);
    if (!m) throw new Usage(`--map: expected <canonical column>=<your column>, got ${pair}`);
    map[m[1]] = m[2];
  }
  const bad = Object.keys(map).find((k) => !kit.CANONICAL_ORDER_COLUMNS.includes(k));
  if (bad) throw new Usage(`--map ${bad}: not a canonical column; expected one of ${kit.CANONICAL_ORDER_COLUMNS.join(', ')}`);
  for (const pair of [options['map-status'] ?? []].flat()) {
    const m = /^([a-z]+)=(.+)$/.exec(pair);
    if (!m) throw new Usage(`--map-status: expected <canonical status>=<your value>,<your value>…, got ${pair}`);
    statuses[m[1]] = [...(statuses[m[1]] ?? []), ...m[2].split(',')];
  }
  const dateFormat = options['date-format'];
  const dateOrder = dateFormat === undefined ? undefined : { 'DD/MM/YYYY': 'dmy', 'MM/DD/YYYY': 'mdy', ISO: 'iso' }[String(dateFormat).toUpperCase()];
  if (dateFormat !== undefined && !dateOrder) throw new Usage(`--date-format: expected DD/MM/YYYY, MM/DD/YYYY or ISO, got ${dateFormat}`);
  const delimiter = options.delimiter === undefined ? undefined : options.delimiter === 'tab' || options.delimiter === '\\t' ? '\t' : options.delimiter;
  if (delimiter !== undefined && !kit.DELIMITERS.includes(delimiter)) throw new Usage(`--delimiter: expected , ; tab or |, got ${options.delimiter}`);
  return {
    map, statuses, dateOrder, delimiter,
    encoding: options.encoding === undefined ? undefined : oneOf('encoding', String(options.encoding).toLowerCase(), ['utf-8', 'windows-1252']),
    decimal: options.decimal === undefined ? undefined : oneOf('decimal', options.decimal, [',', '.']),
    currency: options.currency,
  };
}

const commands = {
  async import({ options, positional: [source, dir] }) {
    if (source === 'ga4' && dir) return importGa4(dir, options);
    if (source === 'csv' && dir) {
      if (!options.out) throw new Usage('import csv needs --out <orders.csv|orders.json|orders.parquet>');
      if (!existsSync(dir)) throw new Error(`${dir}: no such file`);
      const opts = csvImportOptions(options);
      const raw = readFileSync(dir);
      const { orders, detected } = kit.importOrdersCsv(new Uint8Array(dir.endsWith('.gz') ? gunzipSync(raw) : raw), dir, opts);
      log(`detected: ${kit.describeDetected(detected)}`);
      log(`columns: ${Object.entries(detected.columns).map(([k, v]) => (k === v ? k : `${k} ← ${v}`)).join(', ')}`);
      return writeOrders(orders, options.out);
    }
    if (source !== 'olist' || !dir) throw new Usage('kpi-kit import olist <dir> --out <orders.csv|orders.json|orders.parquet>, kpi-kit import csv <export.csv> --out <orders.csv|…>, or kpi-kit import ga4 <export.parquet|export.json> --out <events.csv|events.parquet>');
    if (!options.out) throw new Usage('import needs --out <orders.csv|orders.json|orders.parquet>');
    // Each file as .csv or .csv.gz.
    const file = (name) => {
      const csv = path.join(dir, `olist_${name}_dataset.csv`);
      return existsSync(csv) || !existsSync(`${csv}.gz`) ? csv : `${csv}.gz`;
    };
    const optional = (name) => (existsSync(file(name)) ? read(file(name)) : undefined);
    const orders = kit.olistOrders({ orders: read(file('orders')), customers: optional('customers'), payments: optional('order_payments'), reviews: optional('order_reviews') });
    return writeOrders(orders, options.out);
  },
  build: ({ options, positional: [kind] }) => build(kind, options),
  sql({ options, positional: [kind] }) {
    if (kind === 'ga4') {
      const dialect = oneOf('dialect', options.dialect ?? 'bigquery', ['bigquery', 'duckdb']);
      process.stdout.write(`-- kpi-kit GA4 adapter for ${dialect}: a GA4 export to canonical events.\n${usage(() => kit.ga4EventsSql(dialect, options.table ?? (dialect === 'bigquery' ? 'my-project.analytics_123456.events_*' : 'ga4_export')))};\n`);
      return;
    }
    if (!KINDS.includes(kind)) throw new Usage(`kpi-kit sql ${KINDS.join('|')} --dialect ${kit.DIALECTS.join('|')}`);
    const dialect = oneOf('dialect', options.dialect ?? 'duckdb', [...kit.DIALECTS]);
    const opts = buildOptions(kind, options);
    const ctx = { dialect, orders: options.orders ?? 'orders', ...(opts.tz ? { tz: opts.tz } : {}) };
    const recipe = usage(() => {
      const reach = { ...ctx, events: options.events ?? 'events', steps: opts.steps, window: opts.window, segmentBy: opts.segmentBy, from: opts.from, to: opts.to };
      if (kind === 'checkout-friction') return kit.checkoutRecipe({ ...reach, frictions: options.frictions ?? 'frictions', complete: opts.complete });
      if (kind === 'funnel' && options.events) return kit.reachRecipe(reach);
      if (kind === 'cohort') return kit.cohortRecipe({ ...ctx, period: opts.period });
      if (kind === 'regional-sla') return kit.regionalSlaRecipe({ ...ctx, metrics: opts.metrics });
      if (kind === 'funnel') return kit.funnelOrdersRecipe({ ...ctx, steps: opts.steps.map((s) => s.column), segmentBy: opts.segmentBy, from: opts.from, to: opts.to });
      if (kind === 'channels') return kit.channelsRecipe({ ...ctx, from: opts.from, to: opts.to });
      return kit.forecastRecipe(ctx);
    });
    process.stdout.write(`-- kpi-kit ${kind} recipe for ${dialect}: flat rows; the builders assemble the document.\n${kit.printRecipe(recipe, dialect)}`);
  },
  check({ positional: [file] }) {
    if (!file) throw new Usage('kpi-kit check <document.json>');
    const result = kit.parseKpi(read(file));
    if (!result.ok) {
      process.stderr.write(`${file}: ${result.issues.length} problem${result.issues.length > 1 ? 's' : ''}\n${result.issues.map((i) => `  ${kit.issueText(i)}`).join('\n')}\n`);
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
  if (e instanceof kit.MissingDriverError && e.driver === '@duckdb/node-api') e.message += ' (or --engine memory for CSV and JSON files that fit in memory)';
  if (e instanceof Usage) {
    process.stderr.write(`kpi-kit: ${e.message}\n(kpi-kit --help for the commands)\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`kpi-kit: ${e.message}\n`);
    process.exitCode = 1;
  }
}
