/**
 * `kpi-kit/node`: the data path's SQL engines for Node (DuckDB embedded by default,
 * PostgreSQL through `pg`, ClickHouse on chDB or a server), with the recipes run on them. The drivers are optional
 * packages, loaded on first use. Everything of the package root is here too.
 */
export * from './index.js';
export * from './data/engines.js';
export * from './data/load.js';
export * from './data/clickhouse.js';
export * from './data/rows-from.js';
export * from './data/paths/all.js';
export * from './serve/request.js';
export * from './serve/engine.js';
export * from './serve/handler.js';
export * from './serve/server.js';
export * from './render/index.js';
