/**
 * The `checkout-friction` kind: everything of it, held or named here. Its public API (schema, maths, view
 * model, data-path builders, English strings) is re-exported below; its types by role are
 * `CheckoutFrictionKind`; `checkoutFrictionKind` holds its facts for the build and the docs. The registry's
 * maps (src/kinds/all.ts, generated) are made from these, so no other module lists every kind.
 */
import type { KindFacts } from './facts.js';
import type { CheckoutFrictionDoc } from '../schema/checkout-friction.js';
import type { CheckoutFrictionEnglish } from '../i18n/en/checkout-friction.js';

export * from '../schema/checkout-friction.js';
export * from '../compute/checkout-friction.js';
export * from '../view/checkout-friction.js';
export {
  checkoutStrings,
  type CheckoutFrictionMessages,
  type CheckoutFrictionEnglish,
} from '../i18n/en/checkout-friction.js';

/**
 * What `kpi-select` says the user picked in this kind's widget: A step, a cell of the friction map (step × category),
 * or a friction cause at its step.
 */
export type CheckoutFrictionSelection =
  | { type: 'step'; id: string }
  | { type: 'cell'; id: string; category: string }
  | { type: 'friction'; id: string; step: string };

/** The `checkout-friction` kind's types, by role. */
export interface CheckoutFrictionKind {
  doc: CheckoutFrictionDoc;
  selection: CheckoutFrictionSelection;
  english: CheckoutFrictionEnglish;
}

/** The fields of a flow of steps (the document's own, and each breakdown value's). */
const flow: Readonly<Record<string, string>> = {
  'steps[].id': "The step's id, unique in the document.",
  'steps[].label': "The step's name as shown.",
  'steps[].entered': 'People who reached this step.',
  'steps[].exited': 'Of those, people who left before the next step (at most entered).',
  'steps[].medianSeconds': 'Median time spent from reaching this step to reaching the next, in seconds.',
  'steps[].revenueLost':
    'Revenue lost at this step (money); without it the widget estimates exited × averageOrderValue.',
};

/** The `checkout-friction` kind's facts: its JSON Schema's descriptions. */
export const checkoutFrictionKind = {
  kind: 'checkout-friction',
  docs: {
    description:
      'Where a checkout loses buyers: per step, who entered and left, how long it took, and the friction causes ' +
      'observed there.',
    fields: {
      averageOrderValue: 'Mean value of a completed order; with exited, it estimates the revenue at risk per step.',
      steps: 'The checkout steps in order.',
      ...flow,
      'steps[].frictions': 'Friction causes observed at this step (observations: their sum may exceed exited).',
      'steps[].frictions[].id': "The cause's id, unique within the step.",
      'steps[].frictions[].label': 'The cause as shown ("Shipping cost shown only at checkout").',
      'steps[].frictions[].category': 'One of price, payment, form, account, delivery, trust, technical, other.',
      'steps[].frictions[].count': 'Times the cause was observed at the step.',
      breakdowns: 'The flow split by dimensions (device, channel…), one entry per dimension.',
      'breakdowns[].dimension': "The dimension's id (unique).",
      'breakdowns[].label': 'The dimension\'s name ("Device").',
      'breakdowns[].values': 'One flow per value of the dimension.',
      'breakdowns[].values[].id': "The value's id.",
      'breakdowns[].values[].label': 'The value\'s name ("Mobile").',
      'breakdowns[].values[].steps': "The value's flow, by step id.",
      ...Object.fromEntries(Object.entries(flow).map(([k, v]) => [`breakdowns[].values[].${k}`, v])),
    },
  },
  data: {
    emptyReason: (doc) => ((doc.steps[0]?.entered ?? 0) > 0 ? null : 'nobody entered the first step'),
    namedColumns: (o) => ({ events: o.segmentBy ? [o.segmentBy] : [] }),
  },
} as const satisfies KindFacts<CheckoutFrictionDoc>;
