/**
 * The data path of every kind that has one (src/data/paths/<kind>.ts), by kind: what `kpi-kit build`
 * and `kpi-kit sql` run. Generated from src/registry.ts by scripts/generate.mjs: do not edit.
 */
import { funnelPath } from './funnel.js';
import { checkoutFrictionPath } from './checkout-friction.js';
import { cohortPath } from './cohort.js';
import { regionalSlaPath } from './regional-sla.js';
import { channelsPath } from './channels.js';
import { forecastPath } from './forecast.js';

export * from './common.js';
export * from './funnel.js';
export * from './checkout-friction.js';
export * from './cohort.js';
export * from './regional-sla.js';
export * from './channels.js';
export * from './forecast.js';

/** Each kind's data path, in the registry's order. */
export const DATA_PATHS = {
  funnel: funnelPath,
  'checkout-friction': checkoutFrictionPath,
  cohort: cohortPath,
  'regional-sla': regionalSlaPath,
  channels: channelsPath,
  forecast: forecastPath,
} as const;
