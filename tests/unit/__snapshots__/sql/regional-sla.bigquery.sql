-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- regions
WITH q AS (
  SELECT NULLIF(region_id, '') AS rid,
    NULLIF(region_label, '') AS rl,
    NULLIF(region_group, '') AS rg,
    (TIMESTAMP_DIFF(delivered_at, ordered_at, MICROSECOND) / 1e6) / 86400 AS d0,
    (TIMESTAMP_DIFF(approved_at, ordered_at, MICROSECOND) / 1e6) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT rid AS region_id,
  min(rl) AS region_label,
  min(rg) AS region_group,
  CAST(count(*) AS INT64) AS volume,
  CAST(kpi_percentile(ARRAY_AGG(CAST(CASE WHEN d0 >= 0 THEN d0 END AS FLOAT64) IGNORE NULLS ORDER BY CAST(CASE WHEN d0 >= 0 THEN d0 END AS FLOAT64)), 0.5) AS FLOAT64) AS p50_0,
  CAST(kpi_percentile(ARRAY_AGG(CAST(CASE WHEN d0 >= 0 THEN d0 END AS FLOAT64) IGNORE NULLS ORDER BY CAST(CASE WHEN d0 >= 0 THEN d0 END AS FLOAT64)), 0.9) AS FLOAT64) AS p90_0,
  CAST(COUNTIF(d0 >= 0) AS INT64) AS total_0,
  CAST(COUNTIF((d0 >= 0 AND d0 <= 10)) AS INT64) AS within_0,
  CAST(COUNTIF(d0 < 0) AS INT64) AS negative_0,
  CAST(kpi_percentile(ARRAY_AGG(CAST(CASE WHEN d1 >= 0 THEN d1 END AS FLOAT64) IGNORE NULLS ORDER BY CAST(CASE WHEN d1 >= 0 THEN d1 END AS FLOAT64)), 0.5) AS FLOAT64) AS p50_1,
  CAST(kpi_percentile(ARRAY_AGG(CAST(CASE WHEN d1 >= 0 THEN d1 END AS FLOAT64) IGNORE NULLS ORDER BY CAST(CASE WHEN d1 >= 0 THEN d1 END AS FLOAT64)), 0.9) AS FLOAT64) AS p90_1,
  CAST(COUNTIF(d1 >= 0) AS INT64) AS total_1,
  CAST(COUNTIF((d1 >= 0 AND d1 <= 24)) AS INT64) AS within_1,
  CAST(COUNTIF(d1 < 0) AS INT64) AS negative_1
FROM q
WHERE rid IS NOT NULL
GROUP BY rid;

-- unplaced
WITH q AS (
  SELECT NULLIF(region_id, '') AS rid,
    NULLIF(region_label, '') AS rl,
    NULLIF(region_group, '') AS rg,
    (TIMESTAMP_DIFF(delivered_at, ordered_at, MICROSECOND) / 1e6) / 86400 AS d0,
    (TIMESTAMP_DIFF(approved_at, ordered_at, MICROSECOND) / 1e6) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT CAST(count(*) AS INT64) AS orders
FROM q
WHERE rid IS NULL;
