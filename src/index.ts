/**
 * kpi-kit core: schemas, types, pure compute, view models, formatting and strings.
 * Side-effect free; runs in Node 20 and in the browser. Elements live under `kpi-kit/<widget>`.
 */
export * from './schema/index.js';
export * from './format/index.js';
export * from './format/csv.js';
export * from './i18n/index.js';
export * from './core/events.js';
export * from './registry.js';
export * from './compute/common.js';
export * from './compute/funnel.js';
export * from './compute/checkout-friction.js';
export * from './compute/cohort.js';
export * from './compute/regional-sla.js';
export * from './compute/channels.js';
export * from './compute/color.js';
export * from './compute/ets.js';
export * from './compute/forecast.js';
export * from './compute/pacing.js';
export * from './compute/periods.js';
export * from './compute/forecast-doc.js';
// The data path's in-memory builders: canonical rows to documents, no database.
export * from './data/orders.js';
export * from './data/csv.js';
export * from './data/olist.js';
export * from './data/forecast.js';
export * from './data/cohort.js';
export * from './data/regional-sla.js';
export * from './data/funnel.js';
export * from './data/read.js';
export * from './data/channels.js';
export * from './data/dialects.js';
export * from './data/sql.js';
export * from './data/tables.js';
export * from './data/labels.js';
export * from './data/events.js';
export * from './data/ga4.js';
export * from './view/table.js';
export * from './view/funnel.js';
export * from './view/checkout-friction.js';
export * from './view/cohort.js';
export * from './view/regional-sla.js';
export * from './view/sla-csv.js';
export * from './view/channels.js';
export * from './view/forecast.js';
// Each widget's built-in strings (English inline, the other languages through loadLanguage), for its view model.
export { funnelStrings, type FunnelMessages } from './i18n/en/funnel.js';
export { checkoutStrings, type CheckoutFrictionMessages } from './i18n/en/checkout-friction.js';
export { cohortStrings, type CohortGridMessages } from './i18n/en/cohort.js';
export { slaStrings, type RegionalSlaMessages } from './i18n/en/regional-sla.js';
export { channelStrings, type ChannelViewMessages } from './i18n/en/channels.js';
export { forecastStrings, type ForecastMessages } from './i18n/en/forecast.js';
export * from './data/import-csv.js';
export * from './data/regions.js';
