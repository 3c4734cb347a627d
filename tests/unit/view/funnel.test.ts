import { describe, expect, it } from 'vitest';
import { computeComparison, computeFunnel, computeSegments } from '../../../src/compute/funnel.js';
import { compactView, funnelView, multiplesView, type FunnelOptions } from '../../../src/view/funnel.js';
import { funnelStrings } from '../../../src/i18n/en/funnel.js';
import type { FunnelDoc } from '../../../src/index.js';
import { loadFixture } from '../fixtures.js';
import { assertCleanView, inLocale } from './helpers.js';

const opts = (locale = 'en-US', extra: Partial<FunnelOptions> = {}): FunnelOptions => ({
  percentOf: 'first',
  scale: 'linear',
  ...inLocale(funnelStrings, locale),
  ...extra,
});
const doc = (steps: FunnelDoc['steps'], extra: Partial<FunnelDoc> = {}): FunnelDoc =>
  ({ kind: 'funnel', version: 1, steps, ...extra }) as FunnelDoc;
const view = (d: FunnelDoc, o = opts()) => {
  const total = computeFunnel(d);
  return funnelView(d, total, computeComparison(d, total), undefined, o);
};

describe('funnelView: the real fulfilment funnel', () => {
  const fixture = loadFixture('funnel.fulfilment.json') as unknown as FunnelDoc;
  it('summary, steps and drop lines in en-US', () => {
    const v = view(fixture);
    expect(v.summary.overallLabel).toBe('Overall conversion');
    expect(v.summary.overallSub).toMatch(/^from 8,663 to [\d,]+$/);
    expect(v.summary.delta?.vs).toBe(`vs ${fixture.comparison!.label}`);
    expect(v.steps[0]!.count).toBe('8,663');
    expect(v.steps[0]!.drop).toBeNull();
    expect(v.steps[1]!.drop!.change).toMatch(/^↓ [\d,]+ lost \([\d.]+%\)$/);
    expect(v.steps.filter((s) => s.largest)).toHaveLength(1);
    expect(v.table.head).toContain(fixture.comparison!.label);
    expect(v.table.rows).toHaveLength(fixture.steps.length);
    assertCleanView(v);
  });
  it('the percent base changes every step but the first, and the screen-reader base name', () => {
    const first = view(fixture);
    const prev = view(fixture, opts('en-US', { percentOf: 'previous' }));
    expect(prev.baseLong).toBe('% of previous step');
    expect(prev.steps[0]!.pct).toBe(first.steps[0]!.pct);
    expect(prev.steps[2]!.pct).not.toBe(first.steps[2]!.pct);
  });
  it('a segment has no comparison and keeps the total’s bar scale', () => {
    const total = computeFunnel(fixture);
    const seg = computeSegments(fixture)[0]!;
    const v = funnelView(fixture, total, computeComparison(fixture, total), seg, opts());
    expect(v.summary.delta).toBeNull();
    expect(v.summary.overallLabel).toBe(`Overall conversion · ${seg.label}`);
    expect(v.steps[0]!.bar!.pct).toBeLessThan(100);
    expect(v.steps.every((s) => s.delta === null && s.markerPct === null)).toBe(true);
  });
  it('pt-BR and es wording and digits', () => {
    const pt = view(fixture, opts('pt-BR'));
    expect(pt.steps[0]!.count).toBe('8.663');
    expect(pt.steps[1]!.drop!.change).toMatch(/perdidos/);
    expect(view(fixture, opts('es')).legend.map((l) => l.text)).toContain('Perdidos desde el paso anterior');
    assertCleanView(pt);
  });
  it('multiples and compact', () => {
    const total = computeFunnel(fixture);
    const m = multiplesView(fixture, total, computeSegments(fixture), opts());
    expect(m.segments).toHaveLength(fixture.segments!.length);
    expect(m.table.head.slice(0, 2)).toEqual(['Step', 'All (total)']);
    assertCleanView(m);
    const c = compactView(fixture, total, opts());
    expect(c.bars).toHaveLength(fixture.steps.length);
    assertCleanView(c);
  });
});

describe('funnelView: edge cases, table by table', () => {
  const cases: { name: string; d: FunnelDoc; check: (v: ReturnType<typeof view>) => void }[] = [
    {
      name: 'a single lost shopper is singular in pt-BR',
      d: doc([
        { id: 'a', label: 'A', count: 2 },
        { id: 'b', label: 'B', count: 1 },
      ]),
      check: () =>
        expect(
          view(
            doc([
              { id: 'a', label: 'A', count: 2 },
              { id: 'b', label: 'B', count: 1 },
            ]),
            opts('pt-BR'),
          ).steps[1]!.drop!.change,
        ).toBe('↓ 1 perdido (50%)'),
    },
    {
      name: 'zeros: no bars, conversion is a dash',
      d: doc([
        { id: 'a', label: 'A', count: 0 },
        { id: 'b', label: 'B', count: 0 },
      ]),
      check: (v) => {
        expect(v.steps.map((s) => s.bar)).toEqual([null, null]);
        expect(v.steps[1]!.pct).toBe('—');
      },
    },
    {
      name: 'nulls: no data, no drop',
      d: doc([
        { id: 'a', label: 'A', count: 10 },
        { id: 'b', label: 'B', count: null },
      ]),
      check: (v) => {
        expect(v.steps[1]!.count).toBeNull();
        expect(v.steps[1]!.drop!.change).toBe('no data');
        expect(v.table.rows[1]!.cells[0]).toBe('no data');
      },
    },
    {
      name: 'counts that rise: gained, never a negative loss',
      d: doc([
        { id: 'a', label: 'A', count: 10 },
        { id: 'b', label: 'B', count: 15 },
      ]),
      check: (v) => {
        expect(v.steps[1]!.drop).toEqual({ rise: true, change: '↑ 5 gained', time: null });
        expect(v.steps[1]!.lostPct).toBe(0);
      },
    },
    {
      name: 'huge values',
      d: doc(
        [
          { id: 'a', label: 'A', count: 1e12, value: 1e14 },
          { id: 'b', label: 'B', count: 1, value: 1 },
        ],
        { currency: 'BRL' },
      ),
      check: (v) => {
        expect(v.steps[0]!.count).toBe('1,000,000,000,000');
        expect(v.steps[1]!.bar!.tiny).toBe(true);
      },
    },
    {
      name: 'times between steps in the drop line and the tooltip',
      d: doc([
        { id: 'a', label: 'A', count: 10 },
        { id: 'b', label: 'B', count: 5, medianSecondsFromPrevious: 7200 },
      ]),
      check: (v) => {
        expect(v.steps[1]!.drop!.time).toBe('median 2 hr');
        expect(v.steps[1]!.tip.map(([k]) => k)).toContain('Median time from previous step');
        expect(v.table.head).toContain('Median time from previous step');
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const v = view(c.d);
      assertCleanView(v);
      c.check(v);
    });
  }
});
