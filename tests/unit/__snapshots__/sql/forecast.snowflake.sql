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
  TO_VARCHAR(TO_DATE(CONVERT_TIMEZONE('UTC', 'Asia/Tokyo', latest)), 'YYYY-MM-DD') AS "last_day",
  CAST(n AS BIGINT) AS "orders"
FROM whole;

-- days
SELECT TO_VARCHAR(TO_DATE(CONVERT_TIMEZONE('UTC', 'Asia/Tokyo', ordered_at)), 'YYYY-MM-DD') AS "day",
  CAST(sum(CASE WHEN (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) THEN COALESCE(amount, 0) ELSE 0 END) AS DOUBLE) AS "revenue"
FROM orders
GROUP BY TO_DATE(CONVERT_TIMEZONE('UTC', 'Asia/Tokyo', ordered_at));
