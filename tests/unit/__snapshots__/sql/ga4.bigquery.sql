SELECT
  user_pseudo_id AS actor_id,
  event_name,
  TIMESTAMP_MICROS(event_timestamp) AS event_ts,
  CAST((SELECT p.value.int_value FROM UNNEST(event_params) AS p WHERE p.key = 'ga_session_id') AS STRING) AS session_id,
  ecommerce.purchase_revenue AS value,
  device.category AS device,
  traffic_source.medium AS channel,
  geo.region AS region_id
FROM `my-project.analytics_123456.events_*`;
