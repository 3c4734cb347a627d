/**
 * The GA4 adapter: a Google Analytics 4 BigQuery export (one row per event, nested
 * records) to canonical `events` rows. Written in GA4's own terms:
 *
 * | canonical | GA4 export |
 * | --- | --- |
 * | `actor_id` | `user_pseudo_id` |
 * | `event_name` | `event_name` |
 * | `event_ts` | `event_timestamp` (microseconds since 1970, UTC) |
 * | `session_id` | the `ga_session_id` entry of `event_params` (`int_value`) |
 * | `value` | `ecommerce.purchase_revenue` |
 * | `device` | `device.category` (`mobile`, `desktop`, `tablet`) |
 * | `channel` | `traffic_source.medium` (the user's first medium) |
 * | `region_id` | `geo.region` |
 *
 * Printed for BigQuery, where the export lives (`events_*` tables), and run by DuckDB on
 * an export copied to Parquet or JSON (nested columns kept).
 */
import type { Dialect } from './dialects.js';

/**
 * The adapter's query for `dialect` over `source`: a BigQuery table such as
 * `project.analytics_123.events_*` (checked), or a DuckDB relation or table function
 * (`read_parquet('export.parquet')`, written by the caller).
 */
export function ga4EventsSql(dialect: Extract<Dialect, 'bigquery' | 'duckdb'>, source: string): string {
  if (dialect === 'bigquery') {
    if (!/^[A-Za-z0-9_.*-]+$/.test(source))
      throw new Error(
        `--table: expected a BigQuery table such as my-project.analytics_123456.events_*, ` +
          `got ${JSON.stringify(source)}`,
      );
    return `SELECT
  user_pseudo_id AS actor_id,
  event_name,
  TIMESTAMP_MICROS(event_timestamp) AS event_ts,
  CAST((SELECT p.value.int_value FROM UNNEST(event_params) AS p WHERE p.key = 'ga_session_id') AS STRING) AS session_id,
  ecommerce.purchase_revenue AS value,
  device.category AS device,
  traffic_source.medium AS channel,
  geo.region AS region_id
FROM \`${source}\``;
  }
  return `SELECT
  user_pseudo_id AS actor_id,
  event_name,
  make_timestamp(event_timestamp) AT TIME ZONE 'UTC' AS event_ts,
  CAST(list_filter(event_params, p -> p.key = 'ga_session_id')[1].value.int_value AS VARCHAR) AS session_id,
  ecommerce.purchase_revenue AS value,
  device.category AS device,
  traffic_source.medium AS channel,
  geo.region AS region_id
FROM ${source}`;
}

/** A GA4-shaped export from canonical events (DuckDB), for samples and tests: the adapter's inverse. */
export function ga4ExportSql(events: string): string {
  return (
    `SELECT
  strftime(event_ts AT TIME ZONE 'UTC', '%Y%m%d') AS event_date,
  CAST(epoch_us(event_ts) AS BIGINT) AS event_timestamp,
  event_name,
  [{'key': 'ga_session_id', 'value': {'string_value': ` +
    `CAST(NULL AS VARCHAR), 'int_value': CAST(hash(session_id) ` +
    `% 1000000000 AS BIGINT)}}] AS event_params,
  actor_id AS user_pseudo_id,
  {'category': device, 'operating_system': CAST(NULL AS VARCHAR)} AS device,
  {'region': region_id, 'country': 'Brazil'} AS geo,
  {'medium': channel, 'source': CAST(NULL AS VARCHAR)} AS traffic_source,
  {'purchase_revenue': CAST(value AS DOUBLE), 'transaction_id': ` +
    `CASE WHEN value IS NOT NULL THEN 't' || actor_id END} AS ecommerce
FROM ${events}`
  );
}
