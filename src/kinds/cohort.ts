/**
 * The `cohort` kind: everything of it, held or named here. Its public API (schema, maths, view
 * model, data-path builders, English strings) is re-exported below; its types by role are
 * `CohortKind`; `cohortKind` holds its facts for the build and the docs. The registry's
 * maps (src/kinds/all.ts, generated) are made from these, so no other module lists every kind.
 */
import type { KindFacts } from './facts.js';
import type { CohortDoc } from '../schema/cohort.js';
import type { CohortGridEnglish } from '../i18n/en/cohort.js';

export * from '../schema/cohort.js';
export * from '../compute/cohort.js';
export * from '../view/cohort.js';
export * from '../data/cohort.js';
export { cohortStrings, type CohortGridMessages, type CohortGridEnglish } from '../i18n/en/cohort.js';

/**
 * What `kpi-select` says the user picked in this kind's widget: A cohort's cell at period offset `period`, or the
 * average row's (`id: 'average'`).
 */
export type CohortSelection =
  | { type: 'cell'; id: string; period: number }
  | { type: 'average'; id: 'average'; period: number };

/** The `cohort` kind's types, by role. */
export interface CohortKind {
  doc: CohortDoc;
  selection: CohortSelection;
  english: CohortGridEnglish;
}

/** The `cohort` kind's facts: its JSON Schema's descriptions. */
export const cohortKind = {
  kind: 'cohort',
  docs: {
    description:
      'Acquisition cohorts: for each cohort (customers by the period of their first purchase), a value per period ' +
      'since.',
    fields: {
      measure:
        "What values count: customers (the cohort's customers active in the period) or revenue (their spend there).",
      periodUnit: 'The length of a period: day, week (ISO, Monday first) or month.',
      cohorts: 'The cohorts, oldest first.',
      'cohorts[].id': "The cohort's id (its first period, e.g. 2017-01).",
      'cohorts[].label': 'The cohort\'s name ("Jan 2017").',
      'cohorts[].size': 'Customers in the cohort (those whose first purchase fell in its period).',
      'cohorts[].values':
        'One value per period since the cohort began (period 0 first); null for periods not reached yet, only at ' +
        'the end.',
    },
  },
  data: {
    emptyReason: (doc) => (doc.cohorts.length ? null : 'no qualifying order in the period, so no cohort'),
  },
  /** The average curve (`curve`, off by default): `<kpi-cohort-grid>` imports `entry` the first time it shows it. */
  lazy: { entry: 'src/lazy/cohort-curve.ts', chunk: 'chunks/cohort-curve.js', modules: [] },
} as const satisfies KindFacts<CohortDoc>;
