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
  toString(toDate(latest, 'UTC')) AS last_day,
  toInt64(n) AS orders
FROM whole;

-- all
WITH q AS (
  SELECT COALESCE(toString(NULLIF(channel, '')), 'unknown') AS segment,
    COALESCE(amount, 0) AS amt,
    CASE WHEN (ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r0,
    CASE WHEN (approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    (dateDiff('microsecond', ordered_at, approved_at) / 1e6) AS g1,
    (dateDiff('microsecond', approved_at, delivered_at) / 1e6) AS g2
  FROM orders
  WHERE (toDate(ordered_at, 'UTC') >= toDate('2018-01-01') AND toDate(ordered_at, 'UTC') <= toDate('2018-06-30'))
)
SELECT toInt64(sum(r0)) AS count_0,
  toFloat64(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END)) AS value_0,
  toInt64(sum(r1)) AS count_1,
  toFloat64(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END)) AS value_1,
  toInt64(sum(r2)) AS count_2,
  toFloat64(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END)) AS value_2,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64(CASE WHEN g1 >= 0 THEN g1 END)))])[1]) AS median_1,
  toInt64(countIf(g1 < 0)) AS negative_1,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64(CASE WHEN g2 >= 0 THEN g2 END)))])[1]) AS median_2,
  toInt64(countIf(g2 < 0)) AS negative_2
FROM q;

-- segments
WITH q AS (
  SELECT COALESCE(toString(NULLIF(channel, '')), 'unknown') AS segment,
    COALESCE(amount, 0) AS amt,
    CASE WHEN (ordered_at IS NOT NULL OR approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r0,
    CASE WHEN (approved_at IS NOT NULL OR delivered_at IS NOT NULL) THEN 1 ELSE 0 END AS r1,
    CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END AS r2,
    (dateDiff('microsecond', ordered_at, approved_at) / 1e6) AS g1,
    (dateDiff('microsecond', approved_at, delivered_at) / 1e6) AS g2
  FROM orders
  WHERE (toDate(ordered_at, 'UTC') >= toDate('2018-01-01') AND toDate(ordered_at, 'UTC') <= toDate('2018-06-30'))
)
SELECT segment AS segment,
  toInt64(sum(r0)) AS count_0,
  toFloat64(sum(CASE WHEN r0 = 1 THEN amt ELSE 0 END)) AS value_0,
  toInt64(sum(r1)) AS count_1,
  toFloat64(sum(CASE WHEN r1 = 1 THEN amt ELSE 0 END)) AS value_1,
  toInt64(sum(r2)) AS count_2,
  toFloat64(sum(CASE WHEN r2 = 1 THEN amt ELSE 0 END)) AS value_2
FROM q
GROUP BY segment;
