-- all
WITH e AS (
  SELECT actor_id, event_name, event_ts, NULLIF(device, '') AS seg
  FROM events
  WHERE event_name IN ('view_item', 'add_to_cart', 'purchase')
), s0 AS (
  SELECT actor_id, min(event_ts) AS t0 FROM e WHERE event_name = 'view_item' AND CAST(event_ts AS DATE) >= DATE '2024-09-01' AND CAST(event_ts AS DATE) <= DATE '2024-09-30' GROUP BY actor_id
), s1 AS (
  SELECT s.actor_id, s.t0, min(e.event_ts) AS t1
  FROM s0 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'add_to_cart' AND e.event_ts >= s.t0 AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0
), s2 AS (
  SELECT s.actor_id, s.t0, s.t1, min(e.event_ts) AS t2
  FROM s1 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'purchase' AND e.event_ts >= s.t1 AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0, s.t1
), reach AS (
  SELECT s0.actor_id, s0.t0, s1.t1, s2.t2
  FROM s0 LEFT JOIN s1 ON s1.actor_id = s0.actor_id LEFT JOIN s2 ON s2.actor_id = s0.actor_id
), segs AS (
  SELECT s0.actor_id, COALESCE(min(e.seg), 'unknown') AS segment
  FROM s0 JOIN e ON e.actor_id = s0.actor_id AND e.event_name = 'view_item' AND e.event_ts = s0.t0
  GROUP BY s0.actor_id
)
SELECT CAST(count(t0) AS BIGINT) AS count_0,
  CAST(count(t1) AS BIGINT) AS count_1, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (t1 - t0)) AS DOUBLE PRECISION)) AS median_1,
  CAST(count(t2) AS BIGINT) AS count_2, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (t2 - t1)) AS DOUBLE PRECISION)) AS median_2
FROM reach;

-- segments
WITH e AS (
  SELECT actor_id, event_name, event_ts, NULLIF(device, '') AS seg
  FROM events
  WHERE event_name IN ('view_item', 'add_to_cart', 'purchase')
), s0 AS (
  SELECT actor_id, min(event_ts) AS t0 FROM e WHERE event_name = 'view_item' AND CAST(event_ts AS DATE) >= DATE '2024-09-01' AND CAST(event_ts AS DATE) <= DATE '2024-09-30' GROUP BY actor_id
), s1 AS (
  SELECT s.actor_id, s.t0, min(e.event_ts) AS t1
  FROM s0 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'add_to_cart' AND e.event_ts >= s.t0 AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0
), s2 AS (
  SELECT s.actor_id, s.t0, s.t1, min(e.event_ts) AS t2
  FROM s1 s JOIN e ON e.actor_id = s.actor_id AND e.event_name = 'purchase' AND e.event_ts >= s.t1 AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0, s.t1
), reach AS (
  SELECT s0.actor_id, s0.t0, s1.t1, s2.t2
  FROM s0 LEFT JOIN s1 ON s1.actor_id = s0.actor_id LEFT JOIN s2 ON s2.actor_id = s0.actor_id
), segs AS (
  SELECT s0.actor_id, COALESCE(min(e.seg), 'unknown') AS segment
  FROM s0 JOIN e ON e.actor_id = s0.actor_id AND e.event_name = 'view_item' AND e.event_ts = s0.t0
  GROUP BY s0.actor_id
)
SELECT segs.segment, CAST(count(t0) AS BIGINT) AS count_0,
  CAST(count(t1) AS BIGINT) AS count_1, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (t1 - t0)) AS DOUBLE PRECISION)) AS median_1,
  CAST(count(t2) AS BIGINT) AS count_2, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (t2 - t1)) AS DOUBLE PRECISION)) AS median_2
FROM reach JOIN segs ON segs.actor_id = reach.actor_id
GROUP BY segs.segment;
