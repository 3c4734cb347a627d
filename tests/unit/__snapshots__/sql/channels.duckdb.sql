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

-- channels
WITH q AS (
  SELECT COALESCE(channel, 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    CAST(date_trunc('month', ordered_at) AS DATE) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND CAST(ordered_at AS DATE) >= DATE '2018-01-01')
), per_customer AS (
  SELECT ch,
    customer_id,
    count(*) AS n,
    sum(amt) AS rev
  FROM q
  GROUP BY ch, customer_id
)
SELECT ch AS channel,
  CAST(sum(rev) AS DOUBLE PRECISION) AS revenue,
  CAST(sum(n) AS BIGINT) AS orders,
  CAST(count(*) AS BIGINT) AS customers,
  CAST(count(*) FILTER (WHERE n >= 2) AS BIGINT) AS repeat_customers
FROM per_customer
GROUP BY ch;

-- months
WITH q AS (
  SELECT COALESCE(channel, 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    CAST(date_trunc('month', ordered_at) AS DATE) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND CAST(ordered_at AS DATE) >= DATE '2018-01-01')
)
SELECT ch AS channel,
  CAST(month AS VARCHAR) AS month_start,
  CAST(sum(amt) AS DOUBLE PRECISION) AS revenue,
  CAST(count(*) AS BIGINT) AS orders,
  CAST(count(DISTINCT customer_id) AS BIGINT) AS customers
FROM q
GROUP BY ch, month;

-- sets
WITH q AS (
  SELECT COALESCE(channel, 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    CAST(date_trunc('month', ordered_at) AS DATE) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND CAST(ordered_at AS DATE) >= DATE '2018-01-01')
), bits AS (
  SELECT ch,
    dense_rank() OVER (ORDER BY ch) - 1 AS bit
  FROM (SELECT DISTINCT ch FROM q) d
), masks AS (
  SELECT a.customer_id AS customer_id,
    bit_or(CAST(1 AS BIGINT) << CAST(b.bit AS INTEGER)) AS set_mask,
    count(*) AS n
  FROM q a JOIN bits b ON a.ch = b.ch
  GROUP BY a.customer_id
)
SELECT CAST(set_mask AS VARCHAR) AS mask,
  CAST(count(*) AS BIGINT) AS customers,
  CAST(count(*) FILTER (WHERE n >= 2) AS BIGINT) AS repeat_customers
FROM masks
GROUP BY CAST(set_mask AS VARCHAR);

-- bits
WITH q AS (
  SELECT COALESCE(channel, 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    CAST(date_trunc('month', ordered_at) AS DATE) AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND CAST(ordered_at AS DATE) >= DATE '2018-01-01')
), bits AS (
  SELECT ch,
    dense_rank() OVER (ORDER BY ch) - 1 AS bit
  FROM (SELECT DISTINCT ch FROM q) d
)
SELECT ch AS channel,
  CAST(bit AS BIGINT) AS bit
FROM bits;
