/**
 * The `regional-sla` kind: everything of it, held or named here. Its public API (schema, maths, view
 * model, data-path builders, English strings) is re-exported below; its types by role are
 * `RegionalSlaKind`; `regionalSlaKind` holds its facts for the build and the docs. The registry's
 * maps (src/kinds/all.ts, generated) are made from these, so no other module lists every kind.
 */
import type { KindFacts } from './facts.js';
import type { RegionalSlaDoc } from '../schema/regional-sla.js';
import type { RegionalSlaEnglish } from '../i18n/en/regional-sla.js';

export * from '../schema/regional-sla.js';
export * from '../compute/regional-sla.js';
export * from '../view/regional-sla.js';
export * from '../export/regional-sla.js';
export * from '../data/regional-sla.js';
export { slaStrings, type RegionalSlaMessages, type RegionalSlaEnglish } from '../i18n/en/regional-sla.js';

/** What `kpi-select` says the user picked in this kind's widget: A region (a row of the table). */
export type RegionalSlaSelection = { type: 'region'; id: string };

/** The `regional-sla` kind's types, by role. */
export interface RegionalSlaKind {
  doc: RegionalSlaDoc;
  selection: RegionalSlaSelection;
  english: RegionalSlaEnglish;
}

/** The `regional-sla` kind's facts: its JSON Schema's descriptions. */
export const regionalSlaKind = {
  kind: 'regional-sla',
  docs: {
    description:
      'Response or delivery times against SLA targets, region by region: percentiles, share within target and ' +
      'volume per metric.',
    fields: {
      metrics: 'The duration metrics measured per region, each with its unit and target.',
      'metrics[].id': "The metric's id (a key of regions[].values).",
      'metrics[].label': 'The metric\'s name ("Delivery time").',
      'metrics[].unit': 'seconds, minutes, hours or days: the unit of p50, p90 and target.',
      'metrics[].target': "The SLA target in the metric's unit: a duration at or under it is within target.",
      regions: 'The regions (states, cities, stores…).',
      'regions[].id': "The region's id (e.g. BR-SP).",
      'regions[].label': "The region's name.",
      'regions[].group': 'A grouping of regions (e.g. a macro-region), for the group view.',
      'regions[].volume': "The region's volume (orders or tickets), for weighting and sorting.",
      'regions[].values': "Per metric id, the region's figures; a metric may be missing for a region.",
      'regions[].values{}.p50': "Median duration in the metric's unit.",
      'regions[].values{}.p90': "90th percentile duration in the metric's unit (not below p50).",
      'regions[].values{}.withinTarget': 'Durations at or under the target.',
      'regions[].values{}.total': 'Durations measured (withinTarget is at most this).',
    },
  },
  data: {
    emptyReason: (doc) => (doc.regions.length ? null : 'no qualifying order with a region_id, so no region'),
    namedColumns: (o) => ({ orders: [...new Set((o.metrics ?? []).flatMap((m) => [m.from, m.to]))] }),
  },
} as const satisfies KindFacts<RegionalSlaDoc>;
