/**
 * kpi-kit core: schemas, types, pure compute and formatting.
 * Side-effect free; runs in Node 20 and in the browser. Elements live under `kpi-kit/<widget>`.
 */
export * from './schema/index.js';
export * from './format/index.js';
export * from './i18n/index.js';
export * from './core/events.js';
export * from './format/csv.js';
