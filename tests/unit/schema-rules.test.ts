// The contract's rules of each kind, every required field missing in turn, and defineKpi (a document written in
// code, typed by its kind).
import { describe, expect, it } from 'vitest';
import { defineKpi, formatPath, parseKpi, type KpiKind } from '../../src/index.js';
import { loadFixture, issueTexts as texts, withValue } from './fixtures.js';

describe('kind-specific rules', () => {
  it('checkout-friction: exited > entered is an error at exited', () => {
    const doc = loadFixture('checkout-friction.modelled.json');
    expect(texts(withValue(doc, ['steps', 1, 'exited'], 999999))).toEqual([
      'steps[1].exited: expected at most "entered" (11000), got 999999',
    ]);
  });
  it('checkout-friction: unknown category', () => {
    const doc = loadFixture('checkout-friction.modelled.json');
    expect(texts(withValue(doc, ['steps', 0, 'frictions', 0, 'category'], 'vibes'))[0]).toMatch(
      /^steps\[0\]\.frictions\[0\]\.category: expected one of "price", "payment"/,
    );
  });
  it('cohort: only trailing nulls', () => {
    const doc = loadFixture('cohort.monthly-customers.json');
    const t = texts(withValue(doc, ['cohorts', 0, 'values'], [239, null, 5]));
    expect(t).toEqual([
      'cohorts[0].values[2]: expected null here (period 1 is null, and only trailing periods may be null), got 5',
    ]);
  });
  it('cohort: revenue needs a currency; customers need integers', () => {
    expect(texts(withValue(loadFixture('cohort.monthly-revenue.json'), ['currency'], undefined))[0]).toMatch(
      /^currency: expected an ISO 4217/,
    );
    expect(texts(withValue(loadFixture('cohort.monthly-customers.json'), ['cohorts', 1, 'values', 1], 1.5))).toEqual([
      'cohorts[1].values[1]: expected a non-negative integer count of customers, got 1.5',
    ]);
  });
  it('regional-sla: withinTarget <= total and p50 <= p90', () => {
    const doc = loadFixture('regional-sla.states.json');
    expect(texts(withValue(doc, ['regions', 0, 'values', 'delivery', 'withinTarget'], 20000))).toEqual([
      'regions[0].values.delivery.withinTarget: expected at most "total" (11945), got 20000',
    ]);
    expect(texts(withValue(doc, ['regions', 0, 'values', 'delivery', 'p50'], 99))).toEqual([
      'regions[0].values.delivery.p50: expected at most "p90" (15.87), got 99',
    ]);
  });
  it('regional-sla: a missing metric value object is allowed (no data)', () => {
    const doc = loadFixture('regional-sla.states.json');
    expect(parseKpi(withValue(doc, ['regions', 0, 'values', 'delivery'], undefined)).ok).toBe(true);
  });
  it('channels: overlaps name real channels; integer metrics are integers', () => {
    const doc = loadFixture('channels.omnichannel.modelled.json');
    expect(texts(withValue(doc, ['customers', 'overlaps', 0, 'channels', 0], 'nowhere'))).toEqual([
      'customers.overlaps[0].channels[0]: expected the id of a channel, got "nowhere"',
    ]);
    expect(texts(withValue(doc, ['channels', 0, 'values', 'orders'], -3))).toEqual([
      'channels[0].values.orders: expected a non-negative integer, got -3',
    ]);
  });
});

