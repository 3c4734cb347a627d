/**
 * The widgets a <kpi-board> can show: each kind's tag, and how the npm build loads its code (each widget's
 * module, which a bundler splits; the CDN files put their own loader in place of `loadWidgets`, see
 * scripts/build.mjs). Generated from src/registry.ts by scripts/generate.mjs: do not edit.
 */
import type { KpiKind } from '../../src/kinds/all.js';

/** Each kind's widget tag. */
export const TAGS: Record<KpiKind, string> = {
  funnel: 'kpi-funnel',
  'checkout-friction': 'kpi-checkout-friction',
  cohort: 'kpi-cohort-grid',
  'regional-sla': 'kpi-regional-sla',
  channels: 'kpi-channel-view',
  forecast: 'kpi-forecast',
};

const MODULES: Record<KpiKind, () => Promise<unknown>> = {
  funnel: () => import('../funnel/define.js'),
  'checkout-friction': () => import('../checkout-friction/define.js'),
  cohort: () => import('../cohort-grid/define.js'),
  'regional-sla': () => import('../regional-sla/define.js'),
  channels: () => import('../channel-view/define.js'),
  forecast: () => import('../forecast/define.js'),
};

/** Loads the widgets of `kinds` that the page has not defined yet. */
export function loadWidgets(kinds: readonly KpiKind[]): Promise<unknown> {
  return Promise.all(kinds.filter((k) => !customElements.get(TAGS[k])).map((k) => MODULES[k]()));
}
