/**
 * A store's own orders export to canonical `orders` rows (`kpi-kit import csv`): what the file
 * really is, detected (encoding, delimiter, decimal mark, date order) with each guess
 * overridable, and its columns mapped to canonical names, case- and accent-insensitively.
 * A Brazilian Excel export (Windows-1252, `;`, `1.234,56`, `06/01/2026 11:55`, Portuguese
 * headers and statuses) is ordinary input. Pure and DOM-free.
 */
import { CsvError, foldName, parseCsv } from './csv.js';
import { cents, type OrderRow } from './orders.js';
import { wallClockToUtc } from './platform-export.js';
import { brazilianState } from './regions.js';
import { ORDER_COLUMNS, ORDER_TIMESTAMP_COLUMNS } from './tables.js';

export type Encoding = 'utf-8' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';
export type DecimalMark = '.' | ',';
/** How a file writes its dates: ISO 8601, day first (`DD/MM/YYYY`) or month first (`MM/DD/YYYY`). */
export type DateOrder = 'iso' | 'dmy' | 'mdy';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export const DATE_ORDERS: readonly DateOrder[] = ['iso', 'dmy', 'mdy'];

/**
 * The text of a file's bytes: UTF-8 (with or without a BOM) when it decodes as such, else Windows-1252, as Excel saves.
 */
export function decodeText(bytes: Uint8Array, encoding?: Encoding): { text: string; encoding: Encoding } {
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** How many times `d` occurs in a line outside double quotes. */
function splitLine(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter: the candidate that splits the header into the most fields and every one of the
 * next lines (up to 20) into as many; ties go to the order of {@link DELIMITERS}.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 21);
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => splitLine(l, d));
    const head = counts[0] ?? 0;
    if (head > bestCount && counts.every((c) => c === head)) [best, bestCount] = [d, head];
  }
  return best;
}

const COMMA_DECIMAL = /^-?\d{1,3}(\.\d{3})*,\d+$|^-?\d+,\d+$/;
const DOT_DECIMAL = /^-?\d{1,3}(,\d{3})*\.\d+$|^-?\d+\.\d+$/;
/** `1.234`: a thousand two hundred and thirty-four with dot thousands, or one and a bit: it says nothing. */
const DOT_GROUPS = /^-?\d{1,3}(\.\d{3})+$/;
/** A whole amount in each mark's way of writing it (thousands grouped by the other mark, or not). */
const AMOUNT: Record<DecimalMark, RegExp> = {
  ',': /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/,
  '.': /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/,
};

/**
 * The decimal mark of a column of amounts: a comma when some value reads only that way
 * (`1.653,78`, `12,5`), a dot when some reads only that way (`1,653.78`, `12.5`); a dot when
 * none says (whole numbers).
 */
export function detectDecimal(values: readonly string[]): DecimalMark {
  for (const raw of values) {
    const v = raw.trim().replace(/^R\$\s*/, '');
    if (COMMA_DECIMAL.test(v) && !DOT_DECIMAL.test(v)) return ',';
    if (DOT_DECIMAL.test(v) && !COMMA_DECIMAL.test(v) && !DOT_GROUPS.test(v)) return '.';
  }
  return '.';
}

