-- facts
SELECT min(NULLIF(currency, '')) AS "least_currency", max(NULLIF(currency, '')) AS "greatest_currency", TO_VARCHAR(TO_DATE(max(ordered_at)), 'YYYY-MM-DD') AS "last_day", CAST(count(*) AS BIGINT) AS "orders"
FROM orders;

-- all
WITH q AS (
  SELECT COALESCE(NULLIF(CAST(channel AS VARCHAR), ''), 'unknown') AS segment, COALESCE(amount, 0) AS amt,
    CASE WHEN ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r0,
    CASE WHEN approved_at IS NOT NULL OR delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    (DATEDIFF('microsecond', ordered_at, approved_at) / 1e6) AS g1,
    (DATEDIFF('microsecond', approved_at, delivered_at) / 1e6) AS g2
  FROM orders
  WHERE TO_DATE(ordered_at) >= DATE '2018-01-01' AND TO_DATE(ordered_at) <= DATE '2018-06-30'
)
SELECT CAST(sum(r0) AS BIGINT) AS "count_0", CAST(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END) AS DOUBLE) AS "value_0",
  CAST(sum(r1) AS BIGINT) AS "count_1", CAST(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END) AS DOUBLE) AS "value_1",
  CAST(sum(r2) AS BIGINT) AS "count_2", CAST(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END) AS DOUBLE) AS "value_2",
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN g1 >= 0 THEN g1 END) AS "median_1", COUNT_IF(g1 < 0) AS "negative_1",
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN g2 >= 0 THEN g2 END) AS "median_2", COUNT_IF(g2 < 0) AS "negative_2"
FROM q;

-- segments
WITH q AS (
  SELECT COALESCE(NULLIF(CAST(channel AS VARCHAR), ''), 'unknown') AS segment, COALESCE(amount, 0) AS amt,
    CASE WHEN ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r0,
    CASE WHEN approved_at IS NOT NULL OR delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    (DATEDIFF('microsecond', ordered_at, approved_at) / 1e6) AS g1,
    (DATEDIFF('microsecond', approved_at, delivered_at) / 1e6) AS g2
  FROM orders
  WHERE TO_DATE(ordered_at) >= DATE '2018-01-01' AND TO_DATE(ordered_at) <= DATE '2018-06-30'
)
SELECT segment AS "segment", CAST(sum(r0) AS BIGINT) AS "count_0", CAST(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END) AS DOUBLE) AS "value_0",
  CAST(sum(r1) AS BIGINT) AS "count_1", CAST(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END) AS DOUBLE) AS "value_1",
  CAST(sum(r2) AS BIGINT) AS "count_2", CAST(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END) AS DOUBLE) AS "value_2"
FROM q
GROUP BY segment;
