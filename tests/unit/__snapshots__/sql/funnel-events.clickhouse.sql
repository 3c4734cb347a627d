-- all
WITH firsts AS (
  SELECT actor_id,
    min(event_ts) AS t0
  FROM events
  WHERE (event_name = 'view_item' AND toDate(event_ts, 'UTC') >= toDate('2024-09-01') AND toDate(event_ts, 'UTC') <= toDate('2024-09-30'))
  GROUP BY actor_id
), first_seen AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    min(b.device) AS seg
  FROM firsts a JOIN events b ON a.actor_id = b.actor_id AND a.t0 = b.event_ts
  WHERE b.event_name = 'view_item'
  GROUP BY a.actor_id, a.t0
), s0 AS (
  SELECT actor_id,
    t0,
    t0 AS tp,
    t0 AS tk,
    COALESCE(seg, 'unknown') AS segment
  FROM first_seen
), s1 AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    a.tk AS tp,
    a.segment AS segment,
    min(b.event_ts) AS tk
  FROM s0 a JOIN events b ON a.actor_id = b.actor_id
  WHERE (b.event_name = 'add_to_cart' AND b.event_ts >= a.tk AND (dateDiff('microsecond', a.t0, b.event_ts) / 1e6) <= 604800)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
), s2 AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    a.tk AS tp,
    a.segment AS segment,
    min(b.event_ts) AS tk
  FROM s1 a JOIN events b ON a.actor_id = b.actor_id
  WHERE (b.event_name = 'purchase' AND b.event_ts >= a.tk AND (dateDiff('microsecond', a.t0, b.event_ts) / 1e6) <= 604800)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
)
SELECT toInt64(0) AS step,
  toInt64(count(*)) AS n,
  toFloat64(NULL) AS median
FROM s0
UNION ALL
SELECT toInt64(1) AS step,
  toInt64(count(*)) AS n,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64((dateDiff('microsecond', tp, tk) / 1e6))))])[1]) AS median
FROM s1
UNION ALL
SELECT toInt64(2) AS step,
  toInt64(count(*)) AS n,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64((dateDiff('microsecond', tp, tk) / 1e6))))])[1]) AS median
FROM s2;

-- segments
WITH firsts AS (
  SELECT actor_id,
    min(event_ts) AS t0
  FROM events
  WHERE (event_name = 'view_item' AND toDate(event_ts, 'UTC') >= toDate('2024-09-01') AND toDate(event_ts, 'UTC') <= toDate('2024-09-30'))
  GROUP BY actor_id
), first_seen AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    min(b.device) AS seg
  FROM firsts a JOIN events b ON a.actor_id = b.actor_id AND a.t0 = b.event_ts
  WHERE b.event_name = 'view_item'
  GROUP BY a.actor_id, a.t0
), s0 AS (
  SELECT actor_id,
    t0,
    t0 AS tp,
    t0 AS tk,
    COALESCE(seg, 'unknown') AS segment
  FROM first_seen
), s1 AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    a.tk AS tp,
    a.segment AS segment,
    min(b.event_ts) AS tk
  FROM s0 a JOIN events b ON a.actor_id = b.actor_id
  WHERE (b.event_name = 'add_to_cart' AND b.event_ts >= a.tk AND (dateDiff('microsecond', a.t0, b.event_ts) / 1e6) <= 604800)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
), s2 AS (
  SELECT a.actor_id AS actor_id,
    a.t0 AS t0,
    a.tk AS tp,
    a.segment AS segment,
    min(b.event_ts) AS tk
  FROM s1 a JOIN events b ON a.actor_id = b.actor_id
  WHERE (b.event_name = 'purchase' AND b.event_ts >= a.tk AND (dateDiff('microsecond', a.t0, b.event_ts) / 1e6) <= 604800)
  GROUP BY a.actor_id, a.t0, a.tk, a.segment
)
SELECT segment AS segment,
  toInt64(0) AS step,
  toInt64(count(*)) AS n,
  toFloat64(NULL) AS median
FROM s0
GROUP BY segment
UNION ALL
SELECT segment AS segment,
  toInt64(1) AS step,
  toInt64(count(*)) AS n,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64((dateDiff('microsecond', tp, tk) / 1e6))))])[1]) AS median
FROM s1
GROUP BY segment
UNION ALL
SELECT segment AS segment,
  toInt64(2) AS step,
  toInt64(count(*)) AS n,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64((dateDiff('microsecond', tp, tk) / 1e6))))])[1]) AS median
FROM s2
GROUP BY segment;
