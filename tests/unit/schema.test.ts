// The contract's parser on the fixtures and on broken documents: each problem named by its JSON path, in words a
// backend developer acts on. Kind-specific rules, required fields and defineKpi: schema-rules.test.ts.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KPI_KINDS, formatPath, issueText, parseKpi } from '../../src/index.js';
import {
  HAS_SHARED_FIXTURES,
  PROJECT_FIXTURES,
  SHARED_FIXTURES,
  fixtureNames,
  loadFixture,
  issueTexts as texts,
  withValue,
} from './fixtures.js';

type Json = Record<string, unknown>;

describe('fixtures', () => {
  it('are all present', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(10);
  });
  for (const name of fixtureNames()) {
    it(`${name} parses as its kind`, () => {
      const doc = loadFixture(name);
      const result = parseKpi(doc);
      expect(result.issues.map(issueText)).toEqual([]);
      expect(result.ok).toBe(true);
    });
  }
  it.runIf(HAS_SHARED_FIXTURES)("the project's copies are identical to ../shared/fixtures", () => {
    for (const name of fixtureNames()) {
      if (!existsSync(path.join(SHARED_FIXTURES, name))) continue;
      const a = readFileSync(path.join(SHARED_FIXTURES, name), 'utf8');
      const b = readFileSync(path.join(PROJECT_FIXTURES, name), 'utf8');
      expect(b, name).toBe(a);
    }
  });
  it('covers every kind', () => {
    const kinds = new Set(fixtureNames().map((n) => loadFixture(n)['kind']));
    for (const k of KPI_KINDS) expect(kinds.has(k), k).toBe(true);
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['steps', 3, 'count'], 'steps[3].count'],
    [['regions', 0, 'values', 'first_response', 'p50'], 'regions[0].values.first_response.p50'],
    [['values', 'first-response'], 'values["first-response"]'],
    [['channels', 2, 'values', 'a:b'], 'channels[2].values["a:b"]'],
  ] as const)('%j → %s', (p, text) => {
    expect(formatPath(p as unknown as PropertyKey[])).toBe(text);
  });
});

