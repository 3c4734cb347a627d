-- regions
WITH q AS (
  SELECT region_id, region_label AS rl, region_group AS rg,
    (dateDiff('microsecond', ordered_at, delivered_at) / 1e6) / 86400 AS d0,
    (dateDiff('microsecond', ordered_at, approved_at) / 1e6) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND region_id IS NOT NULL
)
SELECT region_id, min(rl) AS region_label, min(rg) AS region_group, toInt64(count(*)) AS volume,
  quantileExactInclusive(0.5)(CASE WHEN d0 >= 0 THEN d0 END) AS p50_0,
  quantileExactInclusive(0.9)(CASE WHEN d0 >= 0 THEN d0 END) AS p90_0,
  countIf(d0 >= 0) AS total_0,
  countIf(d0 >= 0 AND d0 <= 10) AS within_0,
  countIf(d0 < 0) AS negative_0,
  quantileExactInclusive(0.5)(CASE WHEN d1 >= 0 THEN d1 END) AS p50_1,
  quantileExactInclusive(0.9)(CASE WHEN d1 >= 0 THEN d1 END) AS p90_1,
  countIf(d1 >= 0) AS total_1,
  countIf(d1 >= 0 AND d1 <= 24) AS within_1,
  countIf(d1 < 0) AS negative_1
FROM q
GROUP BY region_id;

-- unplaced
SELECT toInt64(count(*)) AS orders FROM orders WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND region_id IS NULL;
