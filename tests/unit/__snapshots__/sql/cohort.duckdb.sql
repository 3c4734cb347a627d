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
  CAST(CAST(((latest AT TIME ZONE 'UTC') AT TIME ZONE 'America/Sao_Paulo') AS DATE) AS VARCHAR) AS last_day,
  CAST(n AS BIGINT) AS orders
FROM whole;

-- cells
WITH q AS (
  SELECT customer_id,
    CAST(date_trunc('month', ((ordered_at AT TIME ZONE 'UTC') AT TIME ZONE 'America/Sao_Paulo')) AS DATE) AS p,
    COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id,
    min(p) AS first_p
  FROM q
  GROUP BY customer_id
)
SELECT CAST(b.first_p AS VARCHAR) AS cohort,
  CAST(a.p AS VARCHAR) AS period,
  CAST(count(DISTINCT a.customer_id) AS BIGINT) AS customers,
  CAST(sum(a.amt) AS DOUBLE PRECISION) AS revenue
FROM q a JOIN firsts b ON a.customer_id = b.customer_id
GROUP BY b.first_p, a.p;
