/**
 * The `funnel` kind for the robustness suites: the fields its schema requires (each broken by the
 * invalid-document generator), the rules beyond types it must enforce, and valid documents at the
 * edges. Gathered by tests/data/kinds/all.ts (generated from the registry).
 */
import fc from 'fast-check';
import { arr, duplicateId, label, count, ids, type Field, type Rule } from '../contract.js';
import type { FunnelDoc } from '../../../src/index.js';

/** Its required (and typed optional) fields: path ('*' is any index) and type. */
export const required: Field[] = [
  { path: ['steps'], type: 'nonempty-array' },
  { path: ['steps', '*', 'id'], type: 'id' },
  { path: ['steps', '*', 'label'], type: 'label' },
  { path: ['steps', '*', 'count'], type: 'nullable-count' },
  { path: ['comparison', 'label'], type: 'label' },
  { path: ['comparison', 'steps', '*', 'count'], type: 'nullable-count' },
  { path: ['segments', '*', 'id'], type: 'id' },
  { path: ['segments', '*', 'steps'], type: 'array' },
  { path: ['segments', '*', 'steps', '*', 'count'], type: 'nullable-count' },
];

/** Rules beyond types, each breaking one; false when it cannot apply to the document. */
export const rules: Rule[] = [
  duplicateId('steps'),
  (doc) => {
    const a = arr(doc['steps']);
    if (!a) return false;
    doc['steps'] = a.slice(0, 1);
    return true;
  },
];

/** Valid documents at the edges. */
export const valid: fc.Arbitrary<FunnelDoc> = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    counts: fc.array(fc.option(count, { nil: null }), { minLength: 9, maxLength: 9 }),
    labels: fc.array(label, { minLength: 9, maxLength: 9 }),
    withComparison: fc.boolean(),
    withSegments: fc.integer({ min: 0, max: 12 }),
    value: fc.option(fc.constantFrom(0, 1e12, 123.45), { nil: undefined }),
  })
  .map(({ n, counts, labels, withComparison, withSegments, value }) => {
    const steps = ids(n).map((id, i) => ({
      id,
      label: labels[i]!,
      count: counts[i] ?? null,
      ...(i === n - 1 && value !== undefined ? { value } : {}),
      ...(i > 0 ? { medianSecondsFromPrevious: i * 977 } : {}),
    }));
    return {
      kind: 'funnel',
      version: 1,
      title: labels[0],
      subtitle: labels[1],
      currency: 'BRL',
      steps,
      ...(withComparison
        ? {
            comparison: {
              label: labels[2]!,
              steps: steps
                .filter((_, i) => i % 2 === 0)
                .map((s) => ({ id: s.id, count: s.count === null ? null : Math.floor(s.count / 2) })),
            },
          }
        : {}),
      ...(withSegments
        ? {
            segments: Array.from({ length: withSegments }, (_, k) => ({
              id: `seg${k}`,
              label: labels[(k + 3) % 9]!,
              steps: steps.slice(0, 1 + (k % n)).map((s) => ({ id: s.id, count: s.count })),
            })),
          }
        : {}),
    } as FunnelDoc;
  });
