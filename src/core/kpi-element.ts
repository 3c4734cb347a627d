import { LitElement, html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type * as z from 'zod/mini';
import { issue, issueText, type KpiIssue } from '../schema/parse.js';
import type { KpiDocMap, KpiKind, KpiSelections } from '../kinds/all.js';
import { formatDateRange, formatDateTime } from '../format/index.js';
import {
  baseStrings,
  translate,
  type BaseMessages,
  type Catalog,
  type Params,
  type Translator,
} from '../i18n/index.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { KpiErrorEvent, KpiSelectEvent } from './events.js';
import { LanguageWait, onLangChange, resolveLocale } from './locale.js';
import { SrcLoader, systemClock, type Clock, type LoadFailure } from './loader.js';
import { dataConverter, internalsOf, validate, type KpiState } from './data-attribute.js';
import { emptyPanel, errorPanel, loadFailureIssue, loadingPanel, stalePanel } from './status.js';
import { InsightsView } from './insights.js';
import { ExportMenu, type ExportFormat } from './export.js';
import type { Say } from '../insights/rule.js';

export type { KpiState } from './data-attribute.js';

/** Seconds to wait for `src` (a constant here: the manifest shows its value as the attribute's default). */
const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * The shared base of every kpi-kit widget. It owns the whole input contract so
 * each widget only declares its kind, its maths and its rendering:
 * - input from the `data` property, the `data` attribute (JSON text) or a `src` URL
 *   (fetched with an AbortSignal, re-fetched every `refresh` seconds);
 * - validation with the kind's zod schema, with every problem shown by JSON path;
 * - the `state` attribute: `loading | empty | error | ready`;
 * - locale (`locale`, else the nearest `[lang]`, else the browser) and theme.
 *
 * @attr data - The KPI document as JSON text.
 * @attr src - A URL to fetch the KPI document from (JSON).
 * @attr refresh - Re-fetch `src` every N seconds; a failed re-fetch keeps the last good data, marked stale.
 * @attr timeout - Seconds to wait for `src` before giving up (default 30).
 * @attr locale - A BCP 47 locale for numbers, dates and built-in text; defaults to the nearest `lang`.
 * @attr theme - `light` or `dark`; by default the widget follows the page's `color-scheme` (with `light dark` declared,
 * the OS setting).
 * @attr state - Reflects `loading`, `empty`, `error` or `ready` (read-only).
 * @attr no-insights - Hides the insights: the sentences above the chart that say what it shows (the document's own
 * `insights`, else worked out by `insights()`).
 * @attr no-export - Hides the export menu (`export()` still works).
 *
 * @fires kpi-error - The input cannot be shown; `detail.issues` lists each problem with its JSON path.
 * @fires kpi-select - The user picked something; `detail` carries its ids.
 *
 * @csspart base - The card around the whole widget.
 * @csspart header - The header with title, subtitle and period.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart status - The loading, empty, error or stale panel.
 * @csspart insights - The list of sentences that say what the widget shows; each is focusable and highlights its marks.
 * @csspart export - The export menu's button.
 * @csspart export-menu - The export menu's choices: SVG image, PNG image, CSV data.
 */
export abstract class KpiElement<K extends KpiKind, S extends BaseMessages = BaseMessages> extends LitElement {
  static override styles = [tokens, baseStyles];

  /** The widget's built-in strings: the base ones plus its own (see `widgetStrings`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  static strings: Catalog<any> = baseStrings;

  /** The zod schema of the widget's kind (each widget bundles only its own). */
  static schema: z.ZodMiniType;
  /** Lit's reactive properties (declared here rather than with decorators: a smaller build). */
  static override properties: PropertyDeclarations = {
    data: { attribute: 'data', converter: dataConverter },
    src: { reflect: true },
    refresh: { type: Number },
    timeout: { type: Number },
    locale: { reflect: true },
    theme: { reflect: true },
    state: { reflect: true },
    noInsights: { type: Boolean, attribute: 'no-insights' },
    noExport: { type: Boolean, attribute: 'no-export' },
    doc: { state: true },
    issues: { state: true },
    stale: { state: true },
  };

