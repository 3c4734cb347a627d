/**
 * The sentences above a widget's chart (part `insights`): the document's own insights, else the ones
 * `insights()` works out. Their code, with the list's template and keys, loads the first time
 * (src/lazy/insights.ts, src/insights/list.ts); this part, in every widget, keeps their state and marks
 * the elements the pointed-at or focused sentence speaks of: every element of the widget whose
 * `data-mark` is among them gets `data-hl`, and the others fade.
 */
import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { InsightsCode } from '../lazy/insights.js';
import type { KpiDoc } from '../kinds/contract.js';
import type { Say } from '../insights/rule.js';
import type { ShownInsight } from '../insights/list.js';

/** The insights' code once loaded, or false when it could not load (the widget then shows none). */
let code: InsightsCode | false | undefined;
let loading: Promise<void> | undefined;
const load = () =>
  (loading ??= import('../lazy/insights.js').then(
    (m) => void (code = m),
    () => void (code = false),
  ));

export class InsightsView {
  /** The sentences shown. */
  list: readonly ShownInsight[] = [];
  /** The marks of the sentence pointed at or focused. */
  marks: readonly string[] = [];
  /** Set while the code loads. */
  pending?: Promise<void> | undefined;
  /** The sentence with the Tab stop. */
  stop = 0;
  /** Where focus came from into the sentences (Escape goes back there). */
  back?: HTMLElement | null;
  #key = '';
  #marked = false;

  /** `wanted`: whether the host shows insights (no `no-insights`); it then loads their code when it connects. */
  constructor(
    private readonly host: ReactiveControllerHost,
    wanted: () => boolean,
  ) {
    host.addController({ hostConnected: () => void (wanted() && code === undefined && load()) });
  }

  /**
   * The insights of `doc` in `locale`, worked out once per document version and locale; true while their code loads
   * (started when the host connected, so that it is usually here when a document comes).
   */
  set(doc: KpiDoc, version: number, locale: string, outlook: Say['outlook']): boolean {
    const key = `${version} ${locale}`;
    if (key === this.#key || this.pending) return Boolean(this.pending);
    if (code === undefined) {
      this.pending = load();
      void this.pending.then(() => {
        this.pending = undefined;
        this.host.requestUpdate();
      });
      return true;
    }
    this.#key = key;
    this.marks = [];
    this.list = doc.insights ?? (code ? code.insightsWith(doc, { locale }, outlook) : []);
    return false;
  }

  /** Highlights the marks of `i` (none for anything else: leaving the list, Escape). */
  readonly point = (i?: ShownInsight | Event): void => {
    this.marks = (i as ShownInsight | undefined)?.marks ?? [];
    this.host.requestUpdate();
  };

  /** The list, named `label`; nothing when there is none. */
  render(label: string): TemplateResult | typeof nothing {
    return code && this.list.length ? code.insightList(this, label) : nothing;
  }

  /** Marks the elements of `root` that the sentence speaks of (after each render), with the list's styles. */
  apply(root: ShadowRoot): void {
    if (code && this.list.length) code.insightStyles(root);
    const on = this.marks.length > 0;
    if (!on && !this.#marked) return;
    this.#marked = on;
    root.querySelector('.base')?.toggleAttribute('data-marking', on);
    for (const el of root.querySelectorAll<HTMLElement>('[data-mark]'))
      el.toggleAttribute('data-hl', this.marks.includes(el.dataset['mark']!));
  }
}
