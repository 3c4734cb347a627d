-- facts
WITH whole AS (
  SELECT min(currency) AS low,
    max(currency) AS high,
    max(ordered_at) AS latest,
    count(*) AS n
  FROM orders
)
SELECT low AS least_currency,
  high AS greatest_currency,
  CAST(CAST(latest AS DATE) AS VARCHAR) AS last_day,
  CAST(n AS BIGINT) AS orders
FROM whole;

-- all
WITH q AS (
  SELECT COALESCE(CAST(channel AS VARCHAR), 'unknown') AS segment,
    COALESCE(amount, 0) AS amt,
    CASE WHEN (ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r0,
    CASE WHEN (approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    CAST(EXTRACT(EPOCH FROM (approved_at - ordered_at)) AS DOUBLE PRECISION) AS g1,
    CAST(EXTRACT(EPOCH FROM (delivered_at - approved_at)) AS DOUBLE PRECISION) AS g2
  FROM orders
  WHERE (CAST(ordered_at AS DATE) >= DATE '2018-01-01' AND CAST(ordered_at AS DATE) <= DATE '2018-06-30')
)
SELECT CAST(sum(r0) AS BIGINT) AS count_0,
  CAST(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END) AS DOUBLE PRECISION) AS value_0,
  CAST(sum(r1) AS BIGINT) AS count_1,
  CAST(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END) AS DOUBLE PRECISION) AS value_1,
  CAST(sum(r2) AS BIGINT) AS count_2,
  CAST(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END) AS DOUBLE PRECISION) AS value_2,
  CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN g1 >= 0 THEN g1 END) AS DOUBLE PRECISION) AS median_1,
  CAST(count(*) FILTER (WHERE g1 < 0) AS BIGINT) AS negative_1,
  CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN g2 >= 0 THEN g2 END) AS DOUBLE PRECISION) AS median_2,
  CAST(count(*) FILTER (WHERE g2 < 0) AS BIGINT) AS negative_2
FROM q;

-- segments
WITH q AS (
  SELECT COALESCE(CAST(channel AS VARCHAR), 'unknown') AS segment,
    COALESCE(amount, 0) AS amt,
    CASE WHEN (ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r0,
    CASE WHEN (approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    CAST(EXTRACT(EPOCH FROM (approved_at - ordered_at)) AS DOUBLE PRECISION) AS g1,
    CAST(EXTRACT(EPOCH FROM (delivered_at - approved_at)) AS DOUBLE PRECISION) AS g2
  FROM orders
  WHERE (CAST(ordered_at AS DATE) >= DATE '2018-01-01' AND CAST(ordered_at AS DATE) <= DATE '2018-06-30')
)
SELECT segment AS segment,
  CAST(sum(r0) AS BIGINT) AS count_0,
  CAST(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END) AS DOUBLE PRECISION) AS value_0,
  CAST(sum(r1) AS BIGINT) AS count_1,
  CAST(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END) AS DOUBLE PRECISION) AS value_1,
  CAST(sum(r2) AS BIGINT) AS count_2,
  CAST(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END) AS DOUBLE PRECISION) AS value_2
FROM q
GROUP BY segment;
