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
  toString(toDate(latest, 'UTC')) AS last_day,
  toInt64(n) AS orders
FROM whole;

-- channels
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    toStartOfMonth(ordered_at, 'UTC') AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND toDate(ordered_at, 'UTC') >= toDate('2018-01-01'))
), per_customer AS (
  SELECT ch,
    customer_id,
    count(*) AS n,
    sum(amt) AS rev
  FROM q
  GROUP BY ch, customer_id
)
SELECT ch AS channel,
  toFloat64(sum(rev)) AS revenue,
  toInt64(sum(n)) AS orders,
  toInt64(count(*)) AS customers,
  toInt64(countIf(n >= 2)) AS repeat_customers
FROM per_customer
GROUP BY ch;

-- months
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    toStartOfMonth(ordered_at, 'UTC') AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND toDate(ordered_at, 'UTC') >= toDate('2018-01-01'))
)
SELECT ch AS channel,
  toString(month) AS month_start,
  toFloat64(sum(amt)) AS revenue,
  toInt64(count(*)) AS orders,
  toInt64(count(DISTINCT customer_id)) AS customers
FROM q
GROUP BY ch, month;

-- sets
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    toStartOfMonth(ordered_at, 'UTC') AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND toDate(ordered_at, 'UTC') >= toDate('2018-01-01'))
), bits AS (
  SELECT ch,
    dense_rank() OVER (ORDER BY ch) - 1 AS bit
  FROM (SELECT DISTINCT ch FROM q) d
), masks AS (
  SELECT a.customer_id AS customer_id,
    groupBitOr(bitShiftLeft(toUInt64(1), b.bit)) AS set_mask,
    count(*) AS n
  FROM q a JOIN bits b ON a.ch = b.ch
  GROUP BY a.customer_id
)
SELECT toString(set_mask) AS mask,
  toInt64(count(*)) AS customers,
  toInt64(countIf(n >= 2)) AS repeat_customers
FROM masks
GROUP BY toString(set_mask);

-- bits
WITH q AS (
  SELECT COALESCE(NULLIF(channel, ''), 'unknown') AS ch,
    customer_id,
    COALESCE(amount, 0) AS amt,
    toStartOfMonth(ordered_at, 'UTC') AS month
  FROM orders
  WHERE ((status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) AND toDate(ordered_at, 'UTC') >= toDate('2018-01-01'))
), bits AS (
  SELECT ch,
    dense_rank() OVER (ORDER BY ch) - 1 AS bit
  FROM (SELECT DISTINCT ch FROM q) d
)
SELECT ch AS channel,
  toInt64(bit) AS bit
FROM bits;
