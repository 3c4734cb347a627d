// Descriptions for the published JSON Schemas (dist/schema/<kind>.schema.json), written at
// build time so the widgets' bundles carry none of this text. Keys are property paths as
// the schemas nest them: `steps[].count` is `count` of an item of `steps`; `values{}.p50`
// is `p50` of any entry of the `values` object. A key without a kind-specific entry falls
// back to COMMON. The package test fails if any property is left without a description.

export const KIND_DESCRIPTIONS = {
  funnel: 'A conversion funnel: people (or orders) reaching each step in order, optionally compared with another period and split into segments.',
  'checkout-friction': 'Where a checkout loses buyers: per step, who entered and left, how long it took, and the friction causes observed there.',
  cohort: 'Acquisition cohorts: for each cohort (customers by the period of their first purchase), a value per period since.',
  'regional-sla': 'Response or delivery times against SLA targets, region by region: percentiles, share within target and volume per metric.',
  channels: 'Sales and retention across channels, with each customer counted once across them.',
  forecast: 'A metric per period with targets, a forecast and its band, the pacing of the running period and, optionally, a sales pipeline.',
};

export const COMMON = {
  kind: 'The kind of document; selects the widget and the schema.',
  version: 'The contract version: 1. A newer version is rejected with its own message.',
  title: 'Shown as the widget\'s heading. Untrusted text: rendered as text, never as HTML.',
  subtitle: 'A line under the title (source, scope, caveats).',
  period: 'The time span the numbers cover, shown under the title.',
  'period.from': 'First day, YYYY-MM-DD.',
  'period.to': 'Last day, YYYY-MM-DD (not before from).',
  generatedAt: 'When the document was made (ISO 8601 date-time).',
  currency: 'ISO 4217 code (BRL, USD, EUR…) of every money value; required when the document carries money.',
  id: 'A stable identifier: letters, digits, _ . : - (used in events and ARIA ids).',
  label: 'Display text. Untrusted: rendered as text.',
  group: 'A grouping label (e.g. a macro-region or channel family).',
};

const flow = {
  'steps[].id': 'The step\'s id, unique in the document.',
  'steps[].label': 'The step\'s name as shown.',
  'steps[].entered': 'People who reached this step.',
  'steps[].exited': 'Of those, people who left before the next step (at most entered).',
  'steps[].medianSeconds': 'Median time spent from reaching this step to reaching the next, in seconds.',
  'steps[].revenueLost': 'Revenue lost at this step (money); without it the widget estimates exited × averageOrderValue.',
};

