/** Shared by every copy of kpi-kit on the page, so a second copy warns once, not once per element. */
const WARNED = Symbol.for('kpi-kit.duplicate-definition-warned');

/**
 * Set by the CDN file kpi-board.js just before it loads the kit (kpi-kit.js) for the widgets it shows: the kit's
 * own `<kpi-board>` is then an expected second definition, skipped without a warning.
 */
export const KIT_LOADED_BY_BOARD: { on: boolean } = ((globalThis as { [k: symbol]: { on: boolean } })[
  Symbol.for('kpi-kit.kit-loaded-by-board')
] ??= { on: false });

/**
 * Defines a custom element unless the tag is taken. A second definition (the
 * CDN file loaded twice, a single-widget file next to the whole kit, or two
 * versions on one page) is skipped, with one console warning per page.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    const g = globalThis as { [WARNED]?: boolean };
    if (existing !== ctor && !g[WARNED] && !(tag === 'kpi-board' && KIT_LOADED_BY_BOARD.on)) {
      g[WARNED] = true;
      console.warn(`kpi-kit is loaded twice: <${tag}> and the others keep their first definitions`);
    }
    return;
  }
  customElements.define(tag, ctor);
}
