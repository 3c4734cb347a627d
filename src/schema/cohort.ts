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
  nonNegative,
  version,
  type Ctx,
  checkCurrency,
} from './common.js';

export const cohortRowSchema = z.object(
  {
    id,
    label,
    size: count,
    /** values[k] is period k; `null` is a period that has not happened yet (only trailing). */
    values: arrayOf(z.nullable(nonNegative), 'numbers or nulls'),
  },
  expected('a cohort object'),
);

export const cohortSchema = z
  .object(
    {
      kind: kindLiteral('cohort'),
      version,
      ...headerFields,
      measure: z.literal(['customers', 'revenue'], expected('"customers" or "revenue"')),
      periodUnit: z.literal(['day', 'week', 'month'], expected('"day", "week" or "month"')),
      currency: z.optional(currency),
      cohorts: arrayOf(cohortRowSchema, 'cohorts'),
    },
    expected('a cohort document (an object)'),
  )
  .check(
    z.superRefine((doc, ctx) => {
      const c = ctx as unknown as Ctx;
      checkUniqueIds(c, doc.cohorts, ['cohorts']);
      doc.cohorts.forEach((row, i) => {
        let seenNull = -1;
        row.values.forEach((v, k) => {
          if (v === null) {
            if (seenNull < 0) seenNull = k;
            return;
          }
          if (seenNull >= 0) {
            addIssue(
              c,
              ['cohorts', i, 'values', k],
              `expected null here (period ${seenNull} is null, and only trailing periods may be null), got ${v}`,
              v,
            );
            seenNull = -1;
          }
          if (doc.measure === 'customers' && !Number.isInteger(v)) {
            addIssue(c, ['cohorts', i, 'values', k], `expected a non-negative integer count of customers, got ${v}`, v);
          }
        });
      });
      checkCurrency(c, doc, doc.measure === 'revenue' && 'measure is "revenue"');
    }),
  );

export type CohortDoc = z.infer<typeof cohortSchema>;
export type CohortRow = z.infer<typeof cohortRowSchema>;
