/**
 * fast-check generators of valid documents at the edges: one step or cohort, all
 * zeros, all-null periods, counts near 1e12, 200-character, right-to-left and
 * emoji labels, and thousands of rows.
 */
import fc from 'fast-check';
import type { KpiKind } from '../../src/index.js';
import { TEST_KINDS } from './kinds/all.js';

export { LABELS } from './contract.js';

/** Valid documents at the edges, by kind (each kind's in tests/data/kinds/<kind>.ts). */
export const VALID = Object.fromEntries(Object.entries(TEST_KINDS).map(([k, m]) => [k, m.valid])) as Record<
  KpiKind,
  fc.Arbitrary<unknown>
>;

/** Replaces every free-text field (title, subtitle, label, group) with hostile text, rotating through `payloads`. */
export function withHostileText<T>(doc: T, payloads: readonly string[]): T {
  let i = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v))
        out[k] =
          ['title', 'subtitle', 'label', 'group'].includes(k) && typeof x === 'string'
            ? payloads[i++ % payloads.length]
            : walk(x);
      return out;
    }
    return v;
  };
  return walk(doc) as T;
}

export const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '</table><b id="injected">bold</b>',
  '{{constructor.constructor("window.__pwned=4")()}}',
  '${window.__pwned=5}',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(1,1)',
  '<svg onload="window.__pwned=6">',
  '"><iframe src="javascript:window.__pwned=7">',
];
