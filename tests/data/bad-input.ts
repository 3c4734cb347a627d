/**
 * fast-check generators of invalid KPI documents, written against the contract:
 * each starts from a valid document of its kind and breaks it in one way the
 * schema must reject (a required field missing or mistyped, a rule broken, a
 * hostile structure). Every generated document is invalid by construction.
 */
import fc from 'fast-check';
import type { KpiKind } from '../../src/index.js';

type Json = unknown;
type FieldType =
  | 'count'
  | 'nullable-count'
  | 'id'
  | 'label'
  | 'money'
  | 'seconds'
  | 'number'
  | 'enum'
  | 'array'
  | 'nonempty-array'
  | 'object'
  | 'record';

/** A required field: its path ('*' is any index of the array there) and type. */
interface Field {
  path: (string | number)[];
  type: FieldType;
  optional?: boolean;
}

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

const REQUIRED: Record<KpiKind, Field[]> = {
  funnel: [
    { path: ['steps'], type: 'nonempty-array' },
    { path: ['steps', '*', 'id'], type: 'id' },
    { path: ['steps', '*', 'label'], type: 'label' },
    { path: ['steps', '*', 'count'], type: 'nullable-count' },
    { path: ['comparison', 'label'], type: 'label' },
    { path: ['comparison', 'steps', '*', 'count'], type: 'nullable-count' },
    { path: ['segments', '*', 'id'], type: 'id' },
    { path: ['segments', '*', 'steps'], type: 'array' },
    { path: ['segments', '*', 'steps', '*', 'count'], type: 'nullable-count' },
  ],
  'checkout-friction': [
    { path: ['steps'], type: 'array' },
    { path: ['steps', '*', 'id'], type: 'id' },
    { path: ['steps', '*', 'label'], type: 'label' },
    { path: ['steps', '*', 'entered'], type: 'count' },
    { path: ['steps', '*', 'exited'], type: 'count' },
    { path: ['averageOrderValue'], type: 'money', optional: true },
    { path: ['steps', '*', 'frictions', '*', 'category'], type: 'enum' },
    { path: ['steps', '*', 'frictions', '*', 'count'], type: 'count' },
    { path: ['breakdowns', '*', 'values', '*', 'steps', '*', 'entered'], type: 'count' },
  ],
  cohort: [
    { path: ['measure'], type: 'enum' },
    { path: ['periodUnit'], type: 'enum' },
    { path: ['cohorts'], type: 'array' },
    { path: ['cohorts', '*', 'id'], type: 'id' },
    { path: ['cohorts', '*', 'label'], type: 'label' },
    { path: ['cohorts', '*', 'size'], type: 'count' },
    { path: ['cohorts', '*', 'values'], type: 'array' },
  ],
  'regional-sla': [
    { path: ['metrics'], type: 'nonempty-array' },
    { path: ['metrics', '*', 'unit'], type: 'enum' },
    { path: ['metrics', '*', 'target'], type: 'money' },
    { path: ['regions'], type: 'array' },
    { path: ['regions', '*', 'id'], type: 'id' },
    { path: ['regions', '*', 'volume'], type: 'count' },
    { path: ['regions', '*', 'values'], type: 'record' },
    { path: ['regions', '*', 'values', 'delivery', 'p90'], type: 'money' },
    { path: ['regions', '*', 'values', 'delivery', 'total'], type: 'count' },
  ],
  channels: [
    { path: ['metrics'], type: 'nonempty-array' },
    { path: ['metrics', '*', 'format'], type: 'enum' },
    { path: ['channels'], type: 'array' },
    { path: ['channels', '*', 'id'], type: 'id' },
    { path: ['channels', '*', 'values'], type: 'record' },
    { path: ['channels', '*', 'values', 'revenue'], type: 'number', optional: true },
    { path: ['customers', 'unique'], type: 'count' },
    { path: ['channels', '*', 'series', '*', 'date'], type: 'label' },
  ],
  forecast: [
    { path: ['points'], type: 'nonempty-array' },
    { path: ['granularity'], type: 'enum' },
    { path: ['metric', 'format'], type: 'enum' },
    { path: ['points', '*', 'actual'], type: 'number', optional: true },
    { path: ['points', '*', 'target'], type: 'number', optional: true },
    { path: ['forecast', 'model'], type: 'enum', optional: true },
    { path: ['pacing', 'days'], type: 'array', optional: true },
    { path: ['pipeline', 'quota'], type: 'money', optional: true },
    { path: ['metric'], type: 'object' },
  ],
};

/** Rules beyond types: each returns false when it cannot apply to the document. */
type Rule = (doc: Record<string, Json>, pick: number) => boolean;
const arr = (v: Json): Json[] | null => (Array.isArray(v) ? v : null);
const rec = (v: Json): Record<string, Json> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null;

const duplicateId =
  (key: string): Rule =>
  (doc) => {
    const a = arr(doc[key]);
    if (!a || a.length < 2) return false;
    (a[1] as Record<string, Json>)['id'] = (a[0] as Record<string, Json>)['id'];
    return true;
  };

const RULES: Record<KpiKind, Rule[]> = {
  funnel: [
    duplicateId('steps'),
    (doc) => {
      const a = arr(doc['steps']);
      if (!a) return false;
      doc['steps'] = a.slice(0, 1);
      return true;
    },
  ],
  'checkout-friction': [
    duplicateId('steps'),
    (doc, pick) => {
      const a = arr(doc['steps']);
      if (!a || a.length === 0) return false;
      const s = a[pick % a.length] as Record<string, number>;
      s['exited'] = (s['entered'] ?? 0) + 1;
      return true;
    },
  ],
  cohort: [
    duplicateId('cohorts'),
    (doc, pick) => {
      const a = arr(doc['cohorts']);
      if (!a || a.length === 0) return false;
      const c = a[pick % a.length] as { values: Json[] };
      c.values = [1, null, 1];
      return true;
    },
  ],
  'regional-sla': [
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
  ],
  channels: [
    duplicateId('channels'),
    (doc) => {
      const o = arr(rec(doc['customers'])?.['overlaps']);
      if (!o || o.length === 0) return false;
      (o[0] as { channels: string[] }).channels = ['nowhere', 'else'];
      return true;
    },
  ],
  forecast: [
    (doc, pick) => {
      const a = arr(doc['points']);
      if (!a || a.length < 2) return false;
      const p = a[pick % a.length] as Record<string, Json>;
      if (pick % 2) p['period'] = '2001-01-01';
      else p['forecast'] = { value: 1, lower: 2, upper: 3 };
      return true;
    },
  ],
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
  const fields = REQUIRED[kind];
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
    .record({ base: fc.nat(bases.length - 1), rule: fc.nat(RULES[kind].length - 1), pick: fc.nat(50) })
    .map(({ base, rule, pick }) => {
      const doc = structuredClone(bases[base]) as Record<string, Json>;
      const ok = RULES[kind][rule]!(doc, pick);
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
    { arbitrary: ruleBreak, weight: 2 },
    { arbitrary: structureBreak, weight: 1 },
  );
}
