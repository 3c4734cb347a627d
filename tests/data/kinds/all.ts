/** Each kind's robustness data, by kind. Generated from src/registry.ts by scripts/generate.mjs: do not edit. */
import * as funnel from './funnel.js';
import * as checkoutFriction from './checkout-friction.js';
import * as cohort from './cohort.js';
import * as regionalSla from './regional-sla.js';
import * as channels from './channels.js';
import * as forecast from './forecast.js';

export const TEST_KINDS = {
  funnel: funnel,
  'checkout-friction': checkoutFriction,
  cohort: cohort,
  'regional-sla': regionalSla,
  channels: channels,
  forecast: forecast,
} as const;
