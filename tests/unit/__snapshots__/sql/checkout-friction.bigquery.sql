-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- all
WITH e AS (
  SELECT actor_id, event_name, event_ts, CAST(NULL AS STRING) AS seg
  FROM events
  WHERE event_name IN ('begin_checkout', 'add_payment_info', 'purchase')
), s0 AS (
  SELECT actor_id, min(event_ts) AS t0 FROM e WHERE event_name = 'begin_checkout' GROUP BY actor_id
), s1 AS (
  SELECT s.actor_id, s.t0, min(e.event_ts) AS t1
  FROM s0 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'add_payment_info' AND e.event_ts >= s.t0 AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 2592000
  GROUP BY s.actor_id, s.t0
), s2 AS (
  SELECT s.actor_id, s.t0, s.t1, min(e.event_ts) AS t2
  FROM s1 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'purchase' AND e.event_ts >= s.t1 AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 2592000
  GROUP BY s.actor_id, s.t0, s.t1
), reach AS (
  SELECT s0.actor_id, s0.t0, s1.t1, s2.t2
  FROM s0 LEFT JOIN s1 ON s1.actor_id = s0.actor_id LEFT JOIN s2 ON s2.actor_id = s0.actor_id
), segs AS (
  SELECT s0.actor_id, COALESCE(min(e.seg), 'unknown') AS segment
  FROM s0 JOIN e ON e.actor_id = s0.actor_id AND e.event_name = 'begin_checkout' AND e.event_ts = s0.t0
  GROUP BY s0.actor_id
)
SELECT CAST(count(t0) AS INT64) AS count_0,
  CAST(count(t1) AS INT64) AS count_1, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(t1, t0, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(t1, t0, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median_1,
  CAST(count(t2) AS INT64) AS count_2, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(t2, t1, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(t2, t1, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median_2
FROM reach;

-- frictions
SELECT step_name AS step, cause AS cause_id, min(cat) AS category, min(lbl) AS cause_label, CAST(count(*) AS INT64) AS observations
FROM (
  SELECT step AS step_name, cause_id AS cause, category AS cat, cause_label AS lbl
  FROM frictions
  WHERE step IN ('begin_checkout', 'add_payment_info')
) f
GROUP BY step_name, cause;

-- completions
SELECT CAST(sum(value) AS FLOAT64) AS revenue, CAST(count(value) AS INT64) AS valued
FROM events
WHERE event_name = 'purchase';
