/**
 * How the CDN file kpi-board.js loads the widgets it shows: the widget's own file beside it for one, the
 * kit (kpi-kit.js, every widget) for several. scripts/build.mjs puts it in place of ./widgets.js there.
 * Generated from src/registry.ts by scripts/generate.mjs: do not edit.
 */
import type { KpiKind } from '../../src/kinds/all.js';
import { KIT_LOADED_BY_BOARD } from '../../src/core/define.js';

/** Each kind's widget tag. */
export const TAGS: Record<KpiKind, string> = {
  funnel: 'kpi-funnel',
  'checkout-friction': 'kpi-checkout-friction',
  cohort: 'kpi-cohort-grid',
  'regional-sla': 'kpi-regional-sla',
  channels: 'kpi-channel-view',
  forecast: 'kpi-forecast',
};

/** Loads the widgets of `kinds` that the page has not defined yet. */
export function loadWidgets(kinds: readonly KpiKind[]): Promise<unknown> {
  const missing = kinds.filter((k) => !customElements.get(TAGS[k]));
  if (!missing.length) return Promise.resolve();
  if (missing.length > 1) KIT_LOADED_BY_BOARD.on = true;
  const file = missing.length === 1 ? `./${TAGS[missing[0]!]}.js` : './kpi-kit.js';
  return import(/* @vite-ignore */ new URL(file, import.meta.url).href);
}
