-- regions
WITH q AS (
  SELECT NULLIF(region_id, '') AS rid,
    NULLIF(region_label, '') AS rl,
    NULLIF(region_group, '') AS rg,
    (DATEDIFF('microsecond', ordered_at, delivered_at) / 1e6) / 86400 AS d0,
    (DATEDIFF('microsecond', ordered_at, approved_at) / 1e6) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT rid AS "region_id",
  min(rl) AS "region_label",
  min(rg) AS "region_group",
  CAST(count(*) AS BIGINT) AS "volume",
  CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN d0 >= 0 THEN d0 END) AS DOUBLE) AS "p50_0",
  CAST(PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY CASE WHEN d0 >= 0 THEN d0 END) AS DOUBLE) AS "p90_0",
  CAST(COUNT_IF(d0 >= 0) AS BIGINT) AS "total_0",
  CAST(COUNT_IF((d0 >= 0 AND d0 <= 10)) AS BIGINT) AS "within_0",
  CAST(COUNT_IF(d0 < 0) AS BIGINT) AS "negative_0",
  CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN d1 >= 0 THEN d1 END) AS DOUBLE) AS "p50_1",
  CAST(PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY CASE WHEN d1 >= 0 THEN d1 END) AS DOUBLE) AS "p90_1",
  CAST(COUNT_IF(d1 >= 0) AS BIGINT) AS "total_1",
  CAST(COUNT_IF((d1 >= 0 AND d1 <= 24)) AS BIGINT) AS "within_1",
  CAST(COUNT_IF(d1 < 0) AS BIGINT) AS "negative_1"
FROM q
WHERE rid IS NOT NULL
GROUP BY rid;

-- unplaced
WITH q AS (
  SELECT NULLIF(region_id, '') AS rid,
    NULLIF(region_label, '') AS rl,
    NULLIF(region_group, '') AS rg,
    (DATEDIFF('microsecond', ordered_at, delivered_at) / 1e6) / 86400 AS d0,
    (DATEDIFF('microsecond', ordered_at, approved_at) / 1e6) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT CAST(count(*) AS BIGINT) AS "orders"
FROM q
WHERE rid IS NULL;
