/** Each kind's widget tag, for <kpi-board>. Generated from src/registry.ts by scripts/generate.mjs: do not edit. */
import type { KpiKind } from '../../src/kinds/all.js';

export const TAGS: Record<KpiKind, string> = {
  funnel: 'kpi-funnel',
  'checkout-friction': 'kpi-checkout-friction',
  cohort: 'kpi-cohort-grid',
  'regional-sla': 'kpi-regional-sla',
  channels: 'kpi-channel-view',
  forecast: 'kpi-forecast',
};
