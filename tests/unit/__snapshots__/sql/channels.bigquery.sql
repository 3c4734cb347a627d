-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- facts
SELECT min(NULLIF(currency, '')) AS least_currency, max(NULLIF(currency, '')) AS greatest_currency, FORMAT_DATE('%F', DATE(max(ordered_at), 'UTC')) AS last_day, CAST(count(*) AS INT64) AS orders
FROM orders;

-- channels
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch, customer_id, COALESCE(amount, 0) AS amt, DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01'
), per_customer AS (
  SELECT ch, customer_id, count(*) AS n, sum(amt) AS rev FROM q GROUP BY ch, customer_id
)
SELECT ch AS channel, CAST(sum(rev) AS FLOAT64) AS revenue, CAST(sum(n) AS INT64) AS orders, CAST(count(*) AS INT64) AS customers, COUNTIF(n >= 2) AS repeat_customers
FROM per_customer
GROUP BY ch;

-- months
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch, customer_id, COALESCE(amount, 0) AS amt, DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01'
)
SELECT ch AS channel, FORMAT_DATE('%F', month) AS month_start, CAST(sum(amt) AS FLOAT64) AS revenue, CAST(count(*) AS INT64) AS orders, CAST(count(DISTINCT customer_id) AS INT64) AS customers
FROM q
GROUP BY ch, month;

-- sets
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch, customer_id, COALESCE(amount, 0) AS amt, DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01'
), bits AS (
  SELECT ch, CAST(dense_rank() OVER (ORDER BY ch) AS INT64) - 1 AS bit FROM (SELECT DISTINCT ch FROM q) c
), masks AS (
  SELECT q.customer_id, BIT_OR(1 << b.bit) AS set_mask, CAST(count(*) AS INT64) AS n
  FROM q JOIN bits b ON b.ch = q.ch
  GROUP BY q.customer_id
)
SELECT CAST(set_mask AS STRING) AS mask, CAST(count(*) AS INT64) AS customers, COUNTIF(n >= 2) AS repeat_customers
FROM masks
GROUP BY set_mask;

-- bits
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch, customer_id, COALESCE(amount, 0) AS amt, DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01'
)
SELECT ch AS channel, CAST(dense_rank() OVER (ORDER BY ch) AS INT64) - 1 AS bit FROM (SELECT DISTINCT ch FROM q) c;
