/**
 * kpi-kit core: schemas, types, pure compute, view models, formatting and strings.
 * Side-effect free; runs in Node 20 and in the browser. Elements live under `kpi-kit/<widget>`.
 *
 * Each kind's API comes from its kind module (src/kinds/<kind>.ts) through src/kinds/all.ts;
 * what is listed here is shared by every kind.
 */
export * from './schema/index.js';
export * from './kinds/all.js';
export * from './kinds/contract.js';
export type { KindFacts } from './kinds/facts.js';
export * from './format/index.js';
export * from './format/csv.js';
export * from './i18n/index.js';
export * from './core/events.js';
export * from './registry.js';
export * from './compute/common.js';
export * from './compute/color.js';
export * from './view/table.js';
// What each document shows, said in en, pt-BR and es (`insights(doc, { locale })`).
export * from './insights/index.js';
// The data path's in-memory readers, adapters and recipes: canonical rows to documents, no database.
export * from './data/orders.js';
export * from './data/csv.js';
export * from './data/olist.js';
export * from './data/read.js';
export * from './data/dialects.js';
export * from './data/sql.js';
export * from './data/tables.js';
export * from './data/labels.js';
export * from './data/events.js';
export * from './data/ga4.js';
export * from './data/import-csv.js';
export * from './data/shopify.js';
export * from './data/vtex.js';
export * from './data/nuvemshop.js';
export * from './data/woocommerce.js';
export * from './data/platforms.js';
export { zonedToUtc } from './data/platform-export.js';
export * from './data/regions.js';
export * from './data/build-checks.js';
