import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { baseStyles, tokens } from '../../src/theme/tokens.js';
import { SrcLoader, systemClock, type Clock } from '../../src/core/loader.js';
import { LanguageWait, onLangChange, resolveLocale } from '../../src/core/locale.js';
import { KpiErrorEvent } from '../../src/core/events.js';
import { errorPanel, loadFailureIssue, loadingPanel } from '../../src/core/status.js';
import { parseWith, type KpiIssue } from '../../src/schema/parse.js';
import {
  boardSchemaFor,
  type BoardManifest,
  type BoardPickerId,
  type BoardWidgetSpec,
} from '../../src/schema/board.js';
import {
  announcement,
  applyPick,
  localDay,
  offeredFilters,
  widgetFilters,
  widgetUrl,
  type BoardFilters,
} from '../../src/view/board.js';
import { BoardFilterState } from '../../src/core/board-filters.js';
import { translate, type BaseMessages, type Params, type Translator } from '../../src/i18n/index.js';
import { boardStrings, type BoardMessages } from '../../src/i18n/en/board.js';
import type { KpiKind } from '../../src/kinds/all.js';
import { FilterBar } from './filter-bar.js';
import { ExportMenu, type ExportFormat } from '../../src/core/export.js';
import type { Messages } from '../../src/i18n/index.js';
import { boardStyles } from './kpi-board.styles.js';
import { TAGS } from './tags.js';
import { loadWidgets } from './widgets.js';

/** The board schema for the registry's kinds (parseKpi makes the same one from the contract). */
const schema = boardSchemaFor(Object.keys(TAGS) as [KpiKind, ...KpiKind[]]);

/** The `kpi-board-change` event's detail: the board's filters after the change. */
export interface KpiBoardChangeDetail {
  filters: BoardFilters;
}

declare global {
  interface HTMLElementEventMap {
    'kpi-board-change': CustomEvent<KpiBoardChangeDetail>;
  }
}

/**
 * One dashboard from a manifest (a contract document of kind `board`): the widgets it lists on a
 * responsive grid, under a filter bar whose period, region, channel and store filters reach the
 * widgets that list them (appended to their `src` as the server's query parameters). A region
 * picked in the SLA table or a channel in the channel view filters the other widgets
 * (cross-filtering, through each widget's `select` map); the filters live in the page's query
 * string, so a link, a reload and the back button give the same dashboard. `locale`, `theme`, brand
 * tokens (CSS custom properties on the board) and `fetcher` reach every widget.
 *
 * Keyboard: the filter bar is a form landmark; a picker opens with Enter or Space, its search field
 * and checkboxes follow, Escape closes it and returns to its button. Escape elsewhere on the board
 * removes the latest cross-filter. Each active filter is a chip button that removes it.
 *
 * @summary A dashboard of kpi-kit widgets with shared filters, cross-filtering and URL state.
 * @tag kpi-board
 *
 * @attr src - A URL to fetch the board manifest from (JSON).
 * @attr locale - A BCP 47 locale for the board and every widget on it; default the manifest's, else the nearest `lang`.
 * @attr theme - `light` or `dark`, for the board and every widget; default the page's `color-scheme`.
 * @attr no-url-state - Keeps the filters out of the page's URL (for a second board on one page).
 * @attr no-export - Hides the export menu (`export()` still works).
 * @attr state - Reflects `loading`, `error` or `ready` (read-only).
 *
 * @fires kpi-board-change - The filters changed (by the user, the host or the URL): `detail.filters`.
 * @fires kpi-error - The manifest is invalid or could not be loaded; `detail.issues` lists each problem with its path.
 *
 * @csspart base - The board around the bar and the grid.
 * @csspart header - The title and subtitle.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart filters - The filter bar (a form).
 * @csspart picker - A picker's button.
 * @csspart chip - An active filter's chip (a button that removes it).
 * @csspart grid - The grid of widgets.
 * @csspart cell - A widget's region on the grid.
 * @csspart status - The loading or error panel.
 * @csspart export - The export menu's button: the board as an SVG or PNG image, or its widgets' numbers as CSV.
 * @csspart export-menu - The export menu's choices.
 *
 * @cssprop --kpi-board-gap - Space between widgets (default 16px).
 */