  /** The kind of document this widget shows. */
  protected abstract readonly kind: K;

  /**
   * The KPI document of this widget's kind (another kind's does not compile) or its JSON text; validated before
   * anything is drawn.
   */
  data: KpiDocMap[K] | string | null | undefined;

  /** A URL to fetch the KPI document from. */
  src?: string;
  /** Re-fetch `src` every this many seconds (at least 1). */
  refresh?: number;
  /** Seconds to wait for `src` before the load fails. */
  timeout = DEFAULT_TIMEOUT_SECONDS;
  /** Locale override (BCP 47). */
  locale?: string;
  /** `light`, `dark`, or unset to follow the page's `color-scheme`. */
  theme?: 'light' | 'dark';
  /** Hides the insights above the chart. */
  noInsights = false;
  /** Hides the export menu. */
  noExport = false;
  /** The widget's state, reflected for page CSS: `loading | empty | error | ready`. @readonly */
  state: KpiState = 'loading';
  /** The last valid document, typed. */
  protected doc?: KpiDocMap[K];
  /** The problems with the latest input (empty when it was valid). @readonly */
  issues: KpiIssue[] = [];
  /** Set when a refresh failed while good data stays on screen. */
  protected stale?: { at: Date; reason: string };

  /** True while `src` is being fetched. */
  protected get busy(): boolean {
    return this.#loader.busy;
  }

  /** The timers and time of every widget's loader (timeouts, refreshes, "stale since"); tests fake it. @internal */
  static clock: Clock = systemClock;

  /**
   * How this widget fetches `src` (a property) for a backend behind a token or cookies, e.g. `(url, init) => fetch(url,
   * { ...init, headers: { ...init?.headers, authorization: 'Bearer …' } })`; default the page's `fetch`; a 401 or 403
   * shows the error state.
   */
  fetcher?: typeof fetch;

  /**
   * Kit-wide `fetcher` for every widget without its own (`KpiElement.fetcher = …`; on one class, `KpiFunnel.fetcher`,
   * that kind only).
   */
  static fetcher?: typeof fetch;

  /** This widget's clock (its class's {@link KpiElement.clock}). */
  protected get clock(): Clock {
    return (this.constructor as typeof KpiElement).clock;
  }

  /** Increments each time `doc` changes, for memoising derived values. */
  protected docVersion = 0;
  /** The resolved locale for this render. */
  protected loc = 'en';

