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
  FORMAT_DATE('%F', DATE(latest, 'America/Sao_Paulo')) AS last_day,
  CAST(n AS INT64) AS orders
FROM whole;

-- cells
WITH q AS (
  SELECT customer_id,
    DATE_TRUNC(DATE(ordered_at, 'America/Sao_Paulo'), MONTH) AS p,
    COALESCE(amount, 0) AS amt
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
), firsts AS (
  SELECT customer_id,
    min(p) AS first_p
  FROM q
  GROUP BY customer_id
)
SELECT FORMAT_DATE('%F', b.first_p) AS cohort,
  FORMAT_DATE('%F', a.p) AS period,
  CAST(count(DISTINCT a.customer_id) AS INT64) AS customers,
  CAST(sum(a.amt) AS FLOAT64) AS revenue
FROM q a JOIN firsts b ON a.customer_id = b.customer_id
GROUP BY b.first_p, a.p;
