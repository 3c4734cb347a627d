/**
 * The insights' list in a widget (loaded with the insights' code, src/lazy/insights.ts): one Tab stop,
 * the arrow keys move between sentences, Home and End go to the ends; pointing at or focusing a
 * sentence highlights its marks; Escape takes the highlight away and focus back to where it came from.
 *
 * This file is in a chunk of its own, which must not carry a second copy of Lit (a second Trusted Types
 * policy named `lit-html` breaks a strict CSP): its template is made with a tag of the same shape as
 * Lit's `html`, which the widget's Lit renders.
 */
import type { TemplateResult } from 'lit';

/** An insight as a widget shows it: the document's own, or worked out. */
export interface ShownInsight {
  id: string;
  text: string;
  marks?: readonly string[] | undefined;
  lang?: string | undefined;
}

/** The widget's side of the list (src/core/insights.ts). */
export interface InsightsState {
  list: readonly ShownInsight[];
  stop: number;
  back?: HTMLElement | null;
  point(i?: ShownInsight | Event): void;
}

/** Lit's `html`: a template result its renderer takes (the strings are the tag's own, as Lit checks). */
const html = (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult =>
  ({ ['_$litType$']: 1, strings, values }) as unknown as TemplateResult;
/** Lit's `nothing` (a registered symbol): the attribute is left out. */
const nothing = Symbol.for('lit-nothing');
/** The text of a `css` template (the build minifies it as it does Lit's). */
const css = (strings: TemplateStringsArray): string => strings[0]!;

/**
 * The list's styles and the highlight's, added to the widget's shadow root with the list (a constructed style sheet,
 * as Lit's own, which a strict CSP allows). The highlight has no specificity, so a widget's own rules win.
 */
const STYLES = css`
  .insights {
    flex: 1 1 100%;
    list-style: none;
    margin: 6px 0 4px;
    padding: 4px;
    border-inline-start: 3px solid var(--_accent);
    border-radius: var(--_r-s);
    background: var(--_surface-2);
    font-size: 0.92em;
  }
  .insights li { padding: 2px 6px; border-radius: var(--_r-s); overflow-wrap: anywhere; }
  .insights li:focus-visible, :where([data-hl]) { outline: 2px solid var(--_focus); outline-offset: 1px; }
  :where([data-marking] [data-mark]:not([data-hl], [data-hl] *)) { opacity: 0.35; }
`;
let sheet: CSSStyleSheet | undefined;

/** Adds the list's styles to a widget's shadow root (once). */
export function insightStyles(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function onKey(v: InsightsState, e: KeyboardEvent): void {
  const items = [...(e.currentTarget as HTMLElement).children] as HTMLElement[];
  if (e.key === 'Escape') {
    e.stopPropagation();
    v.point();
    if (v.back?.isConnected) v.back.focus();
    return;
  }
  const i = items.indexOf(e.target as HTMLElement);
  const next = {
    ArrowDown: i + 1,
    ArrowRight: i + 1,
    ArrowUp: i - 1,
    ArrowLeft: i - 1,
    Home: 0,
    End: items.length - 1,
  }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  items[next]?.focus();
}

/** The list of sentences (part `insights`), named `label`. */
export function insightList(v: InsightsState, label: string): TemplateResult {
  const stop = Math.min(v.stop, v.list.length - 1);
  return html`<ul part="insights" class="insights" aria-label=${label} @keydown=${(e: KeyboardEvent) => onKey(v, e)}
    @focusin=${(e: FocusEvent) => {
      const from = e.relatedTarget as HTMLElement | null;
      if (!(e.currentTarget as HTMLElement).contains(from)) v.back = from;
    }}
    @focusout=${v.point} @mouseleave=${v.point}>
    ${v.list.map(
      (i, n) => html`<li tabindex=${n === stop ? 0 : -1} lang=${i.lang ?? nothing}
        @focus=${() => {
          v.stop = n;
          v.point(i);
        }}
        @mouseenter=${() => v.point(i)}>${i.text}</li>`,
    )}
  </ul>`;
}
