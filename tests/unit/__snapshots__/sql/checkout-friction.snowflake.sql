-- all
WITH e AS (
  SELECT actor_id, event_name, event_ts, CAST(NULL AS VARCHAR) AS seg
  FROM events
  WHERE event_name IN ('begin_checkout', 'add_payment_info', 'purchase')
), s0 AS (
  SELECT actor_id, min(event_ts) AS t0 FROM e WHERE event_name = 'begin_checkout' GROUP BY actor_id
), s1 AS (
  SELECT s.actor_id, s.t0, min(e.event_ts) AS t1
  FROM s0 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'add_payment_info' AND e.event_ts >= s.t0 AND (DATEDIFF('microsecond', s.t0, e.event_ts) / 1e6) <= 2592000
  GROUP BY s.actor_id, s.t0
), s2 AS (
  SELECT s.actor_id, s.t0, s.t1, min(e.event_ts) AS t2
  FROM s1 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'purchase' AND e.event_ts >= s.t1 AND (DATEDIFF('microsecond', s.t0, e.event_ts) / 1e6) <= 2592000
  GROUP BY s.actor_id, s.t0, s.t1
), reach AS (
  SELECT s0.actor_id, s0.t0, s1.t1, s2.t2
  FROM s0 LEFT JOIN s1 ON s1.actor_id = s0.actor_id LEFT JOIN s2 ON s2.actor_id = s0.actor_id
), segs AS (
  SELECT s0.actor_id, COALESCE(min(e.seg), 'unknown') AS segment
  FROM s0 JOIN e ON e.actor_id = s0.actor_id AND e.event_name = 'begin_checkout' AND e.event_ts = s0.t0
  GROUP BY s0.actor_id
)
SELECT CAST(count(t0) AS BIGINT) AS count_0,
  CAST(count(t1) AS BIGINT) AS count_1, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY (DATEDIFF('microsecond', t0, t1) / 1e6)) AS median_1,
  CAST(count(t2) AS BIGINT) AS count_2, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY (DATEDIFF('microsecond', t1, t2) / 1e6)) AS median_2
FROM reach;

-- frictions
SELECT step_name AS step, cause AS cause_id, min(cat) AS category, min(lbl) AS cause_label, CAST(count(*) AS BIGINT) AS observations
FROM (
  SELECT step AS step_name, cause_id AS cause, category AS cat, cause_label AS lbl
  FROM frictions
  WHERE step IN ('begin_checkout', 'add_payment_info')
) f
GROUP BY step_name, cause;

-- completions
SELECT CAST(sum(value) AS DOUBLE) AS revenue, CAST(count(value) AS BIGINT) AS valued
FROM events
WHERE event_name = 'purchase';
