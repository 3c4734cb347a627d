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
  toString(toDate(latest, 'America/Sao_Paulo')) AS last_day,
  toInt64(n) AS orders
FROM whole;

-- cells
WITH q AS (
  SELECT customer_id,
    toStartOfMonth(ordered_at, 'America/Sao_Paulo') AS p,
    COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id,
    min(p) AS first_p
  FROM q
  GROUP BY customer_id
)
SELECT toString(b.first_p) AS cohort,
  toString(a.p) AS period,
  toInt64(count(DISTINCT a.customer_id)) AS customers,
  toFloat64(sum(a.amt)) AS revenue
FROM q a JOIN firsts b ON a.customer_id = b.customer_id
GROUP BY b.first_p, a.p;
