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
  CAST(CAST(((latest AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo') AS DATE) AS VARCHAR) AS last_day,
  CAST(n AS BIGINT) AS orders
FROM whole;

-- days
SELECT CAST(CAST(((ordered_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo') AS DATE) AS VARCHAR) AS day,
  CAST(sum(CASE WHEN (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) THEN COALESCE(amount, 0) ELSE 0 END) AS DOUBLE PRECISION) AS revenue
FROM orders
GROUP BY CAST(((ordered_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo') AS DATE);
