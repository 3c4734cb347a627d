/**
 * The `funnel` kind: everything of it, held or named here. Its public API (schema, maths, view
 * model, data-path builders, English strings) is re-exported below; its types by role are
 * `FunnelKind`; `funnelKind` holds its facts for the build and the docs. The registry's
 * maps (src/kinds/all.ts, generated) are made from these, so no other module lists every kind.
 */
import type { KindFacts } from './facts.js';
import type { FunnelDoc } from '../schema/funnel.js';
import type { FunnelEnglish } from '../i18n/en/funnel.js';

export * from '../schema/funnel.js';
export * from '../compute/funnel.js';
export * from '../view/funnel.js';
export * from '../data/funnel.js';
export { funnelStrings, type FunnelMessages, type FunnelEnglish } from '../i18n/en/funnel.js';

/** What `kpi-select` says the user picked in this kind's widget: A step, of one segment when `segment` is set. */
export type FunnelSelection = { type: 'step'; id: string; segment?: string };

/** The `funnel` kind's types, by role. */
export interface FunnelKind {
  doc: FunnelDoc;
  selection: FunnelSelection;
  english: FunnelEnglish;
}

/** The `funnel` kind's facts: its JSON Schema's descriptions. */
export const funnelKind = {
  kind: 'funnel',
  docs: {
    description:
      'A conversion funnel: people (or orders) reaching each step in order, optionally compared with another ' +
      'period and split into segments.',
    fields: {
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
      'segments[].id': "The segment's id.",
      'segments[].label': "The segment's name.",
      'segments[].steps': "The segment's counts, by step id.",
      'segments[].steps[].id': 'A step id from steps.',
      'segments[].steps[].count': 'Count in the segment.',
      'segments[].steps[].value': 'Money in the segment.',
      'segments[].steps[].medianSecondsFromPrevious': 'Median seconds from the previous step in the segment.',
    },
  },
  data: {
    emptyReason: (doc) => ((doc.steps[0]?.count ?? 0) > 0 ? null : 'nothing reached the first step'),
    namedColumns: (o) => {
      const seg = o.segmentBy ? [o.segmentBy] : [];
      if (o.events) return { events: seg };
      return { orders: [...new Set([...(o.steps ?? []).map((s) => (typeof s === 'string' ? s : s.column)), ...seg])] };
    },
  },
} as const satisfies KindFacts<FunnelDoc>;
