/**
 * The `cohort` kind for the robustness suites: the fields its schema requires (each broken by the
 * invalid-document generator), the rules beyond types it must enforce, and valid documents at the
 * edges. Gathered by tests/data/kinds/all.ts (generated from the registry).
 */
import fc from 'fast-check';
import { arr, duplicateId, label, ids, type Field, type Json, type Rule } from '../contract.js';
import type { CohortDoc } from '../../../src/index.js';

/** Its required (and typed optional) fields: path ('*' is any index) and type. */
export const required: Field[] = [
  { path: ['measure'], type: 'enum' },
  { path: ['periodUnit'], type: 'enum' },
  { path: ['cohorts'], type: 'array' },
  { path: ['cohorts', '*', 'id'], type: 'id' },
  { path: ['cohorts', '*', 'label'], type: 'label' },
  { path: ['cohorts', '*', 'size'], type: 'count' },
  { path: ['cohorts', '*', 'values'], type: 'array' },
];

/** Rules beyond types, each breaking one; false when it cannot apply to the document. */
export const rules: Rule[] = [
  duplicateId('cohorts'),
  (doc, pick) => {
    const a = arr(doc['cohorts']);
    if (!a || a.length === 0) return false;
    const c = a[pick % a.length] as { values: Json[] };
    c.values = [1, null, 1];
    return true;
  },
];

/** Valid documents at the edges. */
export const valid: fc.Arbitrary<CohortDoc> = fc
  .record({
    n: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(60)),
    periods: fc.integer({ min: 1, max: 30 }),
    revenue: fc.boolean(),
    shape: fc.constantFrom('zeros', 'nulls', 'huge', 'normal'),
    labels: fc.array(label, { minLength: 4, maxLength: 4 }),
  })
  .map(
    ({ n, periods, revenue, shape, labels }) =>
      ({
        kind: 'cohort',
        version: 1,
        measure: revenue ? 'revenue' : 'customers',
        periodUnit: 'week',
        currency: 'BRL',
        title: labels[0],
        cohorts: ids(n).map((id, i) => {
          const size = shape === 'zeros' ? 0 : shape === 'huge' ? 999_999_999_999 : 100 + i;
          const values = Array.from({ length: Math.max(1, periods - i) }, (_, k) =>
            shape === 'nulls'
              ? null
              : shape === 'zeros'
                ? 0
                : shape === 'huge'
                  ? 999_999_999_999 - k
                  : Math.max(0, size - k * 7),
          );
          return { id, label: labels[i % 4]!, size, values };
        }),
      }) as CohortDoc,
  );