export const DESCRIPTIONS = {
  funnel: {
    steps: 'The steps in order (at least one).',
    'steps[].count': 'People (or orders) who reached the step; null when unknown.',
    'steps[].value': 'Money attached to the step (e.g. the revenue of those who reached it).',
    'steps[].medianSecondsFromPrevious': 'Median time from the previous step to this one, in seconds.',
    comparison: 'The same steps for another period, drawn as a comparison.',
    'comparison.label': 'Name of the compared period ("Previous month").',
    'comparison.period': 'The compared period.',
    'comparison.period.from': 'First day of the compared period.',
    'comparison.period.to': 'Last day of the compared period.',
    'comparison.steps': 'Counts of the compared period, by step id.',
    'comparison.steps[].id': 'A step id from steps.',
    'comparison.steps[].count': 'Count in the compared period.',
    'comparison.steps[].value': 'Money in the compared period.',
    'comparison.steps[].medianSecondsFromPrevious': 'Median seconds from the previous step in the compared period.',
    segments: 'The same steps split by a dimension (channel, device, region…).',
    'segments[].id': 'The segment\'s id.',
    'segments[].label': 'The segment\'s name.',
    'segments[].steps': 'The segment\'s counts, by step id.',
    'segments[].steps[].id': 'A step id from steps.',
    'segments[].steps[].count': 'Count in the segment.',
    'segments[].steps[].value': 'Money in the segment.',
    'segments[].steps[].medianSecondsFromPrevious': 'Median seconds from the previous step in the segment.',
  },
  'checkout-friction': {
    averageOrderValue: 'Mean value of a completed order; with exited, it estimates the revenue at risk per step.',
    steps: 'The checkout steps in order.',
    ...flow,
    'steps[].frictions': 'Friction causes observed at this step (observations: their sum may exceed exited).',
    'steps[].frictions[].id': 'The cause\'s id, unique within the step.',
    'steps[].frictions[].label': 'The cause as shown ("Shipping cost shown only at checkout").',
    'steps[].frictions[].category': 'One of price, payment, form, account, delivery, trust, technical, other.',
    'steps[].frictions[].count': 'Times the cause was observed at the step.',
    breakdowns: 'The flow split by dimensions (device, channel…), one entry per dimension.',
    'breakdowns[].dimension': 'The dimension\'s id (unique).',
    'breakdowns[].label': 'The dimension\'s name ("Device").',
    'breakdowns[].values': 'One flow per value of the dimension.',
    'breakdowns[].values[].id': 'The value\'s id.',
    'breakdowns[].values[].label': 'The value\'s name ("Mobile").',
    'breakdowns[].values[].steps': 'The value\'s flow, by step id.',
    ...Object.fromEntries(Object.entries(flow).map(([k, v]) => [`breakdowns[].values[].${k}`, v])),
  },
  cohort: {
    measure: 'What values count: customers (the cohort\'s customers active in the period) or revenue (their spend there).',
    periodUnit: 'The length of a period: day, week (ISO, Monday first) or month.',
    cohorts: 'The cohorts, oldest first.',
    'cohorts[].id': 'The cohort\'s id (its first period, e.g. 2017-01).',
    'cohorts[].label': 'The cohort\'s name ("Jan 2017").',
    'cohorts[].size': 'Customers in the cohort (those whose first purchase fell in its period).',
    'cohorts[].values': 'One value per period since the cohort began (period 0 first); null for periods not reached yet, only at the end.',
  },
  'regional-sla': {
    metrics: 'The duration metrics measured per region, each with its unit and target.',
    'metrics[].id': 'The metric\'s id (a key of regions[].values).',
    'metrics[].label': 'The metric\'s name ("Delivery time").',
    'metrics[].unit': 'seconds, minutes, hours or days: the unit of p50, p90 and target.',
    'metrics[].target': 'The SLA target in the metric\'s unit: a duration at or under it is within target.',
    regions: 'The regions (states, cities, stores…).',
    'regions[].id': 'The region\'s id (e.g. BR-SP).',
    'regions[].label': 'The region\'s name.',
    'regions[].group': 'A grouping of regions (e.g. a macro-region), for the group view.',
    'regions[].volume': 'The region\'s volume (orders or tickets), for weighting and sorting.',
    'regions[].values': 'Per metric id, the region\'s figures; a metric may be missing for a region.',
    'regions[].values{}.p50': 'Median duration in the metric\'s unit.',
    'regions[].values{}.p90': '90th percentile duration in the metric\'s unit (not below p50).',
    'regions[].values{}.withinTarget': 'Durations at or under the target.',
    'regions[].values{}.total': 'Durations measured (withinTarget is at most this).',
  },
  channels: {
    metrics: 'The metrics shown per channel, in order.',
    'metrics[].id': 'The metric\'s id (a key of channels[].values).',
    'metrics[].label': 'The metric\'s name.',
    'metrics[].format': 'currency, integer, number, percent (a ratio: 0.25 is 25%) or duration (seconds).',
    'metrics[].aggregate': 'sum: the widget totals the channels; none (default): only totals[id] is shown.',
    'metrics[].better': 'higher or lower: which direction is good (for the ▲/▼ marks).',
    channels: 'The channels.',
    'channels[].id': 'The channel\'s id.',
    'channels[].label': 'The channel\'s name.',
    'channels[].group': 'A family of channels (digital, physical…).',
    'channels[].values': 'Per metric id, the channel\'s value (null when unknown).',
    'channels[].series': 'A time series per channel, buckets in date order.',
    'channels[].series[].date': 'The bucket\'s first day.',
    'channels[].series[].values': 'Per metric id, the bucket\'s value.',
    customers: 'Customers counted once across channels.',
    'customers.metric': 'The metric id whose channel values count customers.',
    'customers.unique': 'Distinct customers across all channels.',
    'customers.overlaps': 'Customers who bought in exactly these channels (two or more).',
    'customers.overlaps[].channels': 'The channel ids of the set.',
    'customers.overlaps[].customers': 'Customers of exactly that set.',
    totals: 'Per metric id, the value for all channels together (for metrics that do not sum).',
  },
  forecast: {
    metric: 'What is measured.',
    'metric.label': 'The metric\'s name ("Revenue").',
    'metric.format': 'currency, integer, number or percent.',
    'metric.better': 'higher or lower: which direction is good.',
    granularity: 'The length of a period: day, week (Monday first), month or quarter.',
    seasonLength: 'Periods in a season (7 for days in a week, 12 for months in a year); default from the granularity.',
    points: 'One point per period in order: actuals first, then targets of later periods.',
    'points[].period': 'The period\'s first day.',
    'points[].actual': 'The observed value (null for a gap).',
    'points[].target': 'The target for the period.',
    'points[].partial': 'The period is still running: its actual is so far, and it is paced.',
    'points[].forecast': 'A forecast supplied by the document for this period (else the widget fits one).',
    'points[].forecast.value': 'The forecast.',
    'points[].forecast.lower': 'Lower bound of the band.',
    'points[].forecast.upper': 'Upper bound of the band.',
    forecast: 'How the widget forecasts when points carry none.',
    'forecast.horizon': 'Periods to forecast after the last actual.',
    'forecast.level': 'The band\'s coverage (0.8 is an 80% interval).',
    'forecast.model': 'auto (models compared by AICc), none (no forecast), naive, seasonal-naive or an ETS model code (ANN, AAN, AAdN, ANA, AAA, AAdA, MNM, MAM, MAdM).',
    pacing: 'Daily actuals for pacing the running period.',
    'pacing.asOf': 'The last complete day.',
    'pacing.days': 'One value per day in order, including weeks before the running period.',
    'pacing.days[].date': 'The day.',
    'pacing.days[].actual': 'The day\'s value.',
    pipeline: 'A sales pipeline against quota for the running period.',
    'pipeline.quota': 'The quota.',
    'pipeline.closed': 'Closed (won) so far.',
    'pipeline.commit': 'Committed deals not yet closed.',
    'pipeline.bestCase': 'Best-case deals.',
    'pipeline.open': 'Other open pipeline.',
  },
};

/** Adds `description` to every property of a generated JSON Schema; returns the paths it found none for. */
export function describe(kind, json) {
  const own = DESCRIPTIONS[kind] ?? {};
  const missing = [];
  json.description = KIND_DESCRIPTIONS[kind];
  const walk = (node, prefix) => {
    if (!node || typeof node !== 'object') return;
    for (const [k, child] of Object.entries(node.properties ?? {})) {
      const p = `${prefix}${k}`;
      const text = own[p] ?? COMMON[p] ?? COMMON[k];
      if (text) child.description = text;
      else missing.push(p);
      walk(child, `${p}.`);
    }
    if (node.items) walk(node.items, `${prefix.replace(/\.$/, '')}[].`);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${prefix.replace(/\.$/, '')}{}.`);
    for (const k of ['anyOf', 'oneOf', 'allOf']) for (const x of node[k] ?? []) walk(x, prefix);
  };
  walk(json, '');
  return missing;
}
