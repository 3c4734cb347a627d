-- facts
SELECT min(NULLIF(currency, '')) AS "least_currency", max(NULLIF(currency, '')) AS "greatest_currency", TO_VARCHAR(TO_DATE(CONVERT_TIMEZONE('UTC', 'Asia/Tokyo', max(ordered_at))), 'YYYY-MM-DD') AS "last_day", CAST(count(*) AS BIGINT) AS "orders"
FROM orders;

-- days
SELECT TO_VARCHAR(TO_DATE(CONVERT_TIMEZONE('UTC', 'Asia/Tokyo', ordered_at)), 'YYYY-MM-DD') AS "day", CAST(sum(CASE WHEN (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable')) THEN COALESCE(amount, 0) ELSE 0 END) AS DOUBLE) AS "revenue"
FROM orders
GROUP BY TO_DATE(CONVERT_TIMEZONE('UTC', 'Asia/Tokyo', ordered_at));
