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

-- channels
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01')
), per_customer AS (
  SELECT ch,
    customer_id,
    count(*) AS n,
    sum(amt) AS rev
  FROM q
  GROUP BY ch, customer_id
)
SELECT ch AS channel,
  CAST(sum(rev) AS FLOAT64) AS revenue,
  CAST(sum(n) AS INT64) AS orders,
  CAST(count(*) AS INT64) AS customers,
  CAST(COUNTIF(n >= 2) AS INT64) AS repeat_customers
FROM per_customer
GROUP BY ch;

-- months
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01')
)
SELECT ch AS channel,
  FORMAT_DATE('%F', month) AS month_start,
  CAST(sum(amt) AS FLOAT64) AS revenue,
  CAST(count(*) AS INT64) AS orders,
  CAST(count(DISTINCT customer_id) AS INT64) AS customers
FROM q
GROUP BY ch, month;

-- sets
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01')
), bits AS (
  SELECT ch,
    dense_rank() OVER (ORDER BY ch) - 1 AS bit
  FROM (SELECT DISTINCT ch FROM q) d
), masks AS (
  SELECT a.customer_id AS customer_id,
    BIT_OR(1 << b.bit) AS set_mask,
    count(*) AS n
  FROM q a JOIN bits b ON a.ch = b.ch
  GROUP BY a.customer_id
)
SELECT CAST(set_mask AS STRING) AS mask,
  CAST(count(*) AS INT64) AS customers,
  CAST(COUNTIF(n >= 2) AS INT64) AS repeat_customers
FROM masks
GROUP BY CAST(set_mask AS STRING);

-- bits
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    DATE_TRUNC(DATE(ordered_at, 'UTC'), MONTH) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND DATE(ordered_at, 'UTC') >= DATE '2018-01-01')
), bits AS (
  SELECT ch,
    dense_rank() OVER (ORDER BY ch) - 1 AS bit
  FROM (SELECT DISTINCT ch FROM q) d
)
SELECT ch AS channel,
  CAST(bit AS INT64) AS bit
FROM bits;
