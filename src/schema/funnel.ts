import * as z from 'zod/mini';
import {
  addIssue,
  arrayOf,
  checkUniqueIds,
  count,
  currency,
  headerFields,
  id,
  kindLiteral,
  label,
  money,
  period,
  seconds,
  version,
  expected,
  type Ctx,
  checkCurrency,
} from './common.js';

const stepFields = {
  id,
  /** `null` means "not known yet". */
  count: z.nullable(count),
  value: z.optional(money),
  medianSecondsFromPrevious: z.optional(seconds),
};

export const funnelStepSchema = z.object({ ...stepFields, label }, expected('a step object'));
export const funnelPartialStepSchema = z.object(stepFields, expected('a step object'));

export const funnelSchema = z
  .object(
    {
      kind: kindLiteral('funnel'),
      version,
      ...headerFields,
      currency: z.optional(currency),
      steps: arrayOf(funnelStepSchema, 'steps', 2),
      comparison: z.optional(
        z.object(
          {
            label,
            period: z.optional(period),
            steps: arrayOf(funnelPartialStepSchema, 'steps'),
          },
          expected('a comparison object'),
        ),
      ),
      segments: z.optional(
        arrayOf(
          z.object(
            {
              id,
              label,
              steps: arrayOf(funnelPartialStepSchema, 'steps'),
            },
            expected('a segment object'),
          ),
          'segments',
        ),
      ),
    },
    expected('a funnel document (an object)'),
  )
  .check(
    z.superRefine((doc, ctx) => {
      const c = ctx as unknown as Ctx;
      checkUniqueIds(c, doc.steps, ['steps']);
      const known = new Set(doc.steps.map((s) => s.id));
      const checkPartial = (steps: readonly { id: string; value?: number | undefined }[], base: PropertyKey[]) => {
        checkUniqueIds(c, steps, base);
        steps.forEach((s, i) => {
          // Only against steps that exist: an empty "steps" is one problem, not one more per segment step.
          if (known.size && !known.has(s.id))
            addIssue(c, [...base, i, 'id'], `expected the id of a step in "steps", got ${JSON.stringify(s.id)}`, s.id);
        });
      };
      if (doc.comparison) checkPartial(doc.comparison.steps, ['comparison', 'steps']);
      if (doc.segments) {
        checkUniqueIds(c, doc.segments, ['segments']);
        doc.segments.forEach((seg, i) => checkPartial(seg.steps, ['segments', i, 'steps']));
      }
      const hasMoney =
        doc.steps.some((s) => s.value !== undefined) ||
        (doc.comparison?.steps.some((s) => s.value !== undefined) ?? false) ||
        (doc.segments?.some((seg) => seg.steps.some((s) => s.value !== undefined)) ?? false);
      checkCurrency(c, doc, hasMoney && 'steps carry a money "value"');
    }),
  );

export type FunnelDoc = z.infer<typeof funnelSchema>;
export type FunnelStep = z.infer<typeof funnelStepSchema>;
export type FunnelPartialStep = z.infer<typeof funnelPartialStepSchema>;
