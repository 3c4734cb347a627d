import { describe, expect, it } from 'vitest';
import { computeCheckout, frictionMap } from '../../../src/compute/checkout-friction.js';
import {
  TOP_CAUSES,
  causesView,
  cellDetail,
  checkoutView,
  mapView,
  selectedBreakdown,
} from '../../../src/view/checkout-friction.js';
import { checkoutStrings } from '../../../src/i18n/en/checkout-friction.js';
import type { CheckoutFrictionDoc } from '../../../src/index.js';
import { loadFixture } from '../fixtures.js';
import { assertCleanView, inLocale } from './helpers.js';

const en = inLocale(checkoutStrings, 'en-US');
const pt = inLocale(checkoutStrings, 'pt-BR');
const real = loadFixture('checkout-friction.modelled.json') as unknown as CheckoutFrictionDoc;

describe('selectedBreakdown parses `dimension:value`', () => {
  const whole = computeCheckout(real);
  const b = real.breakdowns![0]!;
  const v = b.values[0]!;
  it.each([
    ['', null],
    ['nonsense', null],
    [`${b.dimension}:missing`, null],
    [`missing:${v.id}`, null],
    [':', null],
  ])('%j → none', (key, want) => expect(selectedBreakdown(real, key, whole)).toBe(want));
  it('a real value: its label and its own flow', () => {
    const r = selectedBreakdown(real, `${b.dimension}:${v.id}`, whole)!;
    expect(r.label).toBe(`${b.label}: ${v.label}`);
    expect(r.steps).toHaveLength(whole.steps.length);
  });
});

describe('checkoutView', () => {
  const whole = computeCheckout(real);
  it('all shoppers: two tiles, one flow step per step, over-counting said, a table row per step', () => {
    const v = checkoutView(real, whole, null, en);
    expect(v.tiles.map((k) => k.label)).toEqual(['Checkout abandonment', 'Revenue at risk']);
    expect(v.flow).toHaveLength(real.steps.length);
    expect(v.flow.filter((s) => s.top)).toHaveLength(1);
    expect(v.flow.every((s) => s.data && s.data.delta === null)).toBe(true);
    expect(v.table.rows).toHaveLength(real.steps.length);
    assertCleanView(v);
  });
  it('a breakdown: labels say which, deltas against all shoppers are toned (more abandonment is worse)', () => {
    const b = real.breakdowns![0]!;
    for (const value of b.values) {
      const v = checkoutView(real, whole, selectedBreakdown(real, `${b.dimension}:${value.id}`, whole), pt);
      expect(v.tiles[0]!.label).toContain(value.label);
      for (const s of v.flow) {
        if (!s.data?.delta) continue;
        const points = Number.parseFloat(s.data.delta.text.replace(',', '.').replace('−', '-'));
        expect(s.data.delta.tone).toBe(points > 0 ? 'worse' : points < 0 ? 'better' : 'neutral');
      }
      assertCleanView(v);
    }
  });
  it('a step the breakdown lacks is "no data", not zero', () => {
    const doc = structuredClone(real);
    const value = doc.breakdowns![0]!.values[0]!;
    value.steps = value.steps.slice(0, 1);
    const v = checkoutView(
      doc,
      computeCheckout(doc),
      selectedBreakdown(doc, `${doc.breakdowns![0]!.dimension}:${value.id}`, computeCheckout(doc)),
      en,
    );
    expect(v.flow[0]!.data).not.toBeNull();
    expect(v.flow.slice(1).every((s) => s.data === null)).toBe(true);
  });
  it('one shopper who started: singular', () => {
    const doc: CheckoutFrictionDoc = {
      kind: 'checkout-friction',
      version: 1,
      currency: 'BRL',
      steps: [{ id: 'cart', label: 'Cart', entered: 1, exited: 1 }],
    } as CheckoutFrictionDoc;
    expect(checkoutView(doc, computeCheckout(doc), null, en).tiles[0]!.sub).toBe('0 of 1 shopper completed');
    expect(checkoutView(doc, computeCheckout(doc), null, pt).tiles[0]!.sub).toBe('0 de 1 comprador concluiu');
  });
});

describe('map, detail and causes', () => {
  const whole = computeCheckout(real);
  const map = frictionMap(real);
  it('category names by an explicit map, empty cells null, shades in 0–1', () => {
    const v = mapView(real, map, pt);
    expect(v.head.slice(0, 3)).toEqual(['Etapa', 'Preço', 'Pagamento']);
    const shades = v.rows
      .flatMap((r) => r.cells)
      .filter((c) => c !== null)
      .map((c) => c!.shade);
    expect(Math.max(...shades)).toBe(1);
    expect(Math.min(...shades)).toBeGreaterThan(0);
    assertCleanView(v.rows.map((r) => r.cells.filter(Boolean)));
  });
  it('the detail of a cell lists its frictions', () => {
    const cell = map.cells.flat().find((c) => c !== null)!;
    const d = cellDetail(real, cell, en);
    expect(d.title).toMatch(/ · /);
    expect(d.frictions).toHaveLength(cell.frictions.length);
  });
  it('causes: at most eight, the first bar full, revenue or count in the sub line', () => {
    for (const by of ['count', 'revenue'] as const) {
      const c = causesView(real, whole, by, en);
      expect(c.length).toBeLessThanOrEqual(TOP_CAUSES);
      expect(c[0]!.bar).toBe(100);
      expect(c.every((x) => x.bar >= 0 && x.bar <= 100)).toBe(true);
      if (by === 'revenue') expect(c[0]!.sub).toMatch(/reports?$/);
      // Each figure is said with what it counts: the ranked one (spoken) and the one in the sub line.
      if (by === 'revenue') expect(c[0]!.spoken).toBe(`Revenue at risk: ${c[0]!.value}`);
      else {
        expect(c[0]!.spoken).toBe(`${c[0]!.value} reports`);
        expect(c[0]!.sub).toMatch(/ · Revenue at risk: R\$[\d.]+K$/);
      }
      assertCleanView(c);
    }
  });
});

describe('over-counted reports', () => {
  it('say how many exits, singular for one', () => {
    const doc = {
      kind: 'checkout-friction',
      version: 1,
      currency: 'BRL',
      steps: [
        {
          id: 'cart',
          label: 'Cart',
          entered: 5,
          exited: 1,
          frictions: [{ id: 'a', label: 'A', category: 'price', count: 3 }],
        },
      ],
    } as CheckoutFrictionDoc;
    const flow = checkoutView(doc, computeCheckout(doc), null, en).flow[0]!;
    expect(flow.over).toBe('3 friction reports for 1 exit: shoppers can hit several.');
    expect(checkoutView(doc, computeCheckout(doc), null, pt).flow[0]!.over).toBe(
      '3 relatos de atrito para 1 saída: um comprador pode ter vários.',
    );
  });
});
