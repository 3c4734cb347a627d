-- facts
SELECT min(NULLIF(currency, '')) AS least_currency, max(NULLIF(currency, '')) AS greatest_currency, toString(toDate(max(ordered_at), 'America/Sao_Paulo')) AS last_day, toInt64(count(*)) AS orders
FROM orders;

-- cells
WITH q AS (
  SELECT customer_id, toStartOfMonth(ordered_at, 'America/Sao_Paulo') AS p, COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id, min(p) AS first_p FROM q GROUP BY customer_id
)
SELECT toString(f.first_p) AS cohort, toString(q.p) AS period,
  toInt64(count(DISTINCT q.customer_id)) AS customers, toFloat64(sum(q.amt)) AS revenue
FROM q JOIN firsts f ON f.customer_id = q.customer_id
GROUP BY f.first_p, q.p;
