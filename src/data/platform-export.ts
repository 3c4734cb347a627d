/**
 * What the platform presets (`kpi-kit import shopify`, `vtex`, `nuvemshop`, `woocommerce`) share:
 * a platform's export has a row per line item or SKU, the order's fields on its first row, so its
 * rows are grouped by the order's key and one canonical order is read from each first row; its
 * columns are found case- and accent-insensitively; a date without an offset is a wall-clock time
 * in the store's zone; a bad cell names the file, the line, the column and the value.
 */
import { CsvError, foldName, type CsvTable } from './csv.js';
import type { OrderRow } from './orders.js';
import { brazilianState } from './regions.js';
import { isRealDate } from '../schema/common.js';

/** How a platform's export reads. */
export interface PlatformExport {
  /** Its name in errors ("a Shopify order export"). */
  name: string;
  /** The columns without which the file is not one. */
  required: readonly string[];
  /** The order's key column, and what it holds (for the error when it is empty). */
  key: string;
  keyText: string;
  /**
   * A date cell as a UTC timestamp (one without an offset read as a wall-clock time in `tz`); null
   * when empty, undefined when it is not one.
   */
  time(text: string | undefined, tz: string): string | null | undefined;
  /** A date as the platform writes it, for errors. */
  timeExample: string;
}

/** An order's first row, as a preset reads it. */
export interface OrderCells {
  /** A cell's text, trimmed ('' when absent). */
  text(column: string): string;
  /** A date cell in UTC, or null when empty and not `required`; refused when it is not a date. */
  time(column: string, required?: boolean): string | null;
  /** The error for this row's `column`: it names the file, the line, the column and the value. */
  bad(column: string, expected: string): CsvError;
}

/** One canonical order per key of `table`, read by `read` from the key's first row. */
export function platformOrders(
  table: CsvTable,
  file: string,
  platform: PlatformExport,
  read: (cells: OrderCells, key: string) => OrderRow,
  tz = 'UTC',
): OrderRow[] {
  // The file's own spelling of each column, found by its folded name (`Data de envío`, `data de envio`).
  const byFolded = new Map(table.header.map((h) => [foldName(h), h]));
  const column = (c: string) => byFolded.get(foldName(c)) ?? c;
  const missing = platform.required.filter((c) => !byFolded.has(foldName(c)));
  if (missing.length) {
    throw new CsvError(
      file,
      1,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: not ${platform.name}; ` +
        `found ${table.header.join(', ')}`,
    );
  }
  const orders: OrderRow[] = [];
  const seen = new Set<string>();
  for (const { line, values } of table.records) {
    const text = (c: string) => (values[column(c)] ?? '').trim();
    const key = text(platform.key);
    if (!key) throw new CsvError(file, line, `column ${platform.key}: expected ${platform.keyText}, got nothing`);
    // Another line item (or SKU) of an order already read: the order's fields are on its first row.
    if (seen.has(key)) continue;
    seen.add(key);
    const bad = (column: string, expected: string) =>
      new CsvError(
        file,
        line,
        `column ${column}: expected ${expected}, got ${text(column) ? JSON.stringify(text(column)) : 'nothing'}`,
      );
    const time = (column: string, required = false) => {
      const t = platform.time(text(column), tz);
      if (t === undefined || (required && t === null))
        throw bad(column, `${platform.timeExample}${required ? '' : ' or nothing'}`);
      return t;
    };
    orders.push(read({ text, time, bad }, key));
  }
  return orders;
}

/**
 * The canonical region of a province (or state) in a country: a Brazilian state (`SP`, `São Paulo`;
 * country `BR`, `BRA` or none) by the UF table, with its name and macro-region; another as
 * `<country>-<province>`, labelled as written; nothing without a province.
 */
export function regionOf(
  province: string,
  country: string,
): Pick<OrderRow, 'region_id' | 'region_label' | 'region_group'> {
  if (!province) return {};
  const c = country.toUpperCase();
  if (!c || c === 'BR' || c === 'BRA' || /^BRA[SZ]IL$/.test(foldName(c).toUpperCase())) {
    const state = brazilianState(province);
    if (state) return state;
  }
  const id = `${c || 'XX'}-${province.toUpperCase()}`.replace(/[^A-Za-z0-9_.:-]/g, '_');
  return { region_id: id, region_label: province };
}

/**
 * A timestamp written without an offset (`YYYY-MM-DD[ HH:mm[:ss]]`, as `parseTimestamp` gives it), read as a
 * wall-clock time in `tz`, in UTC; undefined when it carries an offset or is not a day of the calendar.
 */
export function wallClockToUtc(timestamp: string, tz: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?)?$/.exec(timestamp);
  if (!m || !isRealDate(m[1]!)) return undefined;
  return zonedToUtc(m[1]!, `${m[2] ?? '00:00'}${m[3] ?? ':00'}`, tz);
}

const ZONES = new Map<string, Intl.DateTimeFormat>();

/**
 * A wall-clock time in the IANA zone `tz` as a UTC timestamp `YYYY-MM-DD HH:mm:ss`. A time the
 * zone skipped (clocks moved forward) is read as the same moment an hour later; a time it had
 * twice (clocks moved back), as the first.
 */
export function zonedToUtc(day: string, time: string, tz: string): string {
  const wall = Date.parse(`${day}T${time}Z`);
  const stamp = (t: number) => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
  if (tz === 'UTC') return stamp(wall);
  let f = ZONES.get(tz);
  if (!f) {
    const o = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' } as const;
    f = new Intl.DateTimeFormat('en-US', { ...o, second: 'numeric', hourCycle: 'h23', timeZone: tz });
    ZONES.set(tz, f);
  }
  const zone = f;
  // The zone's wall clock at the instant `t`, read as if it were UTC.
  const clock = (t: number) => {
    const p = Object.fromEntries(zone.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  };
  const first = wall - (clock(wall) - wall);
  const second = wall - (clock(first) - first);
  const exact = [first, second].filter((t) => clock(t) === wall);
  return stamp(exact.length ? Math.min(...exact) : Math.max(first, second));
}
