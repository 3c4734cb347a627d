import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { schemas, parseKpi, type KpiKind } from '../../src/index.js';
import { UNSURE, fastParse } from '../../src/schema/fast-parse.js';
import { municipalities, weeklyCohorts } from '../data/generators.js';
import { clone, fixtureNames, loadFixture } from './fixtures.js';

type Json = Record<string, unknown>;

/**
 * What zod makes of `doc` (jitless, as the kit runs it), with -0 read as 0 the way parseKpi does: null when it rejects
 * it.
 */
function zodOutput(schema: z.ZodMiniType, doc: unknown): unknown {
  const r = schema.safeParse(doc, { jitless: true });
  return r.success ? JSON.parse(JSON.stringify(r.data)) : null;
}

/** Every path to a value in `doc`, at most `limit` of them, spread evenly over the document. */
function paths(doc: unknown, limit = 100): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (v: unknown, p: (string | number)[]) => {
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...p, k]);
  };
  visit(doc, []);
  const step = Math.max(1, Math.floor(out.length / limit));
  return out.filter((_, i) => i % step === 0).filter((p) => p.length > 0);
}

function withValue(doc: Json, p: (string | number)[], value: unknown, remove = false): Json {
  const copy = clone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = p[p.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const REPLACEMENTS: unknown[] = [
  null,
  -1,
  1.5,
  0.5,
  'x',
  '',
  true,
  {},
  [],
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e20,
  -0,
  'a'.repeat(300),
  '../x',
];

const kindOf = (doc: Json) => doc['kind'] as KpiKind;

describe('fastParse agrees with zod: it vouches only for what zod accepts, with the same output', () => {
  const docs: [string, Json][] = [...fixtureNames().map((n) => [n, loadFixture(n)] as [string, Json])];
  const generated: [string, Json][] = [
    ['generated: 300 municipalities', municipalities(300) as unknown as Json],
    ['generated: 30 weekly cohorts', weeklyCohorts(30) as unknown as Json],
  ];

  it.each([...docs, ...generated])("%s: the fast path takes it, with zod's output", (_, doc) => {
    const schema = schemas[kindOf(doc)] as unknown as z.ZodMiniType;
    const fast = fastParse(schema, doc);
    expect(fast).not.toBe(UNSURE);
    expect(fast).toEqual(zodOutput(schema, doc));
  });

  it.each(docs)(
    '%s, broken and bent in every place: never "valid" where zod says invalid, never another output',
    (_, doc) => {
      const schema = schemas[kindOf(doc)] as unknown as z.ZodMiniType;
      let rejected = 0;
      let checked = 0;
      for (const p of paths(doc)) {
        const variants = [...REPLACEMENTS.map((v) => withValue(doc, p, v)), withValue(doc, p, undefined, true)];
        for (const bent of variants) {
          const want = zodOutput(schema, bent);
          const fast = fastParse(schema, bent);
          checked++;
          if (want === null) {
            rejected++;
            expect(fast, `${p.join('.')}: zod rejects it`).toBe(UNSURE);
          } else if (fast !== UNSURE) {
            expect(fast, p.join('.')).toEqual(want);
          }
        }
      }
      // The corpus really breaks things, and the fast path is really tried on valid ones.
      expect(rejected).toBeGreaterThan(checked / 4);
    },
  );
});

describe('fastParse: the edges', () => {
  const sla = loadFixture('regional-sla.states.json');
  const schema = schemas['regional-sla'] as unknown as z.ZodMiniType;

  it('returns a fresh copy: the input is never changed, and later changes to it never reach the document', () => {
    const input = clone(sla) as { regions: { values: Record<string, { p50: number }> }[] };
    input.regions[0]!.values['delivery']!.p50 = -0;
    const out = fastParse(schema, input) as typeof input;
    expect(out).not.toBe(input);
    expect(out.regions).not.toBe(input.regions);
    expect(out.regions[0]).not.toBe(input.regions[0]);
    expect(Object.is(out.regions[0]!.values['delivery']!.p50, 0)).toBe(true);
    expect(Object.is(input.regions[0]!.values['delivery']!.p50, -0)).toBe(true);
  });

  it('leaves out unknown keys, as zod does, and keeps every entry of a map', () => {
    const input = { ...clone(sla), extra: 1, regions: [{ ...(sla['regions'] as Json[])[0], note: 'x' }] };
    const out = fastParse(schema, input) as Json;
    expect(out).toEqual(zodOutput(schema, input));
    expect('extra' in out).toBe(false);
  });

  it('gives up on what it cannot vouch for: a present undefined, __proto__, another node, a failed check', () => {
    expect(fastParse(schema, { ...clone(sla), subtitle: undefined })).toBe(UNSURE);
    expect(fastParse(schema, new Date())).toBe(UNSURE);
    // A class instance is an object to zod too: the same plain copy.
    class Doc {
      constructor() {
        Object.assign(this, clone(sla));
      }
    }
    expect(fastParse(schema, new Doc())).toEqual(zodOutput(schema, new Doc()));
    expect(Object.getPrototypeOf(fastParse(schema, new Doc()))).toBe(Object.prototype);
    // A "__proto__" key in a map (which keeps every key) is zod's to judge; elsewhere it is an unknown key, left out.
    const inMap = JSON.parse(
      JSON.stringify(sla).replace('"values":{', '"values":{"__proto__":{"p50":1,"p90":2,"withinTarget":1,"total":1},'),
    ) as Json;
    expect(fastParse(schema, inMap)).toBe(UNSURE);
    const atRoot = JSON.parse(JSON.stringify(sla).replace('{', '{"__proto__": {"x": 1},')) as Json;
    const out = fastParse(schema, atRoot) as Json;
    expect(out).toEqual(zodOutput(schema, atRoot));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(false);
    expect(fastParse(z.union([z.string(), z.number()]), 'a')).toBe(UNSURE);
    expect(
      fastParse(
        z.pipe(
          z.string(),
          z.transform((s: string) => s.length),
        ),
        'abc',
      ),
    ).toBe(UNSURE);
    // Any other check runs as zod runs it: a length check passes or sends the value to zod.
    expect(fastParse(z.string().check(z.minLength(2)), 'abc')).toBe('abc');
    expect(fastParse(z.string().check(z.minLength(2)), 'a')).toBe(UNSURE);
  });

  it('runs every refinement: a document-level cross-check (p50 above p90) is never vouched for', () => {
    const bad = clone(sla) as { regions: { values: Record<string, { p50: number; p90: number }> }[] };
    const v = bad.regions[3]!.values['delivery']!;
    v.p50 = v.p90 + 1;
    expect(fastParse(schema, bad)).toBe(UNSURE);
    expect(parseKpi(bad).ok).toBe(false);
  });

  it('reads numbers as zod does: finite only, -0 as 0', () => {
    expect(fastParse(z.number(), 5)).toBe(5);
    expect(Object.is(fastParse(z.number(), -0), 0)).toBe(true);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5', null, undefined])
      expect(fastParse(z.number(), bad)).toBe(UNSURE);
    expect(fastParse(z.nullable(z.number()), null)).toBe(null);
    expect(fastParse(z.literal(1), 1)).toBe(1);
    expect(fastParse(z.literal(1), '1')).toBe(UNSURE);
    expect(fastParse(z.boolean(), false)).toBe(false);
    // A coercing schema: a value of its own type reads as it is; anything else is zod's to coerce.
    expect(fastParse(z.coerce.number(), 5)).toBe(5);
    expect(fastParse(z.coerce.number(), '5')).toBe(UNSURE);
  });

  it('never throws, even on absurd nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(fastParse(z.array(z.unknown()), deep)).toBe(UNSURE);
    expect(fastParse(schema, deep)).toBe(UNSURE);
  });
});
