/**
 * The contract's shared parts: common field schemas and the parser's plumbing (issues with their
 * JSON paths). Each kind's schema is in its own file here and named by its kind module
 * (src/kinds/<kind>.ts); the map of every kind, `parseKpi` and `defineKpi` are in src/kinds/contract.ts.
 */
export * from './common.js';
export * from './parse.js';
