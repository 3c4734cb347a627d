-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- all
WITH e AS (
  SELECT actor_id, event_name, event_ts, NULLIF(device, '') AS seg
  FROM events
  WHERE event_name IN ('view_item', 'add_to_cart', 'purchase')
), s0 AS (
  SELECT actor_id, min(event_ts) AS t0 FROM e WHERE event_name = 'view_item' AND DATE(event_ts, 'UTC') >= DATE '2024-09-01' AND DATE(event_ts, 'UTC') <= DATE '2024-09-30' GROUP BY actor_id
), s1 AS (
  SELECT s.actor_id, s.t0, min(e.event_ts) AS t1
  FROM s0 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'add_to_cart' AND e.event_ts >= s.t0 AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0
), s2 AS (
  SELECT s.actor_id, s.t0, s.t1, min(e.event_ts) AS t2
  FROM s1 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'purchase' AND e.event_ts >= s.t1 AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0, s.t1
), reach AS (
  SELECT s0.actor_id, s0.t0, s1.t1, s2.t2
  FROM s0 LEFT JOIN s1 ON s1.actor_id = s0.actor_id LEFT JOIN s2 ON s2.actor_id = s0.actor_id
), segs AS (
  SELECT s0.actor_id, COALESCE(min(e.seg), 'unknown') AS segment
  FROM s0 JOIN e ON e.actor_id = s0.actor_id AND e.event_name = 'view_item' AND e.event_ts = s0.t0
  GROUP BY s0.actor_id
)
SELECT CAST(count(t0) AS INT64) AS count_0,
  CAST(count(t1) AS INT64) AS count_1, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(t1, t0, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(t1, t0, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median_1,
  CAST(count(t2) AS INT64) AS count_2, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(t2, t1, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(t2, t1, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median_2
FROM reach;

-- segments
WITH e AS (
  SELECT actor_id, event_name, event_ts, NULLIF(device, '') AS seg
  FROM events
  WHERE event_name IN ('view_item', 'add_to_cart', 'purchase')
), s0 AS (
  SELECT actor_id, min(event_ts) AS t0 FROM e WHERE event_name = 'view_item' AND DATE(event_ts, 'UTC') >= DATE '2024-09-01' AND DATE(event_ts, 'UTC') <= DATE '2024-09-30' GROUP BY actor_id
), s1 AS (
  SELECT s.actor_id, s.t0, min(e.event_ts) AS t1
  FROM s0 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'add_to_cart' AND e.event_ts >= s.t0 AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0
), s2 AS (
  SELECT s.actor_id, s.t0, s.t1, min(e.event_ts) AS t2
  FROM s1 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'purchase' AND e.event_ts >= s.t1 AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0, s.t1
), reach AS (
  SELECT s0.actor_id, s0.t0, s1.t1, s2.t2
  FROM s0 LEFT JOIN s1 ON s1.actor_id = s0.actor_id LEFT JOIN s2 ON s2.actor_id = s0.actor_id
), segs AS (
  SELECT s0.actor_id, COALESCE(min(e.seg), 'unknown') AS segment
  FROM s0 JOIN e ON e.actor_id = s0.actor_id AND e.event_name = 'view_item' AND e.event_ts = s0.t0
  GROUP BY s0.actor_id
)
SELECT segs.segment, CAST(count(t0) AS INT64) AS count_0,
  CAST(count(t1) AS INT64) AS count_1, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(t1, t0, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(t1, t0, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median_1,
  CAST(count(t2) AS INT64) AS count_2, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(t2, t1, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(t2, t1, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median_2
FROM reach JOIN segs ON segs.actor_id = reach.actor_id
GROUP BY segs.segment;
