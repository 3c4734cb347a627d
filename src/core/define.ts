const warned = new Set<string>();

/**
 * Defines a custom element unless the tag is taken. A second definition (the
 * CDN file loaded twice, or two versions on one page) is skipped with one
 * console warning instead of throwing.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor && !warned.has(tag)) {
      warned.add(tag);
      console.warn(`kpi-kit: <${tag}> is already defined on this page; keeping the first definition.`);
    }
    return;
  }
  customElements.define(tag, ctor);
}
