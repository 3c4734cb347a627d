/**
 * Each kind's CSV table (src/export/<kind>.ts), by kind: what a widget's `export('csv')` writes. Generated from
 * src/registry.ts by scripts/generate.mjs: do not edit.
 */
import { funnelCsv } from './funnel.js';
import { checkoutFrictionCsv } from './checkout-friction.js';
import { cohortCsv } from './cohort.js';
import { regionalSlaCsv } from './regional-sla.js';
import { channelsCsv } from './channels.js';
import { forecastCsv } from './forecast.js';

/** Each kind's CSV table, in the registry's order. */
export const CSV_TABLES = {
  funnel: funnelCsv,
  'checkout-friction': checkoutFrictionCsv,
  cohort: cohortCsv,
  'regional-sla': regionalSlaCsv,
  channels: channelsCsv,
  forecast: forecastCsv,
} as const;