describe('parseKpi messages', () => {
  const funnel = loadFixture('funnel.fulfilment.json');

  it('names the path and the value for a negative count', () => {
    expect(texts(withValue(funnel, ['steps', 3, 'count'], -4))).toContain(
      'steps[3].count: expected a non-negative integer, got -4',
    );
  });
  it('rejects non-integer counts', () => {
    expect(texts(withValue(funnel, ['steps', 1, 'count'], 2.5))).toEqual([
      'steps[1].count: expected a non-negative integer, got 2.5',
    ]);
  });
  it.each([NaN, Infinity, -Infinity])('rejects %s smuggled in as a number', (bad) => {
    const t = texts(withValue(funnel, ['steps', 0, 'count'], bad));
    expect(t.length).toBe(1);
    expect(t[0]).toMatch(/^steps\[0\]\.count: expected a non-negative integer, got (NaN|-?Infinity)$/);
  });
  it('rejects absurd magnitudes', () => {
    expect(texts(withValue(funnel, ['steps', 0, 'value'], 1e300))[0]).toMatch(
      /^steps\[0\]\.value: expected an amount of at most/,
    );
    expect(texts(withValue(funnel, ['steps', 0, 'count'], 1e16))[0]).toMatch(
      /^steps\[0\]\.count: expected a non-negative integer/,
    );
  });
  it('accepts counts near 1e12', () => {
    expect(parseKpi(withValue(funnel, ['steps', 0, 'count'], 999_999_999_999)).ok).toBe(true);
  });
  it('normalises -0 to 0', () => {
    const r = parseKpi(withValue(funnel, ['steps', 1, 'count'], -0), 'funnel');
    expect(r.ok).toBe(true);
    expect(Object.is(r.doc?.steps[1]?.count, 0)).toBe(true);
    // The same when zod, not the fast path, reads the document (a present undefined makes the fast path give up).
    const odd = { ...withValue(funnel, ['steps', 1, 'count'], -0), subtitle: undefined };
    const z = parseKpi(odd, 'funnel');
    expect(z.ok).toBe(true);
    expect(Object.is(z.doc?.steps[1]?.count, 0)).toBe(true);
    expect('subtitle' in (z.doc ?? {})).toBe(false);
  });
  it('gives a newer version its own message', () => {
    expect(texts(withValue(funnel, ['version'], 2))).toEqual([
      'version: this document is version 2 of the contract, ' +
        'but this kpi-kit reads version 1; upgrade kpi-kit to show it',
    ]);
  });
  it('rejects version 0 and text versions', () => {
    expect(texts(withValue(funnel, ['version'], 0))).toEqual(['version: expected version 1, got 0']);
    expect(texts(withValue(funnel, ['version'], '1'))).toEqual(['version: expected version 1, got the string "1"']);
  });
  it('rejects a document of another kind', () => {
    expect(texts(loadFixture('cohort.monthly-customers.json'), 'funnel')).toEqual([
      'kind: expected "funnel" (this widget shows funnel documents), got the string "cohort"',
    ]);
  });
  it('rejects an unknown kind', () => {
    expect(texts({ kind: 'pie', version: 1 })[0]).toMatch(/^kind: expected one of "funnel", "checkout-friction"/);
  });
  it.each([null, 42, 'nope', [1, 2], true])('rejects a non-object document %j', (bad) => {
    const t = texts(bad, 'funnel');
    expect(t.length).toBe(1);
    expect(t[0]).toMatch(/^\(root\): expected/);
  });
  it('accepts JSON text', () => {
    expect(parseKpi(JSON.stringify(funnel), 'funnel').ok).toBe(true);
  });
  it('ignores unknown keys (forward compatible) and strips them', () => {
    const r = parseKpi({ ...funnel, newField: { deep: 1 } }, 'funnel');
    expect(r.ok).toBe(true);
    expect(r.doc && 'newField' in r.doc).toBe(false);
  });
  it("takes a document's own insights (what insights() gives, with lang) and names each bad field", () => {
    for (const kind of KPI_KINDS) {
      const doc = loadFixture(fixtureNames().find((n) => loadFixture(n)['kind'] === kind)!);
      const own = [
        { id: 'a.b', type: 'level', importance: 1, text: 'Uma frase.', facts: {}, marks: ['x'], lang: 'pt-BR' },
      ];
      const r = parseKpi({ ...doc, insights: own }, kind);
      expect(r.ok, kind).toBe(true);
      expect((r.doc as { insights?: unknown }).insights).toEqual([
        { id: 'a.b', text: 'Uma frase.', marks: ['x'], lang: 'pt-BR' },
      ]);
    }
    const bad = [{ id: 'a', text: 'x'.repeat(1001) }, { id: 'b', text: 3, marks: ['not an id!'] }, { text: 'no id' }];
    expect(texts({ ...funnel, insights: bad })).toEqual([
      expect.stringMatching(/^insights\[0\]\.text: expected a text of at most 1000 characters/),
      'insights[1].text: expected a text of at most 1000 characters, got 3',
      expect.stringMatching(/^insights\[1\]\.marks\[0\]: expected an id/),
      expect.stringMatching(/^insights\[2\]\.id: expected an id/),
    ]);
  });
  it('reports duplicate ids at the second one', () => {
    const doc = withValue(funnel, ['steps', 2, 'id'], 'purchased');
    expect(texts(doc)).toContain('steps[2].id: expected a unique id, got "purchased" again');
  });
  it('rejects __proto__ as an id and does not pollute prototypes', () => {
    const doc = JSON.parse(JSON.stringify(funnel).replace('"purchased"', '"__proto__"')) as Json;
    expect(texts(doc).some((t) => t.startsWith('steps[0].id: expected an id, got the reserved name'))).toBe(true);
    expect(({} as Record<string, unknown>)['count']).toBeUndefined();
  });
  it('rejects labels over 200 characters', () => {
    expect(texts(withValue(funnel, ['steps', 0, 'label'], 'x'.repeat(201)))).toEqual([
      'steps[0].label: expected a text of at most 200 characters, ' +
        'got the string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"',
    ]);
  });
  it('rejects impossible dates and reversed periods', () => {
    expect(texts(withValue(funnel, ['period', 'from'], '2018-02-30'))).toEqual([
      'period.from: expected a real calendar date, got the string "2018-02-30"',
    ]);
    expect(texts(withValue(funnel, ['period'], { from: '2026-10-31', to: '2026-10-01' }))).toEqual([
      'period.to: expected "from" on or before "to"',
    ]);
    expect(texts(withValue(funnel, ['generatedAt'], '2026-11-27 12:00'))[0]).toMatch(
      /^generatedAt: expected an ISO 8601 date-time/,
    );
  });
  it('one problem per root cause: a bad "from" is not blamed on "to" as well', () => {
    expect(texts(withValue(funnel, ['period'], { from: '2026-13-45', to: '2026-10-01' }))).toEqual([
      'period.from: expected a real calendar date, got the string "2026-13-45"',
    ]);
    expect(texts(withValue(funnel, ['period'], { from: '2026-10-01', to: '2026-02-30' }))).toEqual([
      'period.to: expected a real calendar date, got the string "2026-02-30"',
    ]);
  });

  it.each([
    ['funnel.fulfilment.json', ['steps'], [], 'steps: expected an array of at least 2 steps, got an array of 0'],
    ['funnel.leads.json', ['steps'], [], 'steps: expected an array of at least 2 steps, got an array of 0'],
    [
      'channels.omnichannel.modelled.json',
      ['metrics'],
      [],
      'metrics: expected an array of at least 1 metrics, got an array of 0',
    ],
    [
      'checkout-friction.modelled.json',
      ['steps', 0, 'entered'],
      -1,
      'steps[0].entered: expected a non-negative integer, got -1',
    ],
    [
      'regional-sla.states.json',
      ['regions', 0, 'values', 'delivery', 'total'],
      -3,
      'regions[0].values.delivery.total: expected a non-negative integer, got -3',
    ],
    [
      'regional-sla.states.json',
      ['regions', 0, 'values', 'delivery', 'p90'],
      -1,
      'regions[0].values.delivery.p90: expected a non-negative number, got -1',
    ],
  ] as const)('%s with %j = %j: one problem, not the ones that follow from it', (name, p, value, only) => {
    expect(texts(withValue(loadFixture(name), [...p], value))).toEqual([only]);
  });

  it.each(['BRL', 'USD', 'EUR', 'ARS', 'JPY'])('accepts the ISO 4217 code %s', (code) => {
    expect(texts(withValue(funnel, ['currency'], code))).toEqual([]);
  });

  it.each(['XYZ', 'usd', 'BR', 'R$', 'BRLX', ''])('rejects %j as a currency, with one problem', (code) => {
    expect(texts(withValue(funnel, ['currency'], code))).toEqual([
      `currency: expected an ISO 4217 currency code such as "BRL", got the string ${JSON.stringify(code)}`,
    ]);
  });

  it('requires a currency when money is present', () => {
    expect(texts(withValue(funnel, ['currency'], undefined))).toEqual([
      'currency: expected an ISO 4217 currency code because steps carry ' +
        'a money "value", got nothing (the field is missing)',
    ]);
  });
  it('rejects comparison and segment steps that are not in steps', () => {
    expect(texts(withValue(funnel, ['comparison', 'steps', 0, 'id'], 'ghost'))).toContain(
      'comparison.steps[0].id: expected the id of a step in "steps", got "ghost"',
    );
  });
  it('never throws, even on hostile input', () => {
    let deep: unknown = {};
    for (let i = 0; i < 20000; i++) deep = { steps: deep };
    expect(() => parseKpi(deep, 'funnel')).not.toThrow();
    expect(parseKpi({ kind: 'funnel', version: 1, steps: 'x'.repeat(10_000_000) }).ok).toBe(false);
    const getter = {
      kind: 'funnel',
      version: 1,
      get steps(): never {
        throw new Error('boom');
      },
    };
    expect(parseKpi(getter).ok).toBe(false);
  });
});
