import * as z from 'zod/mini';
import {
  addIssue,
  arrayOf,
  checkUniqueIds,
  count,
  currency,
  expected,
  headerFields,
  id,
  kindLiteral,
  label,
  money,
  seconds,
  version,
  type Ctx,
  checkCurrency,
} from './common.js';

export const FRICTION_CATEGORIES = [
  'price',
  'payment',
  'form',
  'account',
  'delivery',
  'trust',
  'technical',
  'other',
] as const;
export type FrictionCategory = (typeof FRICTION_CATEGORIES)[number];

export const frictionSchema = z.object(
  {
    id,
    label,
    category: z.literal(FRICTION_CATEGORIES, expected(`one of ${FRICTION_CATEGORIES.map((c) => `"${c}"`).join(', ')}`)),
    count,
  },
  expected('a friction object'),
);

const flowFields = {
  id,
  entered: count,
  exited: count,
  medianSeconds: z.optional(seconds),
  revenueLost: z.optional(money),
};

export const checkoutStepSchema = z.object(
  {
    ...flowFields,
    label,
    frictions: z.optional(arrayOf(frictionSchema, 'frictions')),
  },
  expected('a step object'),
);

export const breakdownStepSchema = z.object(flowFields, expected('a step object'));

export const checkoutFrictionSchema = z
  .object(
    {
      kind: kindLiteral('checkout-friction'),
      version,
      ...headerFields,
      currency: z.optional(currency),
      averageOrderValue: z.optional(money),
      steps: arrayOf(checkoutStepSchema, 'steps'),
      breakdowns: z.optional(
        arrayOf(
          z.object(
            {
              dimension: id,
              label,
              values: arrayOf(
                z.object(
                  { id, label, steps: arrayOf(breakdownStepSchema, 'steps') },
                  expected('a breakdown value object'),
                ),
                'values',
              ),
            },
            expected('a breakdown object'),
          ),
          'breakdowns',
        ),
      ),
    },
    expected('a checkout-friction document (an object)'),
  )
  .check(
    z.superRefine((doc, ctx) => {
      const c = ctx as unknown as Ctx;
      const known = new Set(doc.steps.map((s) => s.id));
      const checkFlow = (
        steps: readonly { id: string; entered: number; exited: number }[],
        base: PropertyKey[],
        mustBeKnown: boolean,
      ) => {
        checkUniqueIds(c, steps, base);
        steps.forEach((s, i) => {
          // Compared only with a valid "entered", and ids only against steps that exist: one problem per root cause.
          if (s.entered >= 0 && s.exited > s.entered)
            addIssue(c, [...base, i, 'exited'], `expected at most "entered" (${s.entered}), got ${s.exited}`, s.exited);
          if (mustBeKnown && known.size && !known.has(s.id))
            addIssue(c, [...base, i, 'id'], `expected the id of a step in "steps", got ${JSON.stringify(s.id)}`, s.id);
        });
      };
      checkFlow(doc.steps, ['steps'], false);
      doc.steps.forEach((s, i) => {
        if (s.frictions) checkUniqueIds(c, s.frictions, ['steps', i, 'frictions']);
      });
      if (doc.breakdowns) {
        doc.breakdowns.forEach((b, bi) => {
          checkUniqueIds(c, b.values, ['breakdowns', bi, 'values']);
          b.values.forEach((v, vi) => checkFlow(v.steps, ['breakdowns', bi, 'values', vi, 'steps'], true));
        });
        const dims = doc.breakdowns.map((b) => ({ id: b.dimension }));
        const seen = new Set<string>();
        dims.forEach((d, i) => {
          if (seen.has(d.id))
            addIssue(
              c,
              ['breakdowns', i, 'dimension'],
              `expected a unique dimension, got ${JSON.stringify(d.id)} again`,
              d.id,
            );
          seen.add(d.id);
        });
      }
      const hasMoney = doc.averageOrderValue !== undefined || doc.steps.some((s) => s.revenueLost !== undefined);
      checkCurrency(c, doc, hasMoney && 'the document carries money');
    }),
  );

export type CheckoutFrictionDoc = z.infer<typeof checkoutFrictionSchema>;
export type CheckoutStep = z.infer<typeof checkoutStepSchema>;
export type Friction = z.infer<typeof frictionSchema>;
