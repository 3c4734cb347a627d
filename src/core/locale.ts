import type { ReactiveControllerHost } from 'lit';
import { hasLanguage, languageFor, loadLanguage, type SupportedLanguage } from '../i18n/index.js';

/**
 * Loads the built-in strings of an element's language when they are missing: `pending` while they load (the element
 * shows its loading state meanwhile, with no flash of English); a language that fails to load is shown in English,
 * not retried on every render.
 */
export class LanguageWait {
  pending?: Promise<void>;
  #failed = new Set<SupportedLanguage>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Starts loading the language of `locale` when it is not here. */
  need(locale: string): void {
    const lang = languageFor(locale);
    if (hasLanguage(lang) || this.#failed.has(lang) || this.pending) return;
    this.pending = loadLanguage(lang)
      .catch(() => void this.#failed.add(lang))
      .then(() => {
        this.pending = undefined;
        this.host.requestUpdate();
      });
  }
}

/**
 * Locale resolution: the element's `locale` attribute, else the nearest `[lang]`
 * (crossing shadow roots), else the browser's language.
 */
export function nearestLang(node: Element): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const lang = current.getAttribute('lang');
      if (lang) return lang;
    }
    const parent: Node | null = current.parentNode;
    current = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return undefined;
}

export function resolveLocale(el: Element, explicit?: string | null): string {
  if (explicit) return explicit;
  return nearestLang(el) ?? (typeof navigator !== 'undefined' ? navigator.language : undefined) ?? 'en';
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * Calls `fn` when any `lang` attribute changes on the page, so widgets that
 * follow the page's language re-render. One shared observer, released when the
 * last subscriber leaves. Returns the unsubscribe function.
 */
export function onLangChange(fn: Listener): () => void {
  listeners.add(fn);
  if (!observer && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0 && observer) {
      observer.disconnect();
      observer = undefined;
    }
  };
}

/** For tests: how many widgets listen for `lang` changes. */
export function langListenerCount(): number {
  return listeners.size;
}
