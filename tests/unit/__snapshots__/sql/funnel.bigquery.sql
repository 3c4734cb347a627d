-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- facts
WITH whole AS (
  SELECT min(NULLIF(currency, '')) AS low,
    max(NULLIF(currency, '')) AS high,
    max(ordered_at) AS latest,
    count(*) AS n
  FROM orders
)
SELECT low AS least_currency,
  high AS greatest_currency,
  FORMAT_DATE('%F', DATE(latest, 'UTC')) AS last_day,
  CAST(n AS INT64) AS orders
FROM whole;

-- all
WITH q AS (
  SELECT COALESCE(CAST(NULLIF(channel, '') AS STRING), 'unknown') AS segment,
    COALESCE(amount, 0) AS amt,
    CASE WHEN (ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r0,
    CASE WHEN (approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    (TIMESTAMP_DIFF(approved_at, ordered_at, MICROSECOND) / 1e6) AS g1,
    (TIMESTAMP_DIFF(delivered_at, approved_at, MICROSECOND) / 1e6) AS g2
  FROM orders
  WHERE (DATE(ordered_at, 'UTC') >= DATE '2018-01-01' AND DATE(ordered_at, 'UTC') <= DATE '2018-06-30')
)
SELECT CAST(sum(r0) AS INT64) AS count_0,
  CAST(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END) AS FLOAT64) AS value_0,
  CAST(sum(r1) AS INT64) AS count_1,
  CAST(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END) AS FLOAT64) AS value_1,
  CAST(sum(r2) AS INT64) AS count_2,
  CAST(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END) AS FLOAT64) AS value_2,
  CAST(kpi_percentile(ARRAY_AGG(CAST(CASE WHEN g1 >= 0 THEN g1 END AS FLOAT64) IGNORE NULLS ORDER BY CAST(CASE WHEN g1 >= 0 THEN g1 END AS FLOAT64)), 0.5) AS FLOAT64) AS median_1,
  CAST(COUNTIF(g1 < 0) AS INT64) AS negative_1,
  CAST(kpi_percentile(ARRAY_AGG(CAST(CASE WHEN g2 >= 0 THEN g2 END AS FLOAT64) IGNORE NULLS ORDER BY CAST(CASE WHEN g2 >= 0 THEN g2 END AS FLOAT64)), 0.5) AS FLOAT64) AS median_2,
  CAST(COUNTIF(g2 < 0) AS INT64) AS negative_2
FROM q;

-- segments
WITH q AS (
  SELECT COALESCE(CAST(NULLIF(channel, '') AS STRING), 'unknown') AS segment,
    COALESCE(amount, 0) AS amt,
    CASE WHEN (ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r0,
    CASE WHEN (approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    (TIMESTAMP_DIFF(approved_at, ordered_at, MICROSECOND) / 1e6) AS g1,
    (TIMESTAMP_DIFF(delivered_at, approved_at, MICROSECOND) / 1e6) AS g2
  FROM orders
  WHERE (DATE(ordered_at, 'UTC') >= DATE '2018-01-01' AND DATE(ordered_at, 'UTC') <= DATE '2018-06-30')
)
SELECT segment AS segment,
  CAST(sum(r0) AS INT64) AS count_0,
  CAST(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END) AS FLOAT64) AS value_0,
  CAST(sum(r1) AS INT64) AS count_1,
  CAST(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END) AS FLOAT64) AS value_1,
  CAST(sum(r2) AS INT64) AS count_2,
  CAST(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END) AS FLOAT64) AS value_2
FROM q
GROUP BY segment;
