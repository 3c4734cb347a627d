-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- all
WITH firsts AS (
  SELECT actor_id,
    min(event_ts) AS t0
  FROM events
  WHERE event_name = 'begin_checkout'
  GROUP BY actor_id
), first_seen AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0
  FROM firsts a JOIN events b ON a.actor_id = b.actor_id AND a.t0 = b.event_ts
  WHERE b.event_name = 'begin_checkout'
  GROUP BY a.actor_id, a.t0
), s0 AS (
  SELECT actor_id,
    t0,
    t0 AS tp,
    t0 AS tk,
    'all' AS segment
  FROM first_seen
), s1 AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    a.tk AS tp,
    a.segment AS segment,
    min(b.event_ts) AS tk
  FROM s0 a JOIN events b ON a.actor_id = b.actor_id
  WHERE (b.event_name = 'add_payment_info' AND b.event_ts >= a.tk AND (TIMESTAMP_DIFF(b.event_ts, a.t0, MICROSECOND) / 1e6) <= 2592000)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
), s2 AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    a.tk AS tp,
    a.segment AS segment,
    min(b.event_ts) AS tk
  FROM s1 a JOIN events b ON a.actor_id = b.actor_id
  WHERE (b.event_name = 'purchase' AND b.event_ts >= a.tk AND (TIMESTAMP_DIFF(b.event_ts, a.t0, MICROSECOND) / 1e6) <= 2592000)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
)
SELECT CAST(0 AS INT64) AS step,
  CAST(count(*) AS INT64) AS n,
  CAST(NULL AS FLOAT64) AS median
FROM s0
UNION ALL
SELECT CAST(1 AS INT64) AS step,
  CAST(count(*) AS INT64) AS n,
  CAST(kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS FLOAT64) AS median
FROM s1
UNION ALL
SELECT CAST(2 AS INT64) AS step,
  CAST(count(*) AS INT64) AS n,
  CAST(kpi_percentile(ARRAY_AGG(CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64) IGNORE NULLS ORDER BY CAST((TIMESTAMP_DIFF(tk, tp, MICROSECOND) / 1e6) AS FLOAT64)), 0.5) AS FLOAT64) AS median
FROM s2;

-- frictions
SELECT step AS step,
  cause_id AS cause_id,
  min(category) AS category,
  min(NULLIF(cause_label, '')) AS cause_label,
  CAST(count(*) AS INT64) AS observations
FROM frictions
WHERE step IN ('begin_checkout', 'add_payment_info')
GROUP BY step, cause_id;

-- completions
SELECT CAST(sum(value) AS FLOAT64) AS revenue,
  CAST(count(value) AS INT64) AS valued
FROM events
WHERE event_name = 'purchase';
