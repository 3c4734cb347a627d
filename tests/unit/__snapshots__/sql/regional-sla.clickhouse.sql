-- regions
WITH q AS (
  SELECT NULLIF(region_id, '') AS rid,
    NULLIF(region_label, '') AS rl,
    NULLIF(region_group, '') AS rg,
    (dateDiff('microsecond', ordered_at, delivered_at) / 1e6) / 86400 AS d0,
    (dateDiff('microsecond', ordered_at, approved_at) / 1e6) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT rid AS region_id,
  min(rl) AS region_label,
  min(rg) AS region_group,
  toInt64(count(*)) AS volume,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64(CASE WHEN d0 >= 0 THEN d0 END)))])[1]) AS p50_0,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.9])[1], [arraySort(groupArray(toFloat64(CASE WHEN d0 >= 0 THEN d0 END)))])[1]) AS p90_0,
  toInt64(countIf(d0 >= 0)) AS total_0,
  toInt64(countIf((d0 >= 0 AND d0 <= 10))) AS within_0,
  toInt64(countIf(d0 < 0)) AS negative_0,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.5])[1], [arraySort(groupArray(toFloat64(CASE WHEN d1 >= 0 THEN d1 END)))])[1]) AS p50_1,
  toFloat64(arrayMap(a -> arrayMap(h -> if(empty(a), NULL, a[toUInt64(h) + 1] + (a[least(toUInt64(h) + 2, length(a))] - a[toUInt64(h) + 1]) * (h - floor(h))), [(greatest(length(a), 1) - 1) * 0.9])[1], [arraySort(groupArray(toFloat64(CASE WHEN d1 >= 0 THEN d1 END)))])[1]) AS p90_1,
  toInt64(countIf(d1 >= 0)) AS total_1,
  toInt64(countIf((d1 >= 0 AND d1 <= 24))) AS within_1,
  toInt64(countIf(d1 < 0)) AS negative_1
FROM q
WHERE rid IS NOT NULL
GROUP BY rid;

-- unplaced
WITH q AS (
  SELECT NULLIF(region_id, '') AS rid,
    NULLIF(region_label, '') AS rl,
    NULLIF(region_group, '') AS rg,
    (dateDiff('microsecond', ordered_at, delivered_at) / 1e6) / 86400 AS d0,
    (dateDiff('microsecond', ordered_at, approved_at) / 1e6) / 3600 AS d1
  FROM orders
  WHERE (status IS NULL OR status NOT IN ('canceled', 'cancelled', 'unavailable'))
)
SELECT toInt64(count(*)) AS orders
FROM q
WHERE rid IS NULL;
