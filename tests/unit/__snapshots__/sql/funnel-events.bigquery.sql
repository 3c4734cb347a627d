-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- all
WITH firsts AS (
  SELECT actor_id, min(event_ts) AS t0 FROM events WHERE event_name = 'view_item' AND DATE(event_ts, 'UTC') >= DATE '2024-09-01' AND DATE(event_ts, 'UTC') <= DATE '2024-09-30' GROUP BY actor_id
), s0 AS (
  SELECT f.actor_id, f.t0, f.t0 AS tp, f.t0 AS tk, COALESCE(min(NULLIF(e.device, '')), 'unknown') AS segment
  FROM firsts f JOIN events e ON e.actor_id = f.actor_id AND e.event_ts = f.t0
  WHERE e.event_name = 'view_item'
  GROUP BY f.actor_id, f.t0
), s1 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s0 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'add_to_cart' AND e.event_ts >= s.tk AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
), s2 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s1 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'purchase' AND e.event_ts >= s.tk AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
)
SELECT 0 AS step, CAST(count(*) AS INT64) AS n, CAST(NULL AS FLOAT64) AS median FROM s0
UNION ALL SELECT 1 AS step, CAST(count(*) AS INT64) AS n, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median FROM s1
UNION ALL SELECT 2 AS step, CAST(count(*) AS INT64) AS n, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median FROM s2;

-- segments
WITH firsts AS (
  SELECT actor_id, min(event_ts) AS t0 FROM events WHERE event_name = 'view_item' AND DATE(event_ts, 'UTC') >= DATE '2024-09-01' AND DATE(event_ts, 'UTC') <= DATE '2024-09-30' GROUP BY actor_id
), s0 AS (
  SELECT f.actor_id, f.t0, f.t0 AS tp, f.t0 AS tk, COALESCE(min(NULLIF(e.device, '')), 'unknown') AS segment
  FROM firsts f JOIN events e ON e.actor_id = f.actor_id AND e.event_ts = f.t0
  WHERE e.event_name = 'view_item'
  GROUP BY f.actor_id, f.t0
), s1 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s0 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'add_to_cart' AND e.event_ts >= s.tk AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
), s2 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s1 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'purchase' AND e.event_ts >= s.tk AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
)
SELECT segment AS segment, 0 AS step, CAST(count(*) AS INT64) AS n, CAST(NULL AS FLOAT64) AS median FROM s0 GROUP BY segment
UNION ALL SELECT segment AS segment, 1 AS step, CAST(count(*) AS INT64) AS n, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median FROM s1 GROUP BY segment
UNION ALL SELECT segment AS segment, 2 AS step, CAST(count(*) AS INT64) AS n, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median FROM s2 GROUP BY segment;
