import { describe, expect, it } from 'vitest';
import {
  checkoutIsEmpty,
  computeBreakdown,
  computeCheckout,
  computeFlow,
  frictionMap,
  rankCauses,
  revenueAtRisk,
} from '../../src/compute/checkout-friction.js';
import { parseKpi, type CheckoutFrictionDoc } from '../../src/index.js';
import { loadFixture } from './fixtures.js';

const fixture = () => parseKpi(loadFixture('checkout-friction.modelled.json'), 'checkout-friction').doc!;
const doc = (over: Partial<CheckoutFrictionDoc> = {}): CheckoutFrictionDoc => ({
  kind: 'checkout-friction',
  version: 1,
  currency: 'BRL',
  averageOrderValue: 100,
  steps: [
    {
      id: 'cart',
      label: 'Cart',
      entered: 1000,
      exited: 400,
      frictions: [
        { id: 'ship', label: 'Shipping', category: 'price', count: 300 },
        { id: 'coupon', label: 'Coupon', category: 'form', count: 200 },
      ],
    },
    {
      id: 'pay',
      label: 'Payment',
      entered: 600,
      exited: 100,
      revenueLost: 50000,
      frictions: [{ id: 'declined', label: 'Declined', category: 'payment', count: 60 }],
    },
  ],
  ...over,
});

describe('revenue at risk', () => {
  it.each([
    [10, undefined, 50, 500],
    [10, 77, 50, 77],
    [10, undefined, undefined, null],
    [0, undefined, 50, 0],
    [10, 0, 50, 0],
  ] as const)('exited %d, revenueLost %s, AOV %s → %s', (e, lost, aov, out) => {
    expect(revenueAtRisk(e, lost as number | undefined, aov as number | undefined)).toBe(out);
  });
});

describe('flow', () => {
  const m = computeCheckout(doc());
  it('rates, continued, revenue at risk with and without revenueLost', () => {
    expect(m.steps.map((s) => s.abandonment)).toEqual([0.4, 100 / 600]);
    expect(m.steps.map((s) => s.continued)).toEqual([600, 500]);
    expect(m.steps.map((s) => s.revenueAtRisk)).toEqual([40000, 50000]);
    expect(m.steps.map((s) => s.revenueGiven)).toEqual([false, true]);
  });
  it('the step that loses the most revenue', () => {
    expect(m.topLossIndex).toBe(1);
    expect(m.steps[1]!.isTopLoss).toBe(true);
  });
  it('overall abandonment and total revenue at risk', () => {
    expect(m.started).toBe(1000);
    expect(m.completed).toBe(500);
    expect(m.abandonment).toBe(0.5);
    expect(m.revenueAtRisk).toBe(90000);
  });
  it('over-counted frictions are flagged, not hidden', () => {
    expect(m.steps[0]!.frictionObservations).toBe(500);
    expect(m.steps[0]!.overCounted).toBe(true);
    expect(m.steps[1]!.overCounted).toBe(false);
  });
  it('zeros: nobody entered', () => {
    const z = computeFlow([{ id: 'a', label: 'A', entered: 0, exited: 0 }], 10);
    expect(z.steps[0]!.abandonment).toBeNull();
    expect(z.abandonment).toBeNull();
    expect(z.revenueAtRisk).toBe(0);
    expect(z.topLossIndex).toBeNull();
  });
  it('no average order value and no revenueLost: revenue unknown', () => {
    const n = computeFlow([{ id: 'a', label: 'A', entered: 10, exited: 5 }], undefined);
    expect(n.revenueAtRisk).toBeNull();
  });
  it('no steps', () => {
    const e = computeFlow([], 10);
    expect(e.started).toBeNull();
    expect(e.abandonment).toBeNull();
    expect(checkoutIsEmpty({ steps: [] })).toBe(true);
  });
  it('huge values stay finite', () => {
    const h = computeFlow([{ id: 'a', label: 'A', entered: 1e12, exited: 9e11 }], 1e3);
    expect(h.revenueAtRisk).toBe(9e14);
  });
});

describe('friction map', () => {
  it('steps × categories; empty cells are null, not zero', () => {
    const fm = frictionMap(doc());
    expect(fm.categories).toEqual(['price', 'payment', 'form', 'account', 'delivery', 'trust', 'technical', 'other']);
    expect(fm.cells[0]![0]!.count).toBe(300);
    expect(fm.cells[0]![1]).toBeNull();
    expect(fm.cells[1]![1]!.frictions).toEqual([{ id: 'declined', label: 'Declined', count: 60 }]);
    expect(fm.max).toBe(300);
  });
  it('sums several frictions of one category, largest first', () => {
    const d = doc();
    d.steps[0]!.frictions!.push({ id: 'total', label: 'Total unclear', category: 'price', count: 500 });
    const cell = frictionMap(d).cells[0]![0]!;
    expect(cell.count).toBe(800);
    expect(cell.frictions.map((f) => f.id)).toEqual(['total', 'ship']);
  });
});

describe('ranked causes', () => {
  it('by count', () => {
    const d = doc();
    expect(rankCauses(d, computeCheckout(d), 'count').map((c) => c.id)).toEqual(['ship', 'coupon', 'declined']);
  });
  it('by revenue: shares of the step revenue by count ÷ max(observations, exits)', () => {
    const d = doc();
    const r = rankCauses(d, computeCheckout(d), 'revenue');
    expect(r.map((c) => c.id)).toEqual(['declined', 'ship', 'coupon']);
    expect(r[0]!.revenueAtRisk).toBeCloseTo((50000 * 60) / 100, 9);
    expect(r[1]!.revenueAtRisk).toBeCloseTo((40000 * 300) / 500, 9);
    expect(r[0]!.stepLabel).toBe('Payment');
  });
  it('unknown revenue ranks last by revenue', () => {
    const d = doc({ averageOrderValue: undefined });
    d.steps[1]!.revenueLost = undefined;
    const r = rankCauses(d, computeCheckout(d), 'revenue');
    expect(r.every((c) => c.revenueAtRisk === null)).toBe(true);
  });
});

describe('breakdowns', () => {
  it('per value, with the abandonment delta against the whole; a missing step is no data', () => {
    const d = doc({
      breakdowns: [
        {
          dimension: 'device',
          label: 'Device',
          values: [{ id: 'mobile', label: 'Mobile', steps: [{ id: 'cart', entered: 500, exited: 300 }] }],
        },
      ],
    });
    const whole = computeCheckout(d);
    const b = computeBreakdown(d, 'device', 'mobile', whole)!;
    expect(b.steps[0]!.abandonment).toBe(0.6);
    expect(b.steps[0]!.abandonmentDelta).toBeCloseTo(0.2, 12);
    expect(b.steps[1]!.known).toBe(false);
    expect(b.steps[1]!.abandonmentDelta).toBeNull();
    expect(computeBreakdown(d, 'device', 'nope', whole)).toBeNull();
  });
  it('the fixture: mobile abandons more at payment than the whole', () => {
    const d = fixture();
    const whole = computeCheckout(d);
    const mobile = computeBreakdown(d, 'device', 'mobile', whole)!;
    expect(mobile.steps.every((s) => s.known)).toBe(true);
    expect(whole.topLossIndex).not.toBeNull();
    for (const s of mobile.steps) expect(s.abandonmentDelta === null || Number.isFinite(s.abandonmentDelta)).toBe(true);
  });
});
