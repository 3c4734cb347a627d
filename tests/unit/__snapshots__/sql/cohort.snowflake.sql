-- facts
WITH whole AS (
  SELECT min(NULLIF(currency, '')) AS low,
    max(NULLIF(currency, '')) AS high,
    max(ordered_at) AS latest,
    count(*) AS n
  FROM orders
)
SELECT low AS "least_currency",
  high AS "greatest_currency",
  TO_VARCHAR(TO_DATE(CONVERT_TIMEZONE('UTC', 'America/Sao_Paulo', latest)), 'YYYY-MM-DD') AS "last_day",
  CAST(n AS BIGINT) AS "orders"
FROM whole;

-- cells
WITH q AS (
  SELECT customer_id,
    DATE_TRUNC('month', TO_DATE(CONVERT_TIMEZONE('UTC', 'America/Sao_Paulo', ordered_at))) AS p,
    COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id,
    min(p) AS first_p
  FROM q
  GROUP BY customer_id
)
SELECT TO_VARCHAR(b.first_p, 'YYYY-MM-DD') AS "cohort",
  TO_VARCHAR(a.p, 'YYYY-MM-DD') AS "period",
  CAST(count(DISTINCT a.customer_id) AS BIGINT) AS "customers",
  CAST(sum(a.amt) AS DOUBLE) AS "revenue"
FROM q a JOIN firsts b ON a.customer_id = b.customer_id
GROUP BY b.first_p, a.p;
