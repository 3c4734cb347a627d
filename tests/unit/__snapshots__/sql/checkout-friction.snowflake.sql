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
  WHERE (b.event_name = 'add_payment_info' AND b.event_ts >= a.tk AND (DATEDIFF('microsecond', a.t0, b.event_ts) / 1e6) <= 2592000)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
), s2 AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    a.tk AS tp,
    a.segment AS segment,
    min(b.event_ts) AS tk
  FROM s1 a JOIN events b ON a.actor_id = b.actor_id
  WHERE (b.event_name = 'purchase' AND b.event_ts >= a.tk AND (DATEDIFF('microsecond', a.t0, b.event_ts) / 1e6) <= 2592000)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
)
SELECT CAST(0 AS BIGINT) AS "step",
  CAST(count(*) AS BIGINT) AS "n",
  CAST(NULL AS DOUBLE) AS "median"
FROM s0
UNION ALL
SELECT CAST(1 AS BIGINT) AS "step",
  CAST(count(*) AS BIGINT) AS "n",
  CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY (DATEDIFF('microsecond', tp, tk) / 1e6)) AS DOUBLE) AS "median"
FROM s1
UNION ALL
SELECT CAST(2 AS BIGINT) AS "step",
  CAST(count(*) AS BIGINT) AS "n",
  CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY (DATEDIFF('microsecond', tp, tk) / 1e6)) AS DOUBLE) AS "median"
FROM s2;

-- frictions
SELECT step AS "step",
  cause_id AS "cause_id",
  min(category) AS "category",
  min(NULLIF(cause_label, '')) AS "cause_label",
  CAST(count(*) AS BIGINT) AS "observations"
FROM frictions
WHERE step IN ('begin_checkout', 'add_payment_info')
GROUP BY step, cause_id;

-- completions
SELECT CAST(sum(value) AS DOUBLE) AS "revenue",
  CAST(count(value) AS BIGINT) AS "valued"
FROM events
WHERE event_name = 'purchase';
