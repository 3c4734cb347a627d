/**
 * The CSV a widget exports (`el.export('csv')`, the export menu): one table per kind, the numbers the widget shows,
 * headers in the page's language; in a locale with a decimal comma (pt-BR, es) `;` separates the fields; UTF-8 with a
 * BOM, so a spreadsheet opens it right. Each kind's table is `<kind>Csv` in src/export/<kind>.ts, gathered by the
 * generated src/export/all.ts; this file writes any of them.
 */
import { csvSeparator, decimalMark, toCsv } from '../format/csv.js';
import type { Messages, Translator } from '../i18n/index.js';

/** A table to write: the header row first; the columns in `text` hold text (the others numbers, or null for none). */
export interface CsvTable {
  rows: (string | number | null)[][];
  text: ReadonlySet<number>;
}

/** What a kind's table is made with: the widget's strings in the page's language, and what the widget shows now. */
export interface CsvOptions<M extends Messages> {
  t: Translator<M>;
  locale: string;
  /** The widget's own view of the document (rows filtered and sorted, the forecast's outlook), when it has one. */
  shown?: unknown;
}

/** A table as a CSV file's text in `locale`'s conventions, with a BOM. */
export function csvText(table: CsvTable, locale: string): string {
  return `\ufeff${toCsv(table.rows, table.text, csvSeparator(locale), decimalMark(locale))}\r\n`;
}

/** A rate (0–1) as the percentage a spreadsheet shows under a "%" header, or null. */
export const percent = (part: number | null | undefined, whole: number | null | undefined): number | null =>
  part === null || part === undefined || !whole ? null : (part / whole) * 100;
