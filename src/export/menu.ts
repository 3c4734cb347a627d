/**
 * The export menu's choices (loaded with the export's code, src/lazy/export.ts): SVG image, PNG image, CSV
 * data. Opening puts focus on the first; the arrows, Home and End move between them; Escape, or focus leaving
 * them, closes the menu and gives focus back to its button; a choice saves its file.
 *
 * This file is in a chunk of its own, which must not carry a second copy of Lit (a second Trusted Types policy
 * named `lit-html` breaks a strict CSP): its template is made with a tag of the same shape as Lit's `html`,
 * which the widget's Lit renders, and its styles are a constructed style sheet, as Lit's own.
 */
import type { TemplateResult } from 'lit';
import { languageFor } from '../i18n/index.js';

export type ExportFormat = 'svg' | 'png' | 'csv';
const FORMATS: readonly ExportFormat[] = ['svg', 'png', 'csv'];
/** The choices' names in each language (the button's, "Export", is the widget's). */
const NAMES = {
  en: { svg: 'SVG image', png: 'PNG image', csv: 'CSV data' },
  'pt-BR': { svg: 'Imagem SVG', png: 'Imagem PNG', csv: 'Dados CSV' },
  es: { svg: 'Imagen SVG', png: 'Imagen PNG', csv: 'Datos CSV' },
} as const;

/** The widget's side of the menu (src/core/export.ts). */
export interface MenuState {
  open: boolean;
  /** Set when the menu has focused its first choice since it opened. */
  focused?: boolean;
  host: HTMLElement & { requestUpdate(): void; readonly updateComplete: Promise<unknown> };
  blob(format: ExportFormat): Promise<Blob>;
}

/** Lit's `html`: a template result its renderer takes (the strings are the tag's own, as Lit checks). */
const html = (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult =>
  ({ ['_$litType$']: 1, strings, values }) as unknown as TemplateResult;

const STYLES = `
  .export { position: relative; }
  .export [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + 4px);
    z-index: 3;
    display: grid;
    min-width: 9em;
    padding: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_r-m);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.18);
  }
  .export [role='menuitem'] {
    border: 0;
    padding: 5px 10px;
    border-radius: var(--_r-s);
    text-align: start;
    white-space: nowrap;
    cursor: pointer;
    color: var(--_text);
    font-size: 0.9em;
  }
  .export [role='menuitem']:hover { background: var(--_surface-2); }
  @media (forced-colors: active) { .export [role='menu'] { border-color: CanvasText; } }
`;
let sheet: CSSStyleSheet | undefined;

/** Adds the menu's styles to a widget's shadow root (once). */
function menuStyles(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Closes the menu; focus back to its button when `refocus`. */
function close(s: MenuState, menu: HTMLElement, refocus: boolean): void {
  s.open = s.focused = false;
  s.host.requestUpdate();
  if (refocus) (menu.previousElementSibling as HTMLElement | null)?.focus();
}

function onKey(s: MenuState, e: KeyboardEvent): void {
  const menu = e.currentTarget as HTMLElement;
  const items = [...menu.children] as HTMLElement[];
  const i = items.indexOf(e.target as HTMLElement);
  if (e.key === 'Escape') {
    // The menu closes; the page (a board's cross-filter) does not hear it.
    e.stopPropagation();
    close(s, menu, true);
    return;
  }
  const n = items.length;
  const next = { ArrowDown: (i + 1) % n, ArrowUp: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  items[next]!.focus();
}

function onLeave(s: MenuState, e: FocusEvent): void {
  const wrap = (e.currentTarget as HTMLElement).parentElement!;
  if (s.open && !wrap.contains(e.relatedTarget as Node | null)) close(s, e.currentTarget as HTMLElement, false);
}

/** What a choice does: closes the menu and saves its file, named by `name`. */
async function pick(s: MenuState, format: ExportFormat, e: Event, name: (f: ExportFormat) => string): Promise<void> {
  const menu = (e.currentTarget as HTMLElement).parentElement!;
  const wrap = menu.parentElement!;
  close(s, menu, true);
  // The picture is taken with the menu closed.
  await s.host.updateComplete;
  save(wrap, await s.blob(format), name(format));
}

/** Saves `blob` as `name`: a link to it, clicked from inside `root` and removed, the blob freed a second later. */
export function save(root: ParentNode, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The menu's choices for a widget whose state is `s`, named `label`, in `locale`'s language, each saving a file named
 * by `name`. Its styles are added to the widget's shadow root; once rendered, its first choice takes the focus.
 */
export function exportMenu(
  s: MenuState,
  label: string,
  locale: string,
  name: (f: ExportFormat) => string,
): TemplateResult {
  const root = s.host.shadowRoot;
  if (root) menuStyles(root);
  if (!s.focused) {
    s.focused = true;
    void s.host.updateComplete.then(() =>
      (root?.querySelector('.export [role=menuitem]') as HTMLElement | null)?.focus(),
    );
  }
  const say = NAMES[languageFor(locale)];
  const choice = (f: ExportFormat) => html`<button type="button" role="menuitem" tabindex="-1"
    @click=${(e: Event) => pick(s, f, e, name)}>${say[f]}</button>`;
  return html`<div role="menu" part="export-menu" aria-label=${label}
    @keydown=${(e: KeyboardEvent) => onKey(s, e)} @focusout=${(e: FocusEvent) => onLeave(s, e)}>
    ${FORMATS.map(choice)}
  </div>`;
}
