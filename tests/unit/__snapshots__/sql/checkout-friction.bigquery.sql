-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- all
WITH firsts AS (
  SELECT actor_id, min(event_ts) AS t0 FROM events WHERE event_name = 'begin_checkout' GROUP BY actor_id
), s0 AS (
  SELECT f.actor_id, f.t0, f.t0 AS tp, f.t0 AS tk, 'all' AS segment
  FROM firsts f JOIN events e ON e.actor_id = f.actor_id AND e.event_ts = f.t0
  WHERE e.event_name = 'begin_checkout'
  GROUP BY f.actor_id, f.t0
), s1 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s0 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'add_payment_info' AND e.event_ts >= s.tk AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 2592000
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
), s2 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s1 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'purchase' AND e.event_ts >= s.tk AND (TIMESTAMP_DIFF(e.event_ts, s.t0, MICROSECOND) / 1e6) <= 2592000
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
)
SELECT 0 AS step, CAST(count(*) AS INT64) AS n, CAST(NULL AS FLOAT64) AS median FROM s0
UNION ALL SELECT 1 AS step, CAST(count(*) AS INT64) AS n, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median FROM s1
UNION ALL SELECT 2 AS step, CAST(count(*) AS INT64) AS n, kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS median FROM s2;

-- frictions
SELECT step_name AS step, cause AS cause_id, min(cat) AS category, min(lbl) AS cause_label, CAST(count(*) AS INT64) AS observations
FROM (
  SELECT step AS step_name, cause_id AS cause, category AS cat, NULLIF(cause_label, '') AS lbl
  FROM frictions
  WHERE step IN ('begin_checkout', 'add_payment_info')
) f
GROUP BY step_name, cause;

-- completions
SELECT CAST(sum(value) AS FLOAT64) AS revenue, CAST(count(value) AS INT64) AS valued
FROM events
WHERE event_name = 'purchase';
