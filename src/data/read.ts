/**
 * Canonical rows (orders, events, frictions) from a file's text (CSV with a header, or a
 * JSON array), checked row by row so an error names the file, the line, the column and the value.
 */
import { CsvError, parseCsv, requireColumns } from './csv.js';
import { checkOrders, RowError, type OrderRow } from './orders.js';
import { csvField } from '../format/csv.js';
import { ORDER_COLUMNS, TABLES, type TableSpec } from './tables.js';
import { missingNamedColumns } from './build-checks.js';
import { checkEvents, checkFrictions, type EventRow, type FrictionRow } from './events.js';

/** Orders from CSV text: canonical columns read, others ignored; empty fields are null. */
export function ordersFromCsv(text: string, file: string, need: readonly string[] = []): OrderRow[] {
  return tableFromCsv(text, file, TABLES.orders, checkOrders, need);
}

/** Orders from a JSON array of canonical objects; `need`: columns a build names, which some row must have. */
export function ordersFromJson(text: string, file: string, need: readonly string[] = []): OrderRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CsvError(file, 1, `expected JSON, got text that does not parse (${(e as Error).message})`);
  }
  if (!Array.isArray(value)) throw new CsvError(file, 1, 'expected a JSON array of orders');
  checkOrders(value as OrderRow[]);
  const missing = need.length
    ? missingNamedColumns(file, need, new Set(value.flatMap((r) => Object.keys(r as object))))
    : null;
  if (missing) throw new CsvError(file, 1, missing.slice(file.length + 2));
  return value as OrderRow[];
}

/** Orders as CSV text with every canonical column (`store_id` only when some order has one), for `kpi-kit import`. */
export function ordersToCsv(orders: readonly OrderRow[]): string {
  const stores = orders.some((o) => o.store_id != null && o.store_id !== '');
  return rowsToCsv(orders, stores ? ORDER_COLUMNS : ORDER_COLUMNS.filter((c) => c !== 'store_id'));
}

/**
 * Rows of a canonical table from CSV text: its columns read (others ignored), empty fields null, numbers checked with
 * their line.
 */
function tableFromCsv<T>(
  text: string,
  file: string,
  spec: TableSpec,
  check: (rows: T[]) => void,
  need: readonly string[] = [],
): T[] {
  const table = parseCsv(text, file);
  requireColumns(table, file, [...spec.required]);
  const missing = missingNamedColumns(file, need, table.header);
  if (missing) throw new CsvError(file, 1, missing.slice(file.length + 2));
  const rows = table.records.map(({ line, values }) => {
    const row: Record<string, unknown> = {};
    for (const c of [...spec.text, ...spec.timestamps]) if (c in values) row[c] = values[c] === '' ? null : values[c];
    for (const { column: c, integer } of spec.numbers) {
      if (!(c in values) || values[c] === '') continue;
      const n = Number(values[c]);
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n)))
        throw new CsvError(
          file,
          line,
          `column ${c}: expected ${integer ? 'an integer' : 'a number'}, got ${JSON.stringify(values[c])}`,
        );
      row[c] = n;
    }
    return row as T;
  });
  try {
    check(rows);
  } catch (e) {
    if (e instanceof RowError)
      throw new CsvError(file, table.records[e.row - 1]!.line, e.message.replace(/^row \d+, /, ''));
    throw e;
  }
  return rows;
}

/** Events from CSV text (canonical `events` columns). */
export const eventsFromCsv = (text: string, file: string, need: readonly string[] = []): EventRow[] =>
  tableFromCsv(text, file, TABLES.events, checkEvents, need);
/** Frictions from CSV text (canonical `frictions` columns). */
export const frictionsFromCsv = (text: string, file: string): FrictionRow[] =>
  tableFromCsv(text, file, TABLES.frictions, checkFrictions);

/** Rows as CSV text with the given columns (data, not a spreadsheet export: no formula guard). */
export function rowsToCsv(rows: readonly object[], columns: readonly string[]): string {
  const cell = (v: unknown) => csvField(v === undefined ? null : (v as string | number | null), ',', false);
  const lines = rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(','));
  return `${[columns.join(','), ...lines].join('\n')}\n`;
}

/** Every column of a canonical table, in the order files are written. */
export const tableColumns = (spec: TableSpec): string[] => [
  ...new Set([...spec.required, ...spec.text, ...spec.timestamps, ...spec.numbers.map((n) => n.column)]),
];
