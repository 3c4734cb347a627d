-- facts
SELECT min(NULLIF(currency, '')) AS "least_currency", max(NULLIF(currency, '')) AS "greatest_currency", TO_VARCHAR(TO_DATE(CONVERT_TIMEZONE('UTC', 'America/Sao_Paulo', max(ordered_at))), 'YYYY-MM-DD') AS "last_day", CAST(count(*) AS BIGINT) AS "orders"
FROM orders;

-- cells
WITH q AS (
  SELECT customer_id, DATE_TRUNC('month', TO_DATE(CONVERT_TIMEZONE('UTC', 'America/Sao_Paulo', ordered_at))) AS p, COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id, min(p) AS first_p FROM q GROUP BY customer_id
)
SELECT TO_VARCHAR(f.first_p, 'YYYY-MM-DD') AS "cohort", TO_VARCHAR(q.p, 'YYYY-MM-DD') AS "period",
  CAST(count(DISTINCT q.customer_id) AS BIGINT) AS "customers", CAST(sum(q.amt) AS DOUBLE) AS "revenue"
FROM q JOIN firsts f ON f.customer_id = q.customer_id
GROUP BY f.first_p, q.p;
