import { describe, expect, it } from 'vitest';
import {
  alignSteps,
  changeTone,
  computeComparison,
  computeFunnel,
  computeSegments,
  computeSteps,
  conversion,
  funnelIsEmpty,
} from '../../src/compute/funnel.js';
import { argMax, ratio, relativeChange, sumKnown } from '../../src/compute/common.js';
import { barScale } from '../../src/layout/funnel.js';
import { parseKpi, type FunnelDoc } from '../../src/index.js';
import { loadFixture } from './fixtures.js';

const step = (id: string, count: number | null, extra: Record<string, number> = {}) => ({
  id,
  label: id.toUpperCase(),
  count,
  ...extra,
});

/** Every number a model exposes must be finite or null. */
function assertNoBadNumbers(value: unknown, path = 'model'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => assertNoBadNumbers(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertNoBadNumbers(v, `${path}.${k}`);
}

describe('common helpers', () => {
  it.each([
    [1, 2, 0.5],
    [0, 5, 0],
    [5, 0, null],
    [null, 5, null],
    [5, null, null],
    [1e15, 1e-300, null],
  ])('ratio(%s, %s) = %s', (a, b, r) => expect(ratio(a, b)).toBe(r));
  it.each([
    [110, 100, 0.1],
    [0, 100, -1],
    [5, 0, null],
    [null, 1, null],
  ])('relativeChange(%s, %s) = %s', (a, b, r) => {
    const v = relativeChange(a, b);
    if (r === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(r, 10);
  });
  it.each([
    [[0.1, 0.5, 0.5], 1],
    [[null, null], null],
    [[0, 0], null],
    [[], null],
    [[0.2], 0],
  ] as const)('argMax(%j) = %s', (vals, i) => expect(argMax(vals as unknown as (number | null)[])).toBe(i));
  it.each([
    [[1, null, 2], 3],
    [[null, undefined], null],
    [[], null],
    [[0], 0],
  ] as const)('sumKnown(%j) = %s', (vals, s) => {
    expect(sumKnown(vals as unknown as number[])).toBe(s);
  });
});

describe('computeSteps: conversion both ways, drop-off, largest drop', () => {
  const cases: {
    name: string;
    steps: ReturnType<typeof step>[];
    ofFirst: (number | null)[];
    ofPrevious: (number | null)[];
    drop: (number | null)[];
    rise: (number | null)[];
    largest: number | null;
    overall: number | null;
  }[] = [
    {
      name: 'a classic funnel',
      steps: [step('a', 1000), step('b', 500), step('c', 100), step('d', 50)],
      ofFirst: [1, 0.5, 0.1, 0.05],
      ofPrevious: [null, 0.5, 0.2, 0.5],
      drop: [null, 500, 400, 50],
      rise: [null, 0, 0, 0],
      largest: 2,
      overall: 0.05,
    },
    {
      name: 'counts that rise (open funnel): no negative drop',
      steps: [step('a', 100), step('b', 150), step('c', 75)],
      ofFirst: [1, 1.5, 0.75],
      ofPrevious: [null, 1.5, 0.5],
      drop: [null, 0, 75],
      rise: [null, 50, 0],
      largest: 2,
      overall: 0.75,
    },
    {
      name: 'zero first step: no conversion, no division by zero',
      steps: [step('a', 0), step('b', 0)],
      ofFirst: [null, null],
      ofPrevious: [null, null],
      drop: [null, 0],
      rise: [null, 0],
      largest: null,
      overall: null,
    },
    {
      name: 'a zero in the middle',
      steps: [step('a', 10), step('b', 0), step('c', 0)],
      ofFirst: [1, 0, 0],
      ofPrevious: [null, 0, null],
      drop: [null, 10, 0],
      rise: [null, 0, 0],
      largest: 1,
      overall: 0,
    },
    {
      name: 'an unknown (null) step',
      steps: [step('a', 10), step('b', null), step('c', 5)],
      ofFirst: [1, null, 0.5],
      ofPrevious: [null, null, null],
      drop: [null, null, null],
      rise: [null, null, null],
      largest: null,
      overall: 0.5,
    },
    {
      name: 'huge values near 1e12',
      steps: [step('a', 999_999_999_999), step('b', 1)],
      ofFirst: [1, 1 / 999_999_999_999],
      ofPrevious: [null, 1 / 999_999_999_999],
      drop: [null, 999_999_999_998],
      rise: [null, 0],
      largest: 1,
      overall: 1 / 999_999_999_999,
    },
    {
      name: 'ties: the first largest drop wins',
      steps: [step('a', 100), step('b', 50), step('c', 25)],
      ofFirst: [1, 0.5, 0.25],
      ofPrevious: [null, 0.5, 0.5],
      drop: [null, 50, 25],
      rise: [null, 0, 0],
      largest: 1,
      overall: 0.25,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = computeSteps(c.steps);
      expect(m.steps.map((s) => s.ofFirst)).toEqual(c.ofFirst);
      expect(m.steps.map((s) => s.ofPrevious)).toEqual(c.ofPrevious);
      expect(m.steps.map((s) => s.dropCount)).toEqual(c.drop);
      expect(m.steps.map((s) => s.riseCount)).toEqual(c.rise);
      expect(m.largestDropIndex).toBe(c.largest);
      expect(m.steps.filter((s) => s.isLargestDrop).map((s) => s.index)).toEqual(c.largest === null ? [] : [c.largest]);
      expect(m.overall).toBe(c.overall);
      assertNoBadNumbers(m);
    });
  }
  it('drop rate is drop ÷ previous', () => {
    const m = computeSteps([step('a', 200), step('b', 50)]);
    expect(m.steps[1]!.dropRate).toBe(0.75);
  });
  it('the first step has no time from previous even if given', () => {
    const m = computeSteps([
      step('a', 2, { medianSecondsFromPrevious: 9 }),
      step('b', 1, { medianSecondsFromPrevious: 30 }),
    ]);
    expect(m.steps.map((s) => s.medianSecondsFromPrevious)).toEqual([null, 30]);
    expect(m.hasTimes).toBe(true);
  });
});

describe('headline', () => {
  it('overall conversion and revenue from the last step', () => {
    const m = computeSteps([step('a', 8000), step('b', 842, { value: 61784006 })]);
    expect(m.overall).toBeCloseTo(0.10525, 10);
    expect(m.revenue).toBe(61784006);
    expect(m.hasValues).toBe(true);
  });
  it('no revenue when the last step has no value', () => {
    expect(computeSteps([step('a', 2, { value: 10 }), step('b', 1)]).revenue).toBeNull();
  });
  it('the fulfilment fixture', () => {
    const doc = parseKpi(loadFixture('funnel.fulfilment.json'), 'funnel').doc!;
    const m = computeFunnel(doc);
    expect(m.overall).toBeCloseTo(6504 / 8663, 12);
    expect(m.largestDropIndex).toBe(4);
    expect(m.maxCount).toBe(8663);
  });
});

describe('comparison deltas', () => {
  const doc = {
    kind: 'funnel',
    version: 1,
    steps: [step('a', 1000), step('b', 300), step('c', 60)],
    comparison: {
      label: 'Before',
      steps: [
        { id: 'a', count: 2000 },
        { id: 'c', count: 100 },
      ],
    },
  } as unknown as FunnelDoc;
  const now = computeFunnel(doc);
  const cmp = computeComparison(doc, now)!;
  it('aligns by id, a missing step is no data', () => {
    expect(cmp.steps.map((s) => s.count)).toEqual([2000, null, 100]);
  });
  it('count change and conversion deltas', () => {
    expect(cmp.steps[0]!.countChange).toBe(-0.5);
    expect(cmp.steps[1]!.countChange).toBeNull();
    expect(cmp.steps[2]!.ofFirstDelta).toBeCloseTo(0.06 - 0.05, 12);
    expect(cmp.overallDelta).toBeCloseTo(0.01, 12);
    expect(cmp.steps[2]!.ofPreviousDelta).toBeNull();
  });
  it('maxCount includes the comparison for a shared scale', () => {
    expect(now.maxCount).toBe(2000);
  });
  it('no comparison → null', () => {
    expect(computeComparison({ ...doc, comparison: undefined }, now)).toBeNull();
  });
  it.each([
    [0.01, 'better'],
    [-0.01, 'worse'],
    [0, 'neutral'],
    [null, 'neutral'],
  ] as const)('tone(%s) = %s', (d, t) => {
    expect(changeTone(d)).toBe(t);
  });
});

describe('segments', () => {
  it('align by id in the document order, missing steps are null', () => {
    const doc = {
      kind: 'funnel',
      version: 1,
      steps: [step('a', 10), step('b', 5)],
      segments: [
        {
          id: 's1',
          label: 'S1',
          steps: [
            { id: 'b', count: 2 },
            { id: 'a', count: 4 },
          ],
        },
        { id: 's2', label: 'S2', steps: [{ id: 'a', count: 6 }] },
      ],
    } as unknown as FunnelDoc;
    const segs = computeSegments(doc);
    expect(segs.map((s) => s.model.steps.map((x) => x.count))).toEqual([
      [4, 2],
      [6, null],
    ]);
    expect(segs[1]!.model.overall).toBeNull();
    expect(alignSteps(doc, [])).toEqual([
      { id: 'a', label: 'A', count: null, value: undefined, medianSecondsFromPrevious: undefined },
      { id: 'b', label: 'B', count: null, value: undefined, medianSecondsFromPrevious: undefined },
    ]);
  });
  it('every fixture segment model is free of NaN', () => {
    for (const name of ['funnel.fulfilment.json', 'funnel.leads.json']) {
      const doc = parseKpi(loadFixture(name), 'funnel').doc!;
      assertNoBadNumbers(computeSegments(doc));
    }
  });
});

describe('conversion base and emptiness', () => {
  const m = computeSteps([step('a', 100), step('b', 40)]);
  it('first step shows 100% in either base', () => {
    expect(conversion(m.steps[0]!, 'first')).toBe(1);
    expect(conversion(m.steps[0]!, 'previous')).toBe(1);
    expect(conversion(m.steps[1]!, 'previous')).toBe(0.4);
  });
  it.each([
    [[null, null], true],
    [[0, null], false],
    [[0, 0], false],
  ] as const)('counts %j → empty %s', (counts, empty) => {
    expect(funnelIsEmpty({ steps: counts.map((c, i) => step(`s${i}`, c)) })).toBe(empty);
  });
});

describe('bar scale', () => {
  it.each([
    ['linear', 1000, 1000, 100],
    ['linear', 1000, 500, 50],
    ['linear', 1000, 0, 0],
    ['linear', 1000, null, 0],
    ['linear', 0, 0, 0],
    ['log', 100000, 100000, 100],
    ['log', 100000, 0, 0],
  ] as const)('%s max %d: %s → %d%%', (scale, max, count, pct) => {
    expect(barScale(max, scale)(count)).toBe(pct);
  });
  it('log keeps a step 10,000× smaller visible', () => {
    const pct = barScale(1_000_000, 'log')(100);
    expect(pct).toBeGreaterThan(25);
    expect(barScale(1_000_000, 'linear')(100)).toBeLessThan(0.02);
  });
});
