/**
 * The `regional-sla` kind for the robustness suites: the fields its schema requires (each broken by the
 * invalid-document generator), the rules beyond types it must enforce, and valid documents at the
 * edges. Gathered by tests/data/kinds/all.ts (generated from the registry).
 */
import fc from 'fast-check';
import { arr, rec, duplicateId, label, ids, type Field, type Json, type Rule } from '../contract.js';
import type { RegionalSlaDoc } from '../../../src/index.js';

/** Its required (and typed optional) fields: path ('*' is any index) and type. */
export const required: Field[] = [
  { path: ['metrics'], type: 'nonempty-array' },
  { path: ['metrics', '*', 'unit'], type: 'enum' },
  { path: ['metrics', '*', 'target'], type: 'money' },
  { path: ['regions'], type: 'array' },
  { path: ['regions', '*', 'id'], type: 'id' },
  { path: ['regions', '*', 'volume'], type: 'count' },
  { path: ['regions', '*', 'values'], type: 'record' },
  { path: ['regions', '*', 'values', 'delivery', 'p90'], type: 'money' },
  { path: ['regions', '*', 'values', 'delivery', 'total'], type: 'count' },
];

/** Rules beyond types, each breaking one; false when it cannot apply to the document. */
export const rules: Rule[] = [
  duplicateId('regions'),
  (doc, pick) => {
    const a = arr(doc['regions']);
    if (!a || a.length === 0) return false;
    const v = rec((a[pick % a.length] as Record<string, Json>)['values']);
    const d = v && rec(v['delivery']);
    if (!d) return false;
    if (pick % 2) d['withinTarget'] = (d['total'] as number) + 1;
    else d['p50'] = (d['p90'] as number) + 1;
    return true;
  },
];

/** Valid documents at the edges. */
export const valid: fc.Arbitrary<RegionalSlaDoc> = fc
  .record({
    n: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(3000)),
    labels: fc.array(label, { minLength: 4, maxLength: 4 }),
    zero: fc.boolean(),
  })
  .map(
    ({ n, labels, zero }) =>
      ({
        kind: 'regional-sla',
        version: 1,
        title: labels[0],
        metrics: [
          { id: 'd', label: labels[1]!, unit: 'days', target: zero ? 0 : 10 },
          { id: 's', label: labels[2]!, unit: 'seconds', target: 3600 },
        ],
        regions: ids(n).map((id, i) => ({
          id,
          label: labels[i % 4]!,
          group: labels[(i + 1) % 4]!,
          volume: zero ? 0 : 999_999_999_999 - i,
          values:
            i % 3 === 0
              ? {}
              : {
                  d: {
                    p50: zero ? 0 : i % 20,
                    p90: zero ? 0 : (i % 20) + 5,
                    withinTarget: zero ? 0 : i,
                    total: zero ? 0 : i * 2,
                  },
                  s: { p50: 1, p90: 1e9, withinTarget: 0, total: 1 },
                },
        })),
      }) as RegionalSlaDoc,
  );
