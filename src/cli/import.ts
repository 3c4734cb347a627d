/**
 * `kpi-kit import`: a store's own export to canonical orders (Olist's files, a CSV export of any shape, a platform's
 * export), or a GA4 export to canonical events; written to --out as CSV, JSON or Parquet, atomically.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkTimeZone } from '../data/dialects.js';
import { openDuckDb } from '../data/engines.js';
import { ga4EventsSql } from '../data/ga4.js';
import {
  CANONICAL_ORDER_COLUMNS,
  DELIMITERS,
  describeDetected,
  importOrdersCsv,
  type CanonicalOrderColumn,
  type CsvImportOptions,
  type Delimiter,
} from '../data/import-csv.js';
import { loadOrdersFile, sqlString } from '../data/load.js';
import { olistOrders } from '../data/olist.js';
import type { OrderRow } from '../data/orders.js';
import { asUsage, flag, flagList, oneOf, UsageError, type Flags } from '../data/paths/common.js';
import { PLATFORM_IMPORTS, type PlatformImport } from '../data/platforms.js';
import { ordersToCsv } from '../data/read.js';
import type { Args } from './args.js';
import { log, output, partName, read, readBytes } from './io.js';

/** The --store id, checked: no space, comma or quote. */
function storeFlag(options: Flags): string | undefined {
  const store = flag(options, 'store');
  if (store !== undefined && !/^[^\s,;'"\\]{1,200}$/.test(store))
    throw new UsageError(`--store: expected an id without spaces, commas or quotes, got ${JSON.stringify(store)}`);
  return store;
}

/** With --store, every order belongs to that store (store_id); an order's own store_id is kept otherwise. */
function withStore(orders: OrderRow[], options: Flags): OrderRow[] {
  const store = storeFlag(options);
  return store === undefined ? orders : orders.map((o) => ({ ...o, store_id: store }));
}

/** Canonical orders to --out: CSV, JSON, or Parquet through DuckDB; written atomically. */
async function writeOrders(orders: OrderRow[], out: string): Promise<void> {
  if (/\.parquet$/i.test(out)) {
    // Parquet through DuckDB: the CSV text to a temporary file, copied with canonical types.
    const tmp = partName(out, 'csv');
    const db = await openDuckDb();
    try {
      writeFileSync(tmp, ordersToCsv(orders));
      await loadOrdersFile(db, tmp);
      const part = partName(out);
      await db.all(`COPY orders TO ${sqlString(part)} (FORMAT parquet)`);
      renameSync(part, out);
    } finally {
      rmSync(tmp, { force: true });
      await db.close();
    }
  } else output(out.endsWith('.json') ? `${JSON.stringify(orders, null, 1)}\n` : ordersToCsv(orders), out);
  log(`${orders.length} orders written to ${out}`);
}

/** A GA4 BigQuery export copied to Parquet or JSON → canonical events, through the adapter on DuckDB. */
async function importGa4(file: string, options: Flags): Promise<void> {
  const out = flag(options, 'out');
  if (!out) throw new UsageError('import ga4 needs --out <events.csv|events.parquet|events.json>');
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  // --store: every event belongs to that store (checked by storeFlag, and quoted as an SQL string).
  const store = storeFlag(options);
  const db = await openDuckDb();
  const part = partName(out);
  try {
    const source = /\.json$/i.test(file) ? `read_json(${sqlString(file)})` : `read_parquet(${sqlString(file)})`;
    const format = /\.parquet$/i.test(out)
      ? 'FORMAT parquet'
      : /\.json$/i.test(out)
        ? 'FORMAT json, ARRAY true'
        : 'FORMAT csv, HEADER true';
    try {
      const adapted = ga4EventsSql('duckdb', source);
      const stamped = store === undefined ? adapted : `SELECT *, ${sqlString(store)} AS store_id FROM (${adapted})`;
      await db.all(`CREATE TEMP TABLE ga4_events AS ${stamped}`);
    } catch (e) {
      throw new Error(
        `${file}: not a GA4 export (expected event_name, event_timestamp, user_pseudo_id, event_params, device, ` +
          `geo, traffic_source, ecommerce): ${(e as Error).message.split('\n')[0]}`,
      );
    }
    await db.all(`COPY ga4_events TO ${sqlString(part)} (${format})`);
    const [row] = await db.all('SELECT CAST(count(*) AS INTEGER) AS n FROM ga4_events');
    renameSync(part, out);
    log(`${row?.n} events written to ${out}`);
  } finally {
    rmSync(part, { force: true });
    await db.close();
  }
}

/** The column and status mapping of `import csv`: --map-file, then --map and --map-status, checked. */
function csvMapping(options: Flags): Pick<CsvImportOptions, 'map' | 'statuses'> {
  const map: Record<string, string> = {};
  const statuses: Record<string, string[]> = {};
  const mapFile = flag(options, 'map-file');
  if (mapFile) {
    const file = JSON.parse(read(mapFile)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(file)) {
      // "statuses": { "canceled": ["Cancelado", "Cancelada"] } beside the columns.
      if (k === 'statuses' && typeof v === 'object' && v !== null)
        for (const [st, values] of Object.entries(v)) statuses[st] = [values].flat().map(String);
      else map[k] = String(v);
    }
  }
  for (const pair of flagList(options, 'map')) {
    const m = /^([a-z_]+)=(.+)$/.exec(pair);
    if (!m) throw new UsageError(`--map: expected <canonical column>=<your column>, got ${pair}`);
    map[m[1]!] = m[2]!;
  }
  const bad = Object.keys(map).find((k) => !(CANONICAL_ORDER_COLUMNS as readonly string[]).includes(k));
  if (bad)
    throw new UsageError(`--map ${bad}: not a canonical column; expected one of ${CANONICAL_ORDER_COLUMNS.join(', ')}`);
  for (const pair of flagList(options, 'map-status')) {
    const m = /^([a-z]+)=(.+)$/.exec(pair);
    if (!m) throw new UsageError(`--map-status: expected <canonical status>=<your value>,<your value>…, got ${pair}`);
    statuses[m[1]!] = [...(statuses[m[1]!] ?? []), ...m[2]!.split(',')];
  }
  return { map: map as Partial<Record<CanonicalOrderColumn, string>>, statuses };
}

/** The import options of `import csv`, checked. */
function csvImportOptions(options: Flags): CsvImportOptions {
  const dateFormat = flag(options, 'date-format');
  const dateOrder =
    dateFormat === undefined
      ? undefined
      : ({ 'DD/MM/YYYY': 'dmy', 'MM/DD/YYYY': 'mdy', ISO: 'iso' } as const)[dateFormat.toUpperCase()];
  if (dateFormat !== undefined && !dateOrder)
    throw new UsageError(`--date-format: expected DD/MM/YYYY, MM/DD/YYYY or ISO, got ${dateFormat}`);
  const given = flag(options, 'delimiter');
  const delimiter = given === 'tab' || given === '\\t' ? '\t' : given;
  if (delimiter !== undefined && !(DELIMITERS as readonly string[]).includes(delimiter))
    throw new UsageError(`--delimiter: expected , ; tab or |, got ${given}`);
  const tz = flag(options, 'tz');
  const encoding = flag(options, 'encoding');
  const decimal = flag(options, 'decimal');
  return {
    ...csvMapping(options),
    dateOrder,
    delimiter: delimiter as Delimiter | undefined,
    tz: tz === undefined ? undefined : asUsage(() => checkTimeZone(tz)),
    encoding: encoding === undefined ? undefined : oneOf('encoding', encoding.toLowerCase(), ['utf-8', 'windows-1252']),
    decimal: decimal === undefined ? undefined : oneOf('decimal', decimal, [',', '.']),
    currency: flag(options, 'currency'),
  };
}

/** `import <platform> <file>`: a platform's order export, its dates in --tz when they carry no offset. */
async function importPlatform(name: string, platform: PlatformImport, file: string, options: Flags): Promise<void> {
  const out = flag(options, 'out');
  if (!out) throw new UsageError(`import ${name} needs --out <orders.csv|orders.json|orders.parquet>`);
  const tz = flag(options, 'tz');
  if (tz !== undefined && !platform.zone) throw new UsageError(`import ${name}: its dates carry their offset; no --tz`);
  if (tz !== undefined) asUsage(() => checkTimeZone(tz));
  const orders = platform.read(readBytes(file), file, { tz });
  log(`${orders.length} orders from ${file} (${platform.counted})`);
  if (platform.zone && tz === undefined)
    log(`dates without an offset read in ${platform.zone} (the store's time zone is --tz <IANA zone>)`);
  return writeOrders(withStore(orders, options), out);
}

/** `import csv <file>`: a store's own orders export, what was detected said on standard error. */
async function importCsv(file: string, options: Flags): Promise<void> {
  const out = flag(options, 'out');
  if (!out) throw new UsageError('import csv needs --out <orders.csv|orders.json|orders.parquet>');
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  const opts = csvImportOptions(options);
  const { orders, detected } = importOrdersCsv(readBytes(file), file, opts);
  log(`detected: ${describeDetected(detected)}${opts.tz ? `, times in ${opts.tz} written in UTC` : ''}`);
  const columns = Object.entries(detected.columns).map(([k, v]) => (k === v ? k : `${k} ← ${v}`));
  log(`columns: ${columns.join(', ')}`);
  return writeOrders(withStore(orders, options), out);
}

/** `import olist <dir>`: Olist's CSV files (each .csv or .csv.gz), the optional ones when present. */
async function importOlist(dir: string, options: Flags): Promise<void> {
  const out = flag(options, 'out');
  if (!out) throw new UsageError('import needs --out <orders.csv|orders.json|orders.parquet>');
  const file = (name: string) => {
    const csv = path.join(dir, `olist_${name}_dataset.csv`);
    return existsSync(csv) || !existsSync(`${csv}.gz`) ? csv : `${csv}.gz`;
  };
  const optional = (name: string) => (existsSync(file(name)) ? read(file(name)) : undefined);
  const orders = olistOrders({
    orders: read(file('orders')),
    customers: optional('customers'),
    payments: optional('order_payments'),
    reviews: optional('order_reviews'),
  });
  return writeOrders(withStore(orders, options), out);
}

/** `kpi-kit import <source> <file|dir>`. */
export async function importCommand({ options, positional: [source, file] }: Args): Promise<void> {
  if ((source === 'ga4' || source === 'olist') && options.tz !== undefined)
    throw new UsageError(`import ${source}: its timestamps are UTC already; no --tz`);
  const platforms: Record<string, PlatformImport> = PLATFORM_IMPORTS;
  if (file && source === 'ga4') return importGa4(file, options);
  if (file && source !== undefined && Object.hasOwn(platforms, source))
    return importPlatform(source, platforms[source]!, file, options);
  if (file && source === 'csv') return importCsv(file, options);
  if (file && source === 'olist') return importOlist(file, options);
  throw new UsageError(
    'kpi-kit import olist <dir> --out <orders.csv|orders.json|orders.parquet>, ' +
      'kpi-kit import csv <export.csv> --out <orders.csv|…>, ' +
      Object.entries(PLATFORM_IMPORTS)
        .map(([name, p]) => `kpi-kit import ${name} ${p.file} --out <orders.csv|…>, `)
        .join('') +
      'or kpi-kit import ga4 <export.parquet|export.json> --out <events.csv|events.parquet>',
  );
}