export class KpiBoard extends LitElement {
  static override styles = [tokens, baseStyles, boardStyles];

  static override properties: PropertyDeclarations = {
    manifest: { attribute: false },
    src: { reflect: true },
    locale: { reflect: true },
    theme: { reflect: true },
    noUrlState: { type: Boolean, attribute: 'no-url-state' },
    noExport: { type: Boolean, attribute: 'no-export' },
    state: { reflect: true },
    doc: { state: true },
    issues: { state: true },
    said: { state: true },
  };

  /** The clock for "today" (the period presets) and the manifest's load; tests replace it. @internal */
  static clock: Clock = systemClock;

  /** Kit-wide fetcher for boards without their own (`KpiBoard.fetcher = …`). */
  static fetcher?: typeof fetch;

  /** The board manifest (an object or JSON text). */
  manifest?: BoardManifest | string;
  /** A URL to fetch the manifest from. */
  src?: string;
  /** Locale override (BCP 47) for the board and every widget. */
  locale?: string;
  /** `light`, `dark`, or unset to follow the page. */
  theme?: 'light' | 'dark';
  /** Keep the filters out of the page's URL. */
  noUrlState = false;
  /** Hides the export menu. */
  noExport = false;
  /**
   * How the board fetches its manifest, the pickers' values and (passed on) every widget's document: e.g. a bearer
   * token for `kpi-kit serve`.
   */
  fetcher?: typeof fetch;
  /** `loading`, `error` or `ready`. @readonly */
  state: 'loading' | 'error' | 'ready' = 'loading';
  /** The problems with the latest manifest. @readonly */
  issues: KpiIssue[] = [];

  protected doc?: BoardManifest<KpiKind>;

