/**
 * Registers every kpi-kit element. This file and the `define.ts` files are the
 * only modules with side effects. Generated from src/registry.ts by
 * scripts/generate.mjs: do not edit.
 */
export * from './funnel/define.js';
export * from './checkout-friction/define.js';
export * from './cohort-grid/define.js';
export * from './regional-sla/define.js';
export * from './channel-view/define.js';
export * from './forecast/define.js';
export * from './board/define.js';
// The widgets' base class, for kit-wide settings such as `KpiElement.fetcher`.
export { KpiElement } from '../src/core/kpi-element.js';
