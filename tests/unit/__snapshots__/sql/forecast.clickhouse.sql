-- facts
SELECT min(NULLIF(currency, '')) AS least_currency, max(NULLIF(currency, '')) AS greatest_currency, toString(toDate(max(ordered_at), 'Asia/Tokyo')) AS last_day, toInt64(count(*)) AS orders
FROM orders;

-- days
SELECT toString(toDate(ordered_at, 'Asia/Tokyo')) AS day, toFloat64(sum(CASE WHEN (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) THEN COALESCE(amount, 0) ELSE 0 END)) AS revenue
FROM orders
GROUP BY toDate(ordered_at, 'Asia/Tokyo');
