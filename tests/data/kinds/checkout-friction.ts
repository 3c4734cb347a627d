/**
 * The `checkout-friction` kind for the robustness suites: the fields its schema requires (each broken by the
 * invalid-document generator), the rules beyond types it must enforce, and valid documents at the
 * edges. Gathered by tests/data/kinds/all.ts (generated from the registry).
 */
import fc from 'fast-check';
import { arr, duplicateId, label, count, ids, type Field, type Rule } from '../contract.js';
import type { CheckoutFrictionDoc } from '../../../src/index.js';

/** Its required (and typed optional) fields: path ('*' is any index) and type. */
export const required: Field[] = [
  { path: ['steps'], type: 'array' },
  { path: ['steps', '*', 'id'], type: 'id' },
  { path: ['steps', '*', 'label'], type: 'label' },
  { path: ['steps', '*', 'entered'], type: 'count' },
  { path: ['steps', '*', 'exited'], type: 'count' },
  { path: ['averageOrderValue'], type: 'money', optional: true },
  { path: ['steps', '*', 'frictions', '*', 'category'], type: 'enum' },
  { path: ['steps', '*', 'frictions', '*', 'count'], type: 'count' },
  { path: ['breakdowns', '*', 'values', '*', 'steps', '*', 'entered'], type: 'count' },
];

/** Rules beyond types, each breaking one; false when it cannot apply to the document. */
export const rules: Rule[] = [
  duplicateId('steps'),
  (doc, pick) => {
    const a = arr(doc['steps']);
    if (!a || a.length === 0) return false;
    const s = a[pick % a.length] as Record<string, number>;
    s['exited'] = (s['entered'] ?? 0) + 1;
    return true;
  },
];

/** Valid documents at the edges. */
export const valid: fc.Arbitrary<CheckoutFrictionDoc> = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    entered: fc.array(count, { minLength: 6, maxLength: 6 }),
    frac: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    labels: fc.array(label, { minLength: 6, maxLength: 6 }),
    aov: fc.option(fc.constantFrom(0, 160.16, 1e9), { nil: undefined }),
    frictions: fc.integer({ min: 0, max: 8 }),
  })
  .map(
    ({ n, entered, frac, labels, aov, frictions }) =>
      ({
        kind: 'checkout-friction',
        version: 1,
        currency: 'BRL',
        ...(aov !== undefined ? { averageOrderValue: aov } : {}),
        steps: ids(n).map((id, i) => ({
          id,
          label: labels[i]!,
          entered: entered[i]!,
          exited: Math.floor(entered[i]! * frac[i]!),
          frictions: Array.from({ length: frictions }, (_, k) => ({
            id: `f${k}`,
            label: labels[(i + k) % 6]!,
            category: (['price', 'payment', 'form', 'account', 'delivery', 'trust', 'technical', 'other'] as const)[
              k % 8
            ]!,
            count: k * 1_000_003,
          })),
        })),
        breakdowns: [{ dimension: 'device', label: labels[0]!, values: [{ id: 'm', label: labels[1]!, steps: [] }] }],
      }) as CheckoutFrictionDoc,
  );
