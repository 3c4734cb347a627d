/**
 * The regional SLA table's CSV export. Loaded when a user exports (or calls
 * `toCSV()`), so pages that never export never download it.
 */
import type { RegionalSlaDoc } from '../schema/regional-sla.js';
import type { RegionalSlaMessages } from '../i18n/en/regional-sla.js';
import type { Translator } from '../i18n/index.js';
import type { SlaRow, SlaStatus } from '../compute/regional-sla.js';
import type { SlaColumn } from './regional-sla.js';
import { csvSeparator, decimalMark, toCsv } from '../format/csv.js';

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

/**
 * Saves `text` as a CSV file named after the document's `title` (letters, digits, `._-`; at most
 * 80 characters): a link to a blob, clicked from inside `root` and removed, the blob freed a second later.
 */
export function saveCsv(root: ParentNode, title: string | undefined, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${(title ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'regional-sla'}.csv`;
  a.rel = 'noopener';
  a.style.display = 'none';
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