  readonly #export = new ExportMenu(this, () => ({
    doc: this.doc!,
    t: this.text as unknown as Translator<Messages>,
    locale: this.#loc,
  }));

  /**
   * The board as a file, as it shows now: `svg` or `png` (the bar and every widget), or `csv` (each widget's table
   * under its title). Rejects unless the board is ready.
   */
  async export(format: ExportFormat): Promise<Blob> {
    await this.updateComplete;
    if (this.state !== 'ready') throw new Error(`nothing to export: the board is ${this.state}`);
    return this.#export.blob(format);
  }
  /** The live region's text: the latest change, said once. */
  protected said = '';

  readonly #state = new BoardFilterState(this, (say) => this.#changed(say));
  readonly #bar = new FilterBar(this, this.#state);
  #elements = new Map<string, HTMLElement>();
  #loc = 'en';
  readonly #lang = new LanguageWait(this);
  /** Fetches with the board's fetcher, else the kit-wide one, else the page's fetch. */
  readonly #fetch: typeof fetch = (url, init) =>
    (this.fetcher ?? (this.constructor as typeof KpiBoard).fetcher ?? fetch)(url, init);
  #unsubscribeLang?: () => void;
  #pendingError?: KpiErrorEvent;
  #input?: unknown;
  readonly #loader = new SrcLoader(this, {
    clock: () => (this.constructor as typeof KpiBoard).clock,
    showsLoadedData: () => Boolean(this.doc),
    loaded: (json) => this.#accept(json),
    failed: (failure, url) => this.#fail([loadFailureIssue(failure, url, this.#loc, this.#base)]),
  });

  /** The board's filters: `{ from?, to?, region: [], channel: [], store: [] }` (a copy). Setting applies them. */
  get filters(): BoardFilters {
    return structuredClone(this.#state.filters);
  }
  set filters(value: Partial<Record<keyof BoardFilters, unknown>>) {
    this.#state.apply(value, 'push');
  }

  /** Sets one filter: `period` takes `{ from, to }` (or null), a picker a value or a list (or null). */
  setFilter(id: 'period' | BoardPickerId, value: unknown): void {
    const v = (value ?? {}) as { from?: unknown; to?: unknown };
    const now = this.#state.filters;
    this.filters = id === 'period' ? { ...now, from: v.from, to: v.to } : { ...now, [id]: value };
  }

  /** Loads every widget's document and the pickers' values again (after a new `fetcher`, say). */
  reload(): void {
    for (const el of this.#elements.values()) void (el as { reload?(): Promise<void> }).reload?.();
    if (this.doc) this.#state.loadValues(offeredFilters(this.doc.filters ?? [], this.doc.widgets), this.#fetch);
  }

  /** The widget element of the manifest's widget `id` (inside the board's shadow root), once the manifest is read. */
  widget(id: string): HTMLElement | undefined {
    return this.#elements.get(id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribeLang = onLangChange(() => this.requestUpdate());
    this.#state.readUrl('none');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeLang?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#loc = resolveLocale(this, this.locale ?? this.doc?.locale);
    this.#lang.need(this.#loc);
    if (changed.has('manifest') && this.manifest != null) this.#accept(this.manifest);
    if (changed.has('src')) this.#loader.configure(this.src, undefined, undefined, true);
    this.state = this.issues.length ? 'error' : this.doc && !this.#lang.pending ? 'ready' : 'loading';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const event = this.#pendingError;
    this.#pendingError = undefined;
    if (event) this.dispatchEvent(event);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#lang.pending) {
      await this.#lang.pending;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** Validates a manifest and, when valid, builds the board from it. Returns true when it was valid. */
  #accept(input: unknown): boolean {
    if (input === this.#input && this.doc) return true;
    this.#input = input;
    const result = parseWith<BoardManifest<KpiKind>>(schema, 'board', input);
    if (!result.ok) {
      this.#fail(result.issues);
      return false;
    }
    this.doc = result.doc;
    this.issues = [];
    this.#build(result.doc);
    return true;
  }

  #fail(issues: KpiIssue[]): void {
    this.issues = issues;
    this.doc = undefined;
    this.#elements.clear();
    this.#pendingError = new KpiErrorEvent({ issues, source: this.src ? 'src' : 'data' });
  }

  /** The widget elements of a new manifest, their code, the pickers' values, and the filters from the URL. */
  #build(doc: BoardManifest<KpiKind>): void {
    this.#elements.clear();
    for (const w of doc.widgets) {
      const el = document.createElement(TAGS[w.kind]);
      el.dataset['widget'] = w.id;
      // The board's fetcher as it is when a request goes out (a host may set another, then reload()). Set before the
      // element is defined, it stays: the widget class declares no field over it.
      (el as { fetcher?: typeof fetch }).fetcher = this.#fetch;
      this.#elements.set(w.id, el);
    }
    void loadWidgets([...new Set(doc.widgets.map((w) => w.kind))]);
    this.#state.loadValues(offeredFilters(doc.filters ?? [], doc.widgets), this.#fetch);
    if (!this.#state.readUrl('replace')) this.#route();
  }

  /** After a change of the filters: route the widgets, say it, tell the page. */
  #changed(say: boolean): void {
    if (this.doc) this.#route();
    if (say) this.said = this.#announcement();
    this.requestUpdate();
    this.dispatchEvent(
      new CustomEvent<KpiBoardChangeDetail>('kpi-board-change', {
        detail: { filters: this.filters },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Gives each widget its URL with its filters; a widget whose URL is unchanged is left alone (no reload). */
  #route(): void {
    const doc = this.doc!;
    const declared = (doc.filters ?? []).map((f) => f.id);
    for (const w of doc.widgets) {
      const el = this.#elements.get(w.id)!;
      const url = widgetUrl(w.src, this.#state.filters, widgetFilters(w, declared));
      if (el.getAttribute('src') !== url) el.setAttribute('src', url);
    }
  }

  /**
   * The day the period presets count back from: the period filter's `asOf`, else today on the board's clock.
   * @internal
   */
  get today(): string {
    const period = this.doc?.filters?.find((f) => f.id === 'period');
    return period?.asOf ?? localDay((this.constructor as typeof KpiBoard).clock.now());
  }

  readonly #onSelect = (e: Event): void => {
    const doc = this.doc;
    const spec = doc?.widgets.find((w) => w.id === (e.target as HTMLElement).dataset['widget']);
    if (!spec || !doc) return;
    const declared = (doc.filters ?? []).map((f) => f.id);
    const picked = applyPick(this.#state.filters, spec, declared, (e as CustomEvent).detail ?? {});
    if (picked) this.#state.crossPick(picked.filters, picked.filter);
  };

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && (this.#bar.escape() || this.#state.undoCross())) e.stopPropagation();
  };

  // ---- Words. ----

  /** The board's messages in its language (for the filter bar). @internal */
  readonly text: Translator<BoardMessages> = ((key: keyof BoardMessages & string, params?: Params) =>
    translate(boardStrings, this.#loc, key, params)) as Translator<BoardMessages>;

  /** The board's resolved locale. @internal */
  get resolvedLocale(): string {
    return this.#loc;
  }

  /** The base messages (loading, errors) in the board's language. */
  readonly #base = this.text as (key: keyof BaseMessages, params?: Params) => string;

  /** "3 filters · São Paulo, Rio de Janeiro, last 30 days", or "No filters". */
  #announcement(): string {
    return announcement(this.doc ? this.#bar.chips(this.doc) : [], this.#loc, this.text);
  }

  // ---- Rendering. ----

  protected override render(): TemplateResult {
    const doc = this.doc;
    return html`<div
      part="base"
      class="board"
      lang=${this.#loc}
      @kpi-select=${this.#onSelect}
      @keydown=${this.#onKeydown}
      @focusout=${this.#bar.focusOut}
    >
      ${this.state === 'error' ? errorPanel(this.issues, this.#base) : nothing}
      ${this.state === 'loading' ? loadingPanel(this.#base) : nothing}
      ${doc && this.state === 'ready' ? this.#renderBoard(doc) : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.said}</div>
    </div>`;
  }

  #renderBoard(doc: BoardManifest<KpiKind>): TemplateResult {
    const declared = (doc.filters ?? []).map((f) => f.id);
    // A widget that lists filters but reads a fixed file gets none of them, and says so.
    const fixed = (w: BoardWidgetSpec) =>
      (w.filters ?? []).some((f) => declared.includes(f)) && !widgetFilters(w, declared).length;
    return html`${
      doc.title || doc.subtitle || !this.noExport
        ? html`<div part="header" class="header">
            <div class="titles">
              ${doc.title ? html`<h2 part="title">${doc.title}</h2>` : nothing}
              ${doc.subtitle ? html`<p part="subtitle">${doc.subtitle}</p>` : nothing}
            </div>
            ${this.noExport ? nothing : this.#export.render(this.#base('export'), this.#loc)}
          </div>`
        : nothing
    }
      ${this.#bar.render(doc)}
      <div part="grid" class="grid">
        ${doc.widgets.map(
          // Each widget is a region named by its kind and title itself; a cell is one only when the manifest names it.
          (w) => html`<div part="cell" class="cell" data-size=${w.size ?? 'full'} role=${w.title ? 'region' : nothing}
            aria-label=${w.title ?? nothing}>
            ${this.#elements.get(w.id)}${fixed(w) ? html`<p class="note">${this.text('fixedFile')}</p>` : nothing}
          </div>`,
        )}
      </div>`;
  }
}
