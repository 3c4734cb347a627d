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
