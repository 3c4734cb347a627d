/**
 * How <kpi-board> loads the widgets it shows in the npm build: each widget's module, which a bundler splits (the
 * CDN files put their own loader in place of this one, see scripts/build.mjs). Generated from src/registry.ts by
 * scripts/generate.mjs: do not edit.
 */
import type { KpiKind } from '../../src/kinds/all.js';
import { TAGS } from './tags.js';

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
