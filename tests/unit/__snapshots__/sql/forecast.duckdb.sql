-- facts
SELECT min(currency) AS least_currency, max(currency) AS greatest_currency, CAST(CAST(((max(ordered_at) AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo') AS DATE) AS VARCHAR) AS last_day, CAST(count(*) AS BIGINT) AS orders
FROM orders;

-- days
SELECT CAST(CAST(((ordered_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo') AS DATE) AS VARCHAR) AS day, CAST(sum(CASE WHEN (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) THEN COALESCE(amount, 0) ELSE 0 END) AS DOUBLE PRECISION) AS revenue
FROM orders
GROUP BY CAST(((ordered_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo') AS DATE);
