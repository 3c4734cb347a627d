/**
 * The `channels` kind for the robustness suites: the fields its schema requires (each broken by the
 * invalid-document generator), the rules beyond types it must enforce, and valid documents at the
 * edges. Gathered by tests/data/kinds/all.ts (generated from the registry).
 */
import fc from 'fast-check';
import { arr, rec, duplicateId, label, ids, type Field, type Rule } from '../contract.js';
import type { ChannelsDoc } from '../../../src/index.js';

/** Its required (and typed optional) fields: path ('*' is any index) and type. */
export const required: Field[] = [
  { path: ['metrics'], type: 'nonempty-array' },
  { path: ['metrics', '*', 'format'], type: 'enum' },
  { path: ['channels'], type: 'array' },
  { path: ['channels', '*', 'id'], type: 'id' },
  { path: ['channels', '*', 'values'], type: 'record' },
  { path: ['channels', '*', 'values', 'revenue'], type: 'number', optional: true },
  { path: ['customers', 'unique'], type: 'count' },
  { path: ['channels', '*', 'series', '*', 'date'], type: 'label' },
];

/** Rules beyond types, each breaking one; false when it cannot apply to the document. */
export const rules: Rule[] = [
  duplicateId('channels'),
  (doc) => {
    const o = arr(rec(doc['customers'])?.['overlaps']);
    if (!o || o.length === 0) return false;
    (o[0] as { channels: string[] }).channels = ['nowhere', 'else'];
    return true;
  },
];

/** Valid documents at the edges. */
export const valid: fc.Arbitrary<ChannelsDoc> = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    labels: fc.array(label, { minLength: 4, maxLength: 4 }),
    zero: fc.boolean(),
    gaps: fc.boolean(),
  })
  .map(
    ({ n, labels, zero, gaps }) =>
      ({
        kind: 'channels',
        version: 1,
        currency: 'BRL',
        title: labels[0],
        metrics: [
          { id: 'revenue', label: labels[1]!, format: 'currency', aggregate: 'sum' },
          { id: 'customers', label: labels[2]!, format: 'integer', aggregate: 'sum' },
          { id: 'conversion', label: labels[3]!, format: 'percent', aggregate: 'none' },
          { id: 'ttc', label: 'Time to close', format: 'duration', aggregate: 'none', better: 'lower' },
        ],
        channels: ids(n).map((id, i) => ({
          id,
          label: labels[i % 4]!,
          group: labels[(i + 2) % 4]!,
          values: zero
            ? { revenue: 0, customers: 0 }
            : { revenue: 999_999_999_999 - i, customers: 1000 + i, conversion: i / 100, ttc: i * 86400 },
          series: Array.from({ length: 12 }, (_, k) => ({
            date: `2026-${String(k + 1).padStart(2, '0')}-01`,
            values: { revenue: zero ? 0 : k * 1000 + i },
          })).filter((_, k) => !gaps || (k + i) % 4 !== 0),
        })),
        customers: {
          metric: 'customers',
          unique: zero ? 0 : 500,
          overlaps: n > 1 ? [{ channels: ['id_0', 'id_1'], customers: zero ? 0 : 100 }] : [],
        },
      }) as ChannelsDoc,
  );

/**
 * Forecast series: one point to 400 days; zeros, huge, negative or gappy values; a running period with pacing; any
 * model.
 */