/** An amount as a number (`R$ 1.653,78` → 1653.78 with `,`), or null when empty; NaN when it is not one. */
export function parseAmount(raw: string | undefined, decimal: DecimalMark): number | null {
  const v = (raw ?? '')
    .trim()
    .replace(/^R\$\s*/, '')
    .replace(/\s/g, '');
  if (v === '') return null;
  if (!AMOUNT[decimal].test(v)) return NaN;
  return Number(decimal === ',' ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, ''));
}

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(\s*(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * The date order of a file's timestamp values: ISO when they are; day first when some first part
 * is over 12, month first when some second part is; null when every slashed date could be either
 * (every day ≤ 12: the caller asks for `--date-format`).
 */
export function detectDateOrder(values: readonly string[]): DateOrder | null {
  const slashed = values.map((v) => SLASHED.exec(v.trim())).filter((m): m is RegExpExecArray => m !== null);
  if (!slashed.length) return 'iso';
  if (slashed.some((m) => Number(m[1]) > 12)) return 'dmy';
  if (slashed.some((m) => Number(m[2]) > 12)) return 'mdy';
  return null;
}

/**
 * A timestamp cell as the canonical `YYYY-MM-DD HH:mm:ss` (ISO cells as written), null when empty, undefined when it is
 * not a date.
 */
export function parseTimestamp(raw: string | undefined, order: DateOrder): string | null | undefined {
  const v = (raw ?? '').trim();
  if (v === '') return null;
  if (ISO.test(v)) return v.replace(/\s+([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const m = SLASHED.exec(v);
  if (!m || order === 'iso') return undefined;
  const [d, mo] = order === 'dmy' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const pad = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  const day = `${m[3]}-${pad(mo)}-${pad(d)}`;
  const t = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== day || Number(m[4] ?? 0) > 23) return undefined;
  return `${day} ${pad(m[4])}:${pad(m[5])}:${pad(m[6])}`;
}

/** The canonical order columns a file's own columns can map to. */
export const CANONICAL_ORDER_COLUMNS = ORDER_COLUMNS;
export type CanonicalOrderColumn = (typeof CANONICAL_ORDER_COLUMNS)[number];
const TIMESTAMPS = new Set<CanonicalOrderColumn>(ORDER_TIMESTAMP_COLUMNS);

/** What `kpi-kit import csv` takes besides the file. */
export interface CsvImportOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  decimal?: DecimalMark;
  dateOrder?: DateOrder;
  /**
   * Canonical column → the file's column (matched case- and accent-insensitively); unmapped canonical names match
   * themselves.
   */
  map?: Partial<Record<CanonicalOrderColumn, string>>;
  /** Canonical status → the file's values for it (`canceled: ['Cancelado', 'Cancelada']`). */
  statuses?: Record<string, readonly string[]>;
  /** Currency when the file has no currency column (ISO 4217). */
  currency?: string;
  /** The IANA zone of the file's wall-clock times (those without an offset); default UTC. */
  tz?: string;
}

/** What was detected (or given), to say on standard error. */
export interface CsvDetected {
  encoding: Encoding;
  delimiter: Delimiter;
  decimal: DecimalMark;
  dateOrder: DateOrder;
  /** Canonical column → the file's column it was read from. */
  columns: Partial<Record<CanonicalOrderColumn, string>>;
}

/** "Windows-1252, ';', decimal ',', dates DD/MM/YYYY": what was detected, in one line. */
export function describeDetected(d: CsvDetected): string {
  const delim = d.delimiter === '\t' ? 'tab' : `'${d.delimiter}'`;
  const dates = { iso: 'ISO 8601', dmy: 'DD/MM/YYYY', mdy: 'MM/DD/YYYY' }[d.dateOrder];
  return `${d.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, ${delim}, decimal '${d.decimal}', dates ${dates}`;
}

/**
 * Canonical orders from a store's CSV export: detection, mapping, statuses, Brazilian states. Errors name file, line,
 * column and value, and the flag that fixes a wrong guess.
 */
export function importOrdersCsv(
  bytes: Uint8Array,
  file: string,
  o: CsvImportOptions = {},
): { orders: OrderRow[]; detected: CsvDetected } {
  const { text, encoding } = decodeText(bytes, o.encoding);
  const delimiter = o.delimiter ?? detectDelimiter(text);
  const table = parseCsv(text, file, delimiter, true);
  const byFolded = new Map(table.header.map((h) => [foldName(h), h]));
  const columns: Partial<Record<CanonicalOrderColumn, string>> = {};
  for (const c of CANONICAL_ORDER_COLUMNS) {
    const wanted = o.map?.[c];
    const found = byFolded.get(foldName(wanted ?? c));
    if (wanted !== undefined && found === undefined)
      throw new CsvError(file, 1, `--map ${c}=${wanted}: no such column; found ${table.header.join(', ')}`);
    if (found !== undefined) columns[c] = found;
  }
  const missing = (['order_id', 'customer_id', 'ordered_at'] as const).filter((c) => !columns[c]);
  if (missing.length) {
    throw new CsvError(
      file,
      1,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(map them with --map ${missing[0]}=<your column>); found ${table.header.join(', ')}` +
        (delimiter === ',' && table.header.length === 1
          ? ' (one column: is the delimiter another one? --delimiter ";")'
          : ''),
    );
  }
  const cell = (values: Record<string, string>, c: CanonicalOrderColumn) =>
    columns[c] === undefined ? undefined : values[columns[c]!];
  const decimal =
    o.decimal ?? detectDecimal(columns.amount ? table.records.map((r) => r.values[columns.amount!] ?? '') : []);
  const dateCells = table.records.flatMap((r) =>
    [...TIMESTAMPS].map((c) => cell(r.values, c) ?? '').filter((v) => v.trim() !== ''),
  );
  const dateOrder = o.dateOrder ?? detectDateOrder(dateCells);
  if (dateOrder === null)
    throw new CsvError(
      file,
      2,
      'every date could be day first or month first (no day above 12): say which with --date-format DD/MM/YYYY or ' +
        'MM/DD/YYYY',
    );
  const statusOf = new Map<string, string>();
  for (const [canonical, values] of Object.entries(o.statuses ?? {}))
    for (const v of values) statusOf.set(foldName(v), canonical);
  const orders = table.records.map(({ line, values }) => {
    const bad = (c: CanonicalOrderColumn, v: string | undefined, what: string, flag: string) =>
      new CsvError(
        file,
        line,
        `column ${columns[c]} (${c}): expected ${what}, ` +
          `got ${v ? JSON.stringify(v) : 'nothing'}${flag ? ` (${flag})` : ''}`,
      );
    const row: OrderRow = {
      order_id: (cell(values, 'order_id') ?? '').trim(),
      customer_id: (cell(values, 'customer_id') ?? '').trim(),
      ordered_at: '',
    };
    if (!row.order_id) throw bad('order_id', cell(values, 'order_id'), 'a non-empty id', '');
    if (!row.customer_id) throw bad('customer_id', cell(values, 'customer_id'), 'a non-empty id', '');
    for (const c of TIMESTAMPS) {
      if (!columns[c]) continue;
      const written = parseTimestamp(cell(values, c), dateOrder);
      const t = written && o.tz && !/[zZ]$|[+-]\d{2}:\d{2}$/.test(written) ? wallClockToUtc(written, o.tz) : written;
      const flag =
        dateOrder === 'iso'
          ? ''
          : `read as ${dateOrder === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}; --date-format says otherwise`;
      if (t === undefined || (c === 'ordered_at' && t === null))
        throw bad(c, cell(values, c), c === 'ordered_at' ? 'a date' : 'a date or nothing', flag);
      (row as unknown as Record<string, string | null>)[c] = t;
    }
    if (columns.amount) {
      const a = parseAmount(cell(values, 'amount'), decimal);
      if (a !== null && !Number.isFinite(a))
        throw bad('amount', cell(values, 'amount'), 'an amount', `decimal '${decimal}'; --decimal says otherwise`);
      row.amount = a === null ? null : cents(a);
    }
    if (columns.review_score) {
      const s = (cell(values, 'review_score') ?? '').trim();
      if (s !== '' && !/^\d+$/.test(s)) throw bad('review_score', s, 'a whole number', '');
      row.review_score = s === '' ? null : Number(s);
    }
    const texts = ['status', 'channel', 'currency', 'region_id', 'region_label', 'region_group', 'store_id'] as const;
    for (const c of texts) {
      const v = (cell(values, c) ?? '').trim();
      if (columns[c]) row[c] = v === '' ? null : v;
    }
    if (row.status) row.status = statusOf.get(foldName(row.status)) ?? row.status;
    if (!columns.currency && o.currency) row.currency = o.currency;
    // A Brazilian state (SP, sp, São Paulo) gets the canonical id, name and macro-region, unless the file names them.
    const state = row.region_id ? brazilianState(row.region_id) : null;
    if (state)
      Object.assign(row, {
        region_id: state.region_id,
        region_label: row.region_label ?? state.region_label,
        region_group: row.region_group ?? state.region_group,
      });
    return row;
  });
  return { orders, detected: { encoding, delimiter, decimal, dateOrder, columns } };
}
