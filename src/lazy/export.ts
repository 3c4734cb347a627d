/**
 * A widget's export (`el.export(format)`, the export menu): the SVG copy, the PNG painter and each kind's CSV table,
 * loaded the first time a user exports (chunks/export.js in the CDN build, self-contained like the insights).
 */
import { widgetSvg } from '../export/svg.js';
import { widgetPng } from '../export/png.js';
import { CSV_TABLES } from '../export/all.js';
import { csvText, type CsvOptions, type CsvTable } from '../export/csv.js';
import type { KpiBoardManifest, KpiDoc } from '../kinds/contract.js';
import { csvField } from '../format/csv.js';
import type { Messages } from '../i18n/index.js';
import { formatDateRange } from '../format/index.js';

import { exportMenu as menu, type ExportFormat, type MenuState } from '../export/menu.js';

export type { ExportFormat } from '../export/menu.js';

/** What a widget (or a board) hands over: its document, and its strings and view in the page's language. */
export interface ExportSource extends CsvOptions<Messages> {
  doc: KpiDoc | KpiBoardManifest;
}

/**
 * A board's CSV: each ready widget's own CSV (in the board's language), under a line with its title, a blank line
 * between them.
 */
async function boardCsv(board: HTMLElement): Promise<string> {
  type Exporting = HTMLElement & { export(f: 'csv'): Promise<Blob>; state?: string };
  const widgets = [...(board.shadowRoot?.querySelectorAll<Exporting>('[part~="cell"] > [state="ready"]') ?? [])];
  const parts = await Promise.all(
    widgets.map(async (w) => {
      // The BOM goes (Blob.text() drops it); the board's file has one.
      const title = w.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? w.localName;
      return `${csvField(title, ',', true)}\r\n${await (await w.export('csv')).text()}`;
    }),
  );
  return `\ufeff${parts.join('\r\n')}`;
}

/** A document's title and period ("Monthly revenue · 1 Jan – 31 Aug 2018"): the SVG's title, the file's name. */
export function exportLabel(doc: { title?: string; period?: { from: string; to: string } }, locale: string): string {
  const period = doc.period ? formatDateRange(locale, doc.period.from, doc.period.to) : '';
  return [doc.title, period].filter(Boolean).join(' · ');
}

/** The file of `format` for the widget `host`: an SVG document, a PNG at 2× device pixels, or its numbers' CSV. */
export async function exportBlob(format: ExportFormat, host: HTMLElement, s: ExportSource): Promise<Blob> {
  if (format === 'png') return widgetPng(host);
  if (format === 'svg') return new Blob([widgetSvg(host, exportLabel(s.doc, s.locale))], { type: 'image/svg+xml' });
  if (s.doc.kind === 'board') return new Blob([await boardCsv(host)], { type: 'text/csv;charset=utf-8' });
  const table = CSV_TABLES[s.doc.kind] as (doc: KpiDoc, o: CsvOptions<Messages>) => CsvTable;
  return new Blob([csvText(table(s.doc, s), s.locale)], { type: 'text/csv;charset=utf-8' });
}

/** A file name from the widget's title and period (letters, digits, `._-`; at most 80 characters). */
export function fileName(label: string, kind: string, format: ExportFormat): string {
  return `${
    label
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || kind
  }.${format}`;
}

/** The export menu's choices for a widget (`s`), each saving its file named after the widget's title and period. */
export function exportMenu(
  s: MenuState & { source(): ExportSource },
  label: string,
  locale: string,
): ReturnType<typeof menu> {
  return menu(s, label, locale, (f) => {
    const { doc, locale } = s.source();
    return fileName(exportLabel(doc, locale), doc.kind, f);
  });
}

/** What the widgets load. */
export type ExportCode = typeof import('./export.js');
