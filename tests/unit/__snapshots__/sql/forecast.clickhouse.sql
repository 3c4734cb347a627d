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
  toString(toDate(latest, 'Asia/Tokyo')) AS last_day,
  toInt64(n) AS orders
FROM whole;

-- days
SELECT toString(toDate(ordered_at, 'Asia/Tokyo')) AS day,
  toFloat64(sum(CASE WHEN (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) THEN COALESCE(amount, 0) ELSE 0 END)) AS revenue
FROM orders
GROUP BY toDate(ordered_at, 'Asia/Tokyo');
