-- regions
WITH q AS (
  SELECT region_id AS rid,
    region_label AS rl,
    region_group AS rg,
    CAST(EXTRACT(EPOCH FROM (delivered_at - ordered_at)) AS DOUBLE PRECISION) / 86400 AS d0,
    CAST(EXTRACT(EPOCH FROM (approved_at - ordered_at)) AS DOUBLE PRECISION) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT rid AS region_id,
  min(rl) AS region_label,
  min(rg) AS region_group,
  CAST(count(*) AS BIGINT) AS volume,
  CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d0 >= 0 THEN d0 END) AS DOUBLE PRECISION) AS p50_0,
  CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY CASE WHEN d0 >= 0 THEN d0 END) AS DOUBLE PRECISION) AS p90_0,
  CAST(count(*) FILTER (WHERE d0 >= 0) AS BIGINT) AS total_0,
  CAST(count(*) FILTER (WHERE (d0 >= 0 AND d0 <= 10)) AS BIGINT) AS within_0,
  CAST(count(*) FILTER (WHERE d0 < 0) AS BIGINT) AS negative_0,
  CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN d1 >= 0 THEN d1 END) AS DOUBLE PRECISION) AS p50_1,
  CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY CASE WHEN d1 >= 0 THEN d1 END) AS DOUBLE PRECISION) AS p90_1,
  CAST(count(*) FILTER (WHERE d1 >= 0) AS BIGINT) AS total_1,
  CAST(count(*) FILTER (WHERE (d1 >= 0 AND d1 <= 24)) AS BIGINT) AS within_1,
  CAST(count(*) FILTER (WHERE d1 < 0) AS BIGINT) AS negative_1
FROM q
WHERE rid IS NOT NULL
GROUP BY rid;

-- unplaced
WITH q AS (
  SELECT region_id AS rid,
    region_label AS rl,
    region_group AS rg,
    CAST(EXTRACT(EPOCH FROM (delivered_at - ordered_at)) AS DOUBLE PRECISION) / 86400 AS d0,
    CAST(EXTRACT(EPOCH FROM (approved_at - ordered_at)) AS DOUBLE PRECISION) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT CAST(count(*) AS BIGINT) AS orders
FROM q
WHERE rid IS NULL;
