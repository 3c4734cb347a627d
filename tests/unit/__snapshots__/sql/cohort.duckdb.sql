-- facts
SELECT min(currency) AS least_currency, max(currency) AS greatest_currency, CAST(CAST(((max(ordered_at) AT TIME ZONE 'UTC') AT TIME ZONE 'America/Sao_Paulo') AS DATE) AS VARCHAR) AS last_day, CAST(count(*) AS BIGINT) AS orders
FROM orders;

-- cells
WITH q AS (
  SELECT customer_id, CAST(date_trunc('month', ((ordered_at AT TIME ZONE 'UTC') AT TIME ZONE 'America/Sao_Paulo')) AS DATE) AS p, COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id, min(p) AS first_p FROM q GROUP BY customer_id
)
SELECT CAST(f.first_p AS VARCHAR) AS cohort, CAST(q.p AS VARCHAR) AS period,
  CAST(count(DISTINCT q.customer_id) AS BIGINT) AS customers, CAST(sum(q.amt) AS DOUBLE PRECISION) AS revenue
FROM q JOIN firsts f ON f.customer_id = q.customer_id
GROUP BY f.first_p, q.p;
