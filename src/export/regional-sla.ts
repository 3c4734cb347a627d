/**
 * The regional SLA table's CSV export: the rows shown (filtered and sorted). Loaded with the export's code
 * (src/lazy/export.ts) when a user exports (or calls `toCSV()`), so pages that never export never download it.
 */
import type { RegionalSlaDoc } from '../schema/regional-sla.js';
import type { RegionalSlaMessages } from '../i18n/en/regional-sla.js';
import type { Translator } from '../i18n/index.js';
import { slaRows, type SlaRow, type SlaStatus } from '../compute/regional-sla.js';
import { SLA_COLUMNS, STATUS_TEXT, type SlaColumn } from '../view/regional-sla.js';
import { csvSeparator, decimalMark, toCsv } from '../format/csv.js';
import type { CsvOptions, CsvTable } from './csv.js';

/**
 * What the export needs from the table (passed in, so this module shares no code with the widget and loads on its own).
 */
export interface SlaCsvOptions {
  columns: readonly SlaColumn[];
  /** A status's name in the page's language. */
  statusName: (status: SlaStatus) => string;
  t: Translator<RegionalSlaMessages>;
  locale: string;
}

/**
 * The CSV export of the rows shown: id, region, group, volume, then for each metric its
 * duration columns, its target, its rate columns and its status, with localised headers.
 * Returns the rows for `toCsv` and which columns hold text.
 */
export function slaCsvTable(
  doc: Pick<RegionalSlaDoc, 'metrics'>,
  rows: readonly SlaRow[],
  { columns, statusName, t }: Omit<SlaCsvOptions, 'locale'>,
): { rows: (string | number | null)[][]; textColumns: Set<number> } {
  const head: (string | number | null)[] = ['id', t('region'), t('group'), t('volume')];
  const textColumns = new Set([0, 1, 2]);
  const durations = columns.filter((c) => c.kind === 'duration');
  const rates = columns.filter((c) => c.kind === 'percent');
  for (const m of doc.metrics) {
    for (const c of durations) head.push(`${m.label} – ${t(c.long)} (${m.unit})`);
    head.push(`${m.label} – ${t('target', { value: m.unit })}`);
    for (const c of rates) head.push(`${m.label} – ${t(c.long)}`);
    textColumns.add(head.push(`${m.label} – ${t('status')}`) - 1);
  }
  const body = rows.map((r) => {
    const line: (string | number | null)[] = [r.id, r.label, r.group, r.volume];
    for (const m of doc.metrics) {
      const cell = r.cells[m.id];
      for (const c of durations) line.push(cell?.[c.field] ?? null);
      line.push(m.target);
      for (const c of rates) line.push(cell?.[c.field] ?? null);
      line.push(cell?.status ? statusName(cell.status) : '');
    }
    return line;
  });
  return { rows: [head, ...body], textColumns };
}

/**
 * The rows shown as a CSV file's text in the locale's conventions (separator, decimal mark), with a BOM for
 * spreadsheets.
 */
export function slaCsv(doc: Pick<RegionalSlaDoc, 'metrics'>, rows: readonly SlaRow[], o: SlaCsvOptions): string {
  const table = slaCsvTable(doc, rows, o);
  return `\ufeff${toCsv(table.rows, table.textColumns, csvSeparator(o.locale), decimalMark(o.locale))}\r\n`;
}

/** The SLA table's rows as the widget shows them (filtered and sorted), else every region in document order. */
export function regionalSlaCsv(doc: RegionalSlaDoc, { t, shown }: CsvOptions<RegionalSlaMessages>): CsvTable {
  const rows = Array.isArray(shown) ? (shown as SlaRow[]) : slaRows(doc);
  const table = slaCsvTable(doc, rows, { columns: SLA_COLUMNS, statusName: (s) => t(STATUS_TEXT[s]), t });
  return { rows: table.rows, text: table.textColumns };
}
