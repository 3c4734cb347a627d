/**
 * The insight rules of every kind that has them (src/insights/<kind>.ts), by kind: what `insights()`
 * runs. Generated from src/registry.ts by scripts/generate.mjs: do not edit.
 */
import { funnelInsights } from './funnel.js';
import { checkoutFrictionInsights } from './checkout-friction.js';
import { cohortInsights } from './cohort.js';
import { regionalSlaInsights } from './regional-sla.js';
import { channelsInsights } from './channels.js';
import { forecastInsights } from './forecast.js';

/** Each kind's insight rules, in the registry's order. */
export const INSIGHT_RULES = {
  funnel: funnelInsights,
  'checkout-friction': checkoutFrictionInsights,
  cohort: cohortInsights,
  'regional-sla': regionalSlaInsights,
  channels: channelsInsights,
  forecast: forecastInsights,
} as const;
