-- Type-7 percentile of a sorted array (BigQuery's PERCENTILE_CONT is analytic only).
CREATE TEMP FUNCTION kpi_percentile(a ARRAY<FLOAT64>, p FLOAT64) AS (
  IF(ARRAY_LENGTH(a) = 0, NULL,
    a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))]
    + (a[OFFSET(LEAST(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64) + 1, ARRAY_LENGTH(a) - 1))]
       - a[OFFSET(CAST(FLOOR((ARRAY_LENGTH(a) - 1) * p) AS INT64))])
      * ((ARRAY_LENGTH(a) - 1) * p - FLOOR((ARRAY_LENGTH(a) - 1) * p))));

-- facts
SELECT min(NULLIF(currency, '')) AS least_currency, max(NULLIF(currency, '')) AS greatest_currency, FORMAT_DATE('%F', DATE(max(ordered_at), 'America/Sao_Paulo')) AS last_day, CAST(count(*) AS INT64) AS orders
FROM orders;

-- cells
WITH q AS (
  SELECT customer_id, DATE_TRUNC(DATE(ordered_at, 'America/Sao_Paulo'), MONTH) AS p, COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id, min(p) AS first_p FROM q GROUP BY customer_id
)
SELECT FORMAT_DATE('%F', f.first_p) AS cohort, FORMAT_DATE('%F', q.p) AS period,
  CAST(count(DISTINCT q.customer_id) AS INT64) AS customers, CAST(sum(q.amt) AS FLOAT64) AS revenue
FROM q JOIN firsts f ON f.customer_id = q.customer_id
GROUP BY f.first_p, q.p;