/** Every required field of every kind: missing or mistyped fails with that field's path. */
const REQUIRED: Record<string, { fixture: string; paths: (string | number)[][] }> = {
  funnel: {
    fixture: 'funnel.fulfilment.json',
    paths: [
      ['kind'],
      ['version'],
      ['steps'],
      ['steps', 0, 'id'],
      ['steps', 0, 'label'],
      ['steps', 0, 'count'],
      ['comparison', 'label'],
      ['comparison', 'steps'],
      ['comparison', 'steps', 0, 'id'],
      ['segments', 0, 'id'],
      ['segments', 0, 'label'],
      ['segments', 0, 'steps'],
    ],
  },
  'checkout-friction': {
    fixture: 'checkout-friction.modelled.json',
    paths: [
      ['kind'],
      ['version'],
      ['steps'],
      ['steps', 0, 'id'],
      ['steps', 0, 'label'],
      ['steps', 0, 'entered'],
      ['steps', 0, 'exited'],
      ['steps', 0, 'frictions', 0, 'id'],
      ['steps', 0, 'frictions', 0, 'label'],
      ['steps', 0, 'frictions', 0, 'category'],
      ['steps', 0, 'frictions', 0, 'count'],
      ['breakdowns', 0, 'dimension'],
      ['breakdowns', 0, 'label'],
      ['breakdowns', 0, 'values'],
      ['breakdowns', 0, 'values', 0, 'id'],
      ['breakdowns', 0, 'values', 0, 'steps', 0, 'entered'],
    ],
  },
  cohort: {
    fixture: 'cohort.monthly-customers.json',
    paths: [
      ['kind'],
      ['version'],
      ['measure'],
      ['periodUnit'],
      ['cohorts'],
      ['cohorts', 0, 'id'],
      ['cohorts', 0, 'label'],
      ['cohorts', 0, 'size'],
      ['cohorts', 0, 'values'],
    ],
  },
  'regional-sla': {
    fixture: 'regional-sla.states.json',
    paths: [
      ['kind'],
      ['version'],
      ['metrics'],
      ['metrics', 0, 'id'],
      ['metrics', 0, 'label'],
      ['metrics', 0, 'unit'],
      ['metrics', 0, 'target'],
      ['regions'],
      ['regions', 0, 'id'],
      ['regions', 0, 'label'],
      ['regions', 0, 'volume'],
      ['regions', 0, 'values'],
      ['regions', 0, 'values', 'delivery', 'p50'],
      ['regions', 0, 'values', 'delivery', 'p90'],
      ['regions', 0, 'values', 'delivery', 'withinTarget'],
      ['regions', 0, 'values', 'delivery', 'total'],
    ],
  },
  channels: {
    fixture: 'channels.omnichannel.modelled.json',
    paths: [
      ['kind'],
      ['version'],
      ['metrics'],
      ['metrics', 0, 'id'],
      ['metrics', 0, 'label'],
      ['metrics', 0, 'format'],
      ['channels'],
      ['channels', 0, 'id'],
      ['channels', 0, 'label'],
      ['channels', 0, 'values'],
      ['channels', 0, 'series', 0, 'date'],
      ['channels', 0, 'series', 0, 'values'],
      ['customers', 'unique'],
      ['customers', 'overlaps', 0, 'channels'],
      ['customers', 'overlaps', 0, 'customers'],
    ],
  },
};

describe('every required field', () => {
  for (const [kind, { fixture, paths }] of Object.entries(REQUIRED)) {
    const doc = loadFixture(fixture);
    for (const p of paths) {
      const pathText = formatPath(p);
      it(`${kind}: missing ${pathText} fails at that path`, () => {
        const r = parseKpi(withValue(doc, p, undefined), kind as KpiKind);
        expect(r.ok).toBe(false);
        expect(r.issues.map((i) => i.pathText)).toContain(pathText);
      });
      it(`${kind}: mistyped ${pathText} fails at that path`, () => {
        const r = parseKpi(withValue(doc, p, true), kind as KpiKind);
        expect(r.ok).toBe(false);
        expect(r.issues.map((i) => i.pathText)).toContain(pathText);
      });
    }
  }
});

describe('defineKpi: a document written in code, typed by its kind', () => {
  it('adds the kind and keeps everything else, and the result is a valid document', () => {
    const doc = defineKpi('funnel', {
      version: 1,
      steps: [
        { id: 'a', label: 'A', count: 2 },
        { id: 'b', label: 'B', count: 1 },
      ],
    });
    expect(doc).toEqual({
      kind: 'funnel',
      version: 1,
      steps: [
        { id: 'a', label: 'A', count: 2 },
        { id: 'b', label: 'B', count: 1 },
      ],
    });
    expect(parseKpi(doc, 'funnel').ok).toBe(true);
  });
  it('the kind given wins over a kind in the literal', () => {
    // @ts-expect-error: the literal's kind must be the kind given
    const doc = defineKpi('cohort', { kind: 'funnel', version: 1, period: 'month', measure: 'customers', cohorts: [] });
    expect(doc.kind).toBe('cohort');
  });
});
