/**
 * The export menu in a widget's header (part `export`; hidden with `no-export`): a button that opens three
 * choices, SVG image, PNG image and CSV data, each saved as a file named after the title and period. The
 * button is one Tab stop. Its choices, their keys and styles, and the export itself load on the first use
 * (src/lazy/export.ts, chunks/export.js): this part, in every widget, is the button and the menu's state.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ExportCode, ExportFormat, ExportSource } from '../lazy/export.js';

export type { ExportFormat } from '../lazy/export.js';

let code: Promise<ExportCode> | undefined;
/** The export's code (loaded once per page). */
const exportCode = (): Promise<ExportCode> => (code ??= import('../lazy/export.js'));

export class ExportMenu {
  open = false;
  /** The export's code, once loaded. */
  code?: ExportCode;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    /** What the widget exports (it has a document). */
    readonly source: () => ExportSource,
  ) {}

  /** The file of `format` (what `el.export(format)` returns). */
  async blob(format: ExportFormat): Promise<Blob> {
    return (await exportCode()).exportBlob(format, this.host, this.source());
  }

  #toggle = async (): Promise<void> => {
    this.code = await exportCode();
    this.open = !this.open;
    this.host.requestUpdate();
  };

  /** The button (its text `label`) and, while open, the choices (which focus the first when they open). */
  render(label: string, locale: string): TemplateResult {
    const menu = this.open && this.code ? this.code.exportMenu(this, label, locale) : nothing;
    return html`<div class="export seg-toggle">
      <button type="button" part="export" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'}
        @click=${this.#toggle}>${label}</button>${menu}
    </div>`;
  }
}