  #input: unknown;
  #inputSource: 'data' | 'src' = 'data';
  #inputChanged = false;
  #pendingError?: KpiErrorEvent;
  readonly #loader = new SrcLoader(this, {
    clock: () => this.clock,
    showsLoadedData: () => Boolean(this.doc) && this.#inputSource === 'src',
    loaded: (json, _url, refreshing) => {
      this.#inputSource = 'src';
      this.#input = json;
      this.#accept(json, 'src', refreshing);
      return !this.stale && this.issues.length === 0;
    },
    failed: (failure, url, refreshing) => this.#loadFailed(failure, url, refreshing),
  });
  #unsubscribeLang?: () => void;
  readonly #internals = internalsOf(this);
  /** The built-in strings of the page's language, while they load. */
  readonly #lang = new LanguageWait(this);
  /** Code the document needs, while it loads (see {@link needs}). */
  #codePending?: Promise<void>;
  /** The sentences above the chart. */
  readonly #insights = new InsightsView(this, () => !this.noInsights);
  readonly #export = new ExportMenu(this, () => ({
    doc: this.doc!,
    t: this.t,
    locale: this.loc,
    shown: this.exportShown(),
  }));

  /** True when the valid document has nothing to show. */
  protected abstract isEmpty(doc: KpiDocMap[K]): boolean;

  /** Renders the ready state (below the header). */
  protected abstract renderReady(doc: KpiDocMap[K]): TemplateResult | typeof nothing;

  /** Extra controls for the header's right side (toggles, selectors). */
  protected renderControls(_doc: KpiDocMap[K]): TemplateResult | typeof nothing {
    return nothing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribeLang = onLangChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeLang?.();
    this.#unsubscribeLang = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.loc = resolveLocale(this, this.locale);
    this.#lang.need(this.loc);
    if (changed.has('data') && this.data !== undefined && this.data !== null) {
      this.#input = this.data;
      this.#inputSource = 'data';
      this.#inputChanged = true;
      this.stale = undefined;
    }
    if (changed.has('src') || changed.has('refresh') || changed.has('timeout')) {
      this.#loader.configure(this.src, this.refresh, this.timeout, changed.has('src'));
    }
    if (this.#inputChanged) {
      this.#inputChanged = false;
      this.#accept(this.#input, this.#inputSource, false);
    }
    if (this.doc && !this.#codePending) {
      const code = this.needs(this.doc);
      if (code) {
        this.#codePending = code.then((failed) => {
          this.#codePending = undefined;
          if (failed) this.#reportFailure([issue([], failed)], this.#inputSource, false);
          this.requestUpdate();
        });
      }
    }
    this.state = this.#computeState();
    // Its sentences come with its first drawing (no chart that moves down when they arrive): loading until they can.
    if (this.state !== 'ready' || this.noInsights)
      this.#insights.marks = []; // no sentence shown, nothing highlighted
    else if (this.#insights.set(this.doc!, this.docVersion, this.loc, this.insightOutlook())) this.state = 'loading';
  }

  /** The forecast's outlook, for its insights (the forecast widget's, once its engine is there). */
  protected insightOutlook(): Say['outlook'] {
    return undefined;
  }

  /** The ids the pointed-at or focused insight speaks of, for a widget that highlights them itself. */
  protected get marks(): readonly string[] {
    return this.#insights.marks;
  }

  /**
   * Code the ready state needs for `doc`, loaded on demand (the forecast engine): a promise (the loading
   * state meanwhile) that resolves once it is there, or to a message when it could not load (the error
   * state); undefined when nothing is missing.
   */
  protected needs(_doc: KpiDocMap[K]): Promise<string | void> | undefined {
    return undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#internals?.states) {
      try {
        this.#internals.states.clear();
        this.#internals.states.add(this.state);
      } catch {
        // CustomStateSet unsupported: the attribute is enough.
      }
    }
    this.#insights.apply(this.renderRoot as ShadowRoot);
    if (this.#pendingError) {
      const event = this.#pendingError;
      this.#pendingError = undefined;
      this.dispatchEvent(event);
    }
  }

  /** Validates new input and updates `doc`, `issues` and `stale`. */
  #accept(input: unknown, source: 'data' | 'src', isRefresh: boolean): void {
    const result = validate<KpiDocMap[K]>((this.constructor as typeof KpiElement).schema, this.kind, input);
    if (result.ok) {
      this.doc = result.doc as KpiDocMap[K];
      this.docVersion++;
      this.issues = [];
      this.stale = undefined;
      return;
    }
    this.#reportFailure(result.issues, source, isRefresh);
  }

  #reportFailure(issues: KpiIssue[], source: 'data' | 'src', isRefresh: boolean): void {
    if (isRefresh && this.doc && source === 'src') {
      this.stale = {
        at: new Date(this.#loader.loadedAt ?? this.clock.now()),
        reason: issues.map((i) => (i.lang ? i.message : issueText(i))).join('; '),
      };
      this.issues = issues;
    } else {
      this.doc = undefined;
      this.docVersion++;
      this.stale = undefined;
      this.issues = issues;
    }
    this.#pendingError = new KpiErrorEvent({ issues, source });
  }

  #computeState(): KpiState {
    if (this.#lang.pending || this.#codePending) return 'loading';
    if (this.issues.length > 0 && !this.stale) return 'error';
    if (!this.doc) return 'loading';
    return this.isEmpty(this.doc) ? 'empty' : 'ready';
  }

  /** What every view model needs: the locale, and the widget's strings in it. */
  protected get viewOptions(): { locale: string; t: Translator<S> } {
    return { locale: this.loc, t: this.t };
  }

  /** Resolves once the widget has rendered with its data and its language's strings. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#lang.pending || this.#codePending || this.#insights.pending) {
      await (this.#lang.pending ?? this.#codePending ?? this.#insights.pending);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** The widget as a file as it shows now (`svg`, `png` at 2×, `csv` in the page's language); ready widgets only. */
  async export(format: ExportFormat): Promise<Blob> {
    await this.updateComplete;
    if (this.state !== 'ready') throw new Error(`nothing to export: the widget is ${this.state}`);
    return this.#export.blob(format);
  }

  /** What the widget shows of its document for the CSV export (rows filtered and sorted), when that differs. */
  protected exportShown(): unknown {
    return undefined;
  }

  /** Fetches `src` now (also what a refresh does). */
  async reload(): Promise<void> {
    await this.#loader.reload();
  }

  /** The load of `url` failed: say why, in the page's language. */
  #loadFailed(failure: LoadFailure, url: string, refreshing: boolean): void {
    this.#reportFailure([loadFailureIssue(failure, url, this.loc, this.#say)], 'src', refreshing);
  }

  /**
   * A built-in string in the resolved locale. Keys are checked against the widget's English
   * messages; a plural message needs its `count` as a number (it picks the form and is written in the locale).
   */
  protected t: Translator<S> = (key, ...params) => this.#text(key, params[0]);

  /** The base class's own strings (its key type is not narrowed by the widget's messages). */
  /** {@link #text} as a function, for the status panels. */
  readonly #say = (key: keyof BaseMessages, params?: Params) => this.#text(key, params);

  #text(key: string, params?: Params): string {
    return translate((this.constructor as typeof KpiElement).strings, this.loc, key, params);
  }

  /** Fires `kpi-select` with the picked ids. */
  protected select(detail: KpiSelections[K]): void {
    const event = new KpiSelectEvent(detail);
    this.dispatchEvent(event);
  }

  protected override render(): TemplateResult {
    const doc = this.doc;
    // While the language's strings load, the loading panel stands in (no flash of English).
    const showDoc = doc && this.state !== 'error' && this.state !== 'loading';
    // A region named by its kind (its strings' `name`) and title ("Funil · Funil de atendimento"), said first.
    const name = this.#text('name');
    const title = (doc as { title?: string } | undefined)?.title;
    return html`<div part="base" class="base" role="region" aria-label=${title ? `${name} · ${title}` : name}
      aria-busy=${this.busy ? 'true' : 'false'} lang=${this.loc}>
      ${this.state === 'error' ? errorPanel(this.issues, this.#say) : nothing}
      ${this.state === 'loading' ? loadingPanel(this.#say) : nothing}
      ${showDoc ? this.renderHeader(doc) : nothing}
      ${showDoc && this.stale ? stalePanel(this.stale, this.loc, this.#say) : nothing}
      ${showDoc ? (this.state === 'empty' ? emptyPanel(this.#say) : this.renderReady(doc)) : nothing}
    </div>`;
  }

  protected renderHeader(doc: KpiDocMap[K]): TemplateResult {
    const d = doc as { title?: string; subtitle?: string; period?: { from: string; to: string }; generatedAt?: string };
    const period = d.period ? formatDateRange(this.loc, d.period.from, d.period.to) : '';
    const generated = d.generatedAt ? this.#text('generated', { time: formatDateTime(this.loc, d.generatedAt) }) : '';
    const meta = [period, generated].filter(Boolean).join(' · ');
    return html`<div part="header" class="header">
      <div class="titles">
        ${d.title ? html`<h2 part="title">${d.title}</h2>` : nothing}
        ${d.subtitle ? html`<p part="subtitle">${d.subtitle}</p>` : nothing}
        ${meta ? html`<p class="meta">${meta}</p>` : nothing}
      </div>
      ${this.state === 'ready' && !this.noInsights ? this.#insights.render(this.#text('insights')) : nothing}
      ${this.renderControls(doc)}
      ${this.state === 'ready' && !this.noExport ? this.#export.render(this.#text('export'), this.loc) : nothing}
    </div>`;
  }
}
