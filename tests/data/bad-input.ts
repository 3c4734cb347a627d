/**
 * fast-check generators of invalid KPI documents, written against the contract:
 * each starts from a valid document of its kind and breaks it in one way the
 * schema must reject (a required field missing or mistyped, a rule broken, a
 * hostile structure). Every generated document is invalid by construction.
 */
import fc from 'fast-check';
import type { KpiKind } from '../../src/index.js';
import { arr, rec, type FieldType, type Json } from './contract.js';
import { TEST_KINDS } from './kinds/all.js';

/** Values each type must reject. */
const TEN_MB = 'x'.repeat(10_000_000);
const BAD: Record<FieldType, Json[]> = {
  count: [-1, -4, 1.5, Number.NaN, Infinity, -Infinity, '12', null, 1e16, true, {}, [], -0.5],
  'nullable-count': [-1, 1.5, Number.NaN, Infinity, '12', 1e16, true, {}, []],
  id: ['', 'bad id!', 'x'.repeat(65), 42, null, '__proto__', 'naïve', {}],
  label: ['x'.repeat(201), 42, null, {}, [], true, TEN_MB],
  money: [-1, Number.NaN, Infinity, 1e300, '5', null, {}],
  seconds: [-1, Number.NaN, Infinity, 1e11, '5', {}],
  number: [Number.NaN, Infinity, -Infinity, 1e300, '5', {}, []],
  enum: ['nope', 3, null, '', {}],
  array: ['x', 5, {}, null, true],
  'nonempty-array': ['x', 5, {}, null, []],
  object: ['x', 5, [], null, true],
  record: ['x', 5, [], null, true],
};

/** Structures hostile to any parser, applied to the document itself. */
const STRUCTURES: ((doc: Record<string, Json>, kind: KpiKind) => Json)[] = [
  (doc) => ({ ...doc, version: 2 }),
  (doc) => ({ ...doc, version: '1' }),
  (doc) => ({ ...doc, kind: 'pie' }),
  (doc) => {
    const { kind: _k, ...rest } = doc;
    return rest;
  },
  () => JSON.parse('{"__proto__": {"kind": "funnel", "version": 1}, "constructor": {"prototype": {"polluted": true}}}'),
  () => {
    let deep: Json = {};
    for (let i = 0; i < 5000; i++) deep = { steps: deep, cohorts: deep };
    return deep;
  },
  (_doc, kind) => ({
    kind,
    version: 1,
    steps: { length: 3 },
    regions: 'all',
    metrics: null,
    channels: 0,
    cohorts: true,
    measure: 'customers',
    periodUnit: 'week',
  }),
  () => [1, 2, 3],
  () => 'just text',
  () => null,
];

function setAt(doc: Json, path: (string | number)[], pick: number, value: Json | undefined): boolean {
  let node = doc;
  for (let i = 0; i < path.length; i++) {
    let key = path[i]!;
    const last = i === path.length - 1;
    if (key === '*') {
      const a = arr(node);
      if (!a || a.length === 0) return false;
      key = (pick + i) % a.length;
    }
    const container = rec(node) ?? arr(node);
    if (!container) return false;
    if (last) {
      if (value === undefined) delete (container as Record<string | number, Json>)[key];
      else (container as Record<string | number, Json>)[key] = value;
      return true;
    }
    node = (container as Record<string | number, Json>)[key];
    if (node === undefined || node === null) return false;
  }
  return false;
}

/**
 * Invalid documents of `kind`, derived from the valid `bases`. Each value is
 * produced fresh (the base is deep-copied), so a test may hand it to an element.
 */
export function invalidDocument(kind: KpiKind, bases: readonly Json[]): fc.Arbitrary<{ doc: Json; how: string }> {
  const fields = TEST_KINDS[kind].required;
  const typeBreak = fc
    .record({
      base: fc.nat(bases.length - 1),
      field: fc.nat(fields.length - 1),
      bad: fc.nat(20),
      pick: fc.nat(50),
      missing: fc.boolean(),
    })
    .map(({ base, field, bad, pick, missing }) => {
      const doc = structuredClone(bases[base]) as Record<string, Json>;
      const f = fields[field]!;
      const values = BAD[f.type];
      const value = missing && !f.optional ? undefined : values[bad % values.length];
      const ok = setAt(doc, f.path, pick, value);
      return ok
        ? { doc, how: `${f.path.join('.')} ${value === undefined ? 'missing' : `= ${String(value).slice(0, 30)}`}` }
        : { doc: { ...doc, version: 0 }, how: 'version 0' };
    });
  const ruleBreak = fc
    .record({
      base: fc.nat(bases.length - 1),
      rule: fc.nat(Math.max(0, TEST_KINDS[kind].rules.length - 1)),
      pick: fc.nat(50),
    })
    .map(({ base, rule, pick }) => {
      const doc = structuredClone(bases[base]) as Record<string, Json>;
      const ok = TEST_KINDS[kind].rules[rule]!(doc, pick);
      return ok ? { doc, how: `rule ${rule}` } : { doc: { ...doc, version: -1 }, how: 'version -1' };
    });
  const structureBreak = fc
    .record({ base: fc.nat(bases.length - 1), s: fc.nat(STRUCTURES.length - 1) })
    .map(({ base, s }) => ({
      doc: STRUCTURES[s]!(structuredClone(bases[base]) as Record<string, Json>, kind),
      how: `structure ${s}`,
    }));
  return fc.oneof(
    { arbitrary: typeBreak, weight: 6 },
    // A kind with no rule beyond its types (a small one) has none to break.
    ...(TEST_KINDS[kind].rules.length ? [{ arbitrary: ruleBreak, weight: 2 }] : []),
    { arbitrary: structureBreak, weight: 1 },
  );
}
