-- all
WITH firsts AS (
  SELECT actor_id, min(event_ts) AS t0 FROM events WHERE event_name = 'view_item' AND CAST(event_ts AS DATE) >= DATE '2024-09-01' AND CAST(event_ts AS DATE) <= DATE '2024-09-30' GROUP BY actor_id
), s0 AS (
  SELECT f.actor_id, f.t0, f.t0 AS tp, f.t0 AS tk, COALESCE(min(NULLIF(e.device, '')), 'unknown') AS segment
  FROM firsts f JOIN events e ON e.actor_id = f.actor_id AND e.event_ts = f.t0
  WHERE e.event_name = 'view_item'
  GROUP BY f.actor_id, f.t0
), s1 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s0 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'add_to_cart' AND e.event_ts >= s.tk AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
), s2 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s1 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'purchase' AND e.event_ts >= s.tk AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
)
SELECT 0 AS step, CAST(count(*) AS BIGINT) AS n, CAST(NULL AS DOUBLE PRECISION) AS median FROM s0
UNION ALL SELECT 1 AS step, CAST(count(*) AS BIGINT) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (tk - tp)) AS DOUBLE PRECISION)) AS median FROM s1
UNION ALL SELECT 2 AS step, CAST(count(*) AS BIGINT) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (tk - tp)) AS DOUBLE PRECISION)) AS median FROM s2;

-- segments
WITH firsts AS (
  SELECT actor_id, min(event_ts) AS t0 FROM events WHERE event_name = 'view_item' AND CAST(event_ts AS DATE) >= DATE '2024-09-01' AND CAST(event_ts AS DATE) <= DATE '2024-09-30' GROUP BY actor_id
), s0 AS (
  SELECT f.actor_id, f.t0, f.t0 AS tp, f.t0 AS tk, COALESCE(min(NULLIF(e.device, '')), 'unknown') AS segment
  FROM firsts f JOIN events e ON e.actor_id = f.actor_id AND e.event_ts = f.t0
  WHERE e.event_name = 'view_item'
  GROUP BY f.actor_id, f.t0
), s1 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s0 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'add_to_cart' AND e.event_ts >= s.tk AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
), s2 AS (
  SELECT s.actor_id, s.t0, s.tk AS tp, min(e.event_ts) AS tk, s.segment
  FROM s1 s JOIN events e ON e.actor_id = s.actor_id
  WHERE e.event_name = 'purchase' AND e.event_ts >= s.tk AND CAST(EXTRACT(EPOCH FROM (e.event_ts - s.t0)) AS DOUBLE PRECISION) <= 604800
  GROUP BY s.actor_id, s.t0, s.tk, s.segment
)
SELECT segment AS segment, 0 AS step, CAST(count(*) AS BIGINT) AS n, CAST(NULL AS DOUBLE PRECISION) AS median FROM s0 GROUP BY segment
UNION ALL SELECT segment AS segment, 1 AS step, CAST(count(*) AS BIGINT) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (tk - tp)) AS DOUBLE PRECISION)) AS median FROM s1 GROUP BY segment
UNION ALL SELECT segment AS segment, 2 AS step, CAST(count(*) AS BIGINT) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM (tk - tp)) AS DOUBLE PRECISION)) AS median FROM s2 GROUP BY segment;
