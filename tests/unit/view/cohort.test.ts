import { describe, expect, it } from 'vitest';
import { computeCohort, skipsPeriodZero, type CohortMode } from '../../../src/compute/cohort.js';
import {
  cohortCurve,
  cohortHead,
  cohortLegend,
  cohortRow,
  cohortTip,
  cohortWindow,
  curveStart,
  formatCohortValue,
  highlightRules,
  isDrawn,
} from '../../../src/view/cohort.js';
import { cohortStrings } from '../../../src/i18n/en/cohort.js';
import type { CohortDoc } from '../../../src/index.js';
import { loadFixture } from '../fixtures.js';
import { assertCleanView, inLocale } from './helpers.js';

const en = inLocale(cohortStrings, 'en-US');
const pt = inLocale(cohortStrings, 'pt-BR');
const doc = (cohorts: CohortDoc['cohorts'], measure: CohortDoc['measure'] = 'customers'): CohortDoc =>
  ({ kind: 'cohort', version: 1, periodUnit: 'month', measure, currency: 'BRL', cohorts }) as CohortDoc;

describe('one rule for period 0', () => {
  it.each([
    ['percent', 1, false],
    ['percent', 2, true],
    ['churn', 5, true],
    ['count', 3, true],
    ['ltv', 5, false],
    ['revenue', 2, true],
  ] as [CohortMode, number, boolean][])('%s with %d periods skips period 0: %s', (mode, periods, skips) =>
    expect(skipsPeriodZero(mode, periods)).toBe(skips),
  );
  it('the legend note, the colour domain and the curve follow it', () => {
    const d = doc([{ id: 'a', label: 'A', size: 100, values: [100, 40, 20] }]);
    const m = computeCohort(d, 'percent');
    expect(cohortLegend(d, m, false, en)).toMatchObject({
      low: '0.0%',
      high: '40.0%',
      note: expect.stringContaining('Period 0') as string,
    });
    expect(curveStart(m)).toBe(1);
    const ltv = computeCohort(doc([{ id: 'a', label: 'A', size: 10, values: [100, 40, 20] }], 'revenue'), 'ltv');
    expect(
      cohortLegend(doc([{ id: 'a', label: 'A', size: 10, values: [100, 40, 20] }], 'revenue'), ltv, false, en).note,
    ).toBeNull();
    expect(curveStart(ltv)).toBe(0);
    expect(curveStart(computeCohort(doc([{ id: 'a', label: 'A', size: 10, values: [10, 5] }]), 'percent'))).toBe(0);
  });
});

describe('cell values by mode', () => {
  it.each([
    ['percent', 0.4567, '45.7%'],
    ['percent', 0.0004, '<0.1%'],
    ['churn', 0, '0.0%'],
    ['count', 12, '12'],
    ['count', 2.5, '2.5'],
    ['count', 250000, '250K'],
    ['revenue', 12.5, 'R$12.50'],
    ['revenue', 150, 'R$150'],
    ['ltv', 25000, 'R$25K'],
    ['percent', null, ''],
  ] as [CohortMode, number | null, string][])('%s %s → %s (a grid of that one value)', (mode, v, text) =>
    expect(
      formatCohortValue(
        { mode, rows: [{ id: 'a', label: 'A', size: 1, cells: [v] }], average: [v] },
        v,
        'BRL',
        'en-US',
      ),
    ).toBe(text),
  );
  it('one grid reads alike: cents for every cell or none, compact for every cell or none', () => {
    const grid = (cells: number[]) => ({
      mode: 'revenue' as const,
      rows: [{ id: 'a', label: 'A', size: 1, cells }],
      average: cells,
    });
    const mixed = grid([12.5, 150, 25000]);
    expect([12.5, 150, 25000].map((v) => formatCohortValue(mixed, v, 'BRL', 'en-US'))).toEqual([
      'R$13',
      'R$150',
      'R$25K',
    ]);
    const small = grid([12.5, 50, 0]);
    expect([12.5, 50, 0].map((v) => formatCohortValue(small, v, 'BRL', 'en-US'))).toEqual([
      'R$12.50',
      'R$50.00',
      'R$0.00',
    ]);
    const counts = grid([12, 250000]);
    expect(formatCohortValue({ ...counts, mode: 'count' }, 12, 'BRL', 'en-US')).toBe('12');
  });
});

describe('rows, tooltips and headers', () => {
  const d = doc([
    { id: 'a', label: 'Jan', size: 1, values: [1, 1, null] },
    { id: 'z', label: 'Feb', size: 0, values: [0] },
  ]);
  const m = computeCohort(d, 'percent');
  it('not yet versus not defined', () => {
    expect(cohortRow(d, m, 0, en).cells.map((c) => c.missing)).toEqual([null, null, 'not yet']);
    // "Not yet" once per row, at the first period that has not come; the later ones are blank (issue #40).
    expect(cohortRow(d, m, 1, en).cells.map((c) => c.missing)).toEqual(['not defined', 'not yet', '']);
  });
  // A wide grid formats the columns in view.
  it('a range of periods: only those cells, the same as in the whole row', () => {
    const whole = cohortRow(d, m, 0, en).cells;
    expect(cohortRow(d, m, 0, en, 1, 3).cells).toEqual(whole.slice(1, 3));
    expect(cohortRow(d, m, 0, en, 2, 2).cells).toEqual([]);
    expect(cohortRow(d, m, 0, en, 1, 99).cells).toEqual(whole.slice(1));
    expect(cohortRow(d, m, 0, en, -5, 1).cells).toEqual(whole.slice(0, 1));
  });
  it('highlight rules: the row, the column, the cell where they meet; nothing when neither', () => {
    expect(highlightRules(null, null)).toBe('');
    expect(highlightRules(3, null)).toMatch(/^tr\[data-r="3"\] > \* \{[^}]+\}$/);
    expect(highlightRules(null, 7)).toMatch(/^\[data-c="7"\] \{[^}]+\}$/);
    expect(highlightRules(-1, 0).split('\n')).toHaveLength(3);
    expect(highlightRules(-1, 0)).toContain('td[data-r="-1"][data-c="0"]');
  });
  it('"1 of 1 customer", singular, in the tooltip; period names in the locale', () => {
    expect(cohortTip(d, m, 0, 1, en)).toEqual({
      title: 'Jan · Month 1',
      lines: ['1 of 1 customer', 'Retention: 100% · Churn: 0%'],
    });
    expect(cohortTip(d, m, 0, 1, pt)!.lines[0]).toBe('1 de 1 cliente');
    expect(cohortTip(d, m, 1, 0, en)!.lines[1]).toBe('Retention: not defined · Churn: not defined');
    expect(cohortTip(d, m, -1, 0, en)!.lines[1]).toBe('Average of 2 cohorts');
    expect(cohortTip(d, m, 5, 0, en)).toBeNull();
  });
  it('revenue tooltips give the cumulative LTV without recomputing the grid', () => {
    const r = doc([{ id: 'a', label: 'Jan', size: 4, values: [100, 20] }], 'revenue');
    expect(cohortTip(r, computeCohort(r, 'revenue'), 0, 1, en)!.lines).toEqual([
      'R$20.00 in the period',
      'R$30.00 per customer so far',
    ]);
  });
  it('the average row of one cohort says so in the singular', () => {
    const one = doc([{ id: 'a', label: 'Jan', size: 3, values: [3, 1] }]);
    expect(cohortHead(one, computeCohort(one, 'percent'), en).average.title).toBe('Average of 1 cohort');
  });
  it('the real monthly cohorts, in every mode and two languages: nothing empty, NaN or undefined', () => {
    for (const name of ['cohort.monthly-customers.json', 'cohort.monthly-revenue.json']) {
      const real = loadFixture(name) as unknown as CohortDoc;
      const modes: CohortMode[] = real.measure === 'revenue' ? ['ltv', 'revenue'] : ['percent', 'count', 'churn'];
      for (const mode of modes)
        for (const o of [en, pt]) {
          const model = computeCohort(real, mode);
          assertCleanView(cohortHead(real, model, o));
          assertCleanView(model.rows.map((_, r) => cohortRow(real, model, r, o)));
          assertCleanView(cohortLegend(real, model, true, o));
          assertCleanView(cohortCurve(real, model, 1, o));
          assertCleanView(cohortTip(real, model, 0, 0, o));
          assertCleanView(cohortTip(real, model, -1, 1, o));
        }
    }
  });
});

describe('cohortWindow: what a windowed grid draws, and its one tab stop', () => {
  const rows = { start: 10, end: 34 };
  const cols = { start: 20, end: 40 };
  it('small grids draw everything, whatever the windows say', () => {
    const w = cohortWindow(30, 12, rows, cols, { r: 5, c: 3 });
    expect(w).toMatchObject({
      start: 0,
      end: 30,
      from: 0,
      to: 12,
      trail: 0,
      span: 14,
      wide: false,
      stop: { r: 5, c: 3 },
    });
  });
  it('104 × 104: the windows, the columns left out on each side, the colspan with both spacer cells', () => {
    const w = cohortWindow(104, 104, rows, cols, { r: 12, c: 25 });
    expect(w).toMatchObject({
      start: 10,
      end: 34,
      from: 20,
      to: 40,
      trail: 64,
      span: 24,
      wide: true,
      stop: { r: 12, c: 25 },
    });
    // At the left edge there is no leading spacer; past the end the windows are clamped.
    expect(cohortWindow(104, 104, rows, { start: 0, end: 18 }, { r: 0, c: 0 })).toMatchObject({
      from: 0,
      trail: 86,
      span: 21,
    });
    expect(cohortWindow(104, 104, { start: 100, end: 130 }, { start: 100, end: 130 }, { r: 0, c: 0 })).toMatchObject({
      start: 100,
      end: 104,
      from: 100,
      to: 104,
      trail: 0,
      span: 7,
    });
  });
  it('the tab stop: on the average row when its row is not drawn, the nearest drawn column when not', () => {
    expect(cohortWindow(104, 104, rows, cols, { r: 80, c: 25 }).stop).toEqual({ r: -1, c: 25 });
    expect(cohortWindow(104, 104, rows, cols, { r: 12, c: 3 }).stop).toEqual({ r: 12, c: 20 });
    expect(cohortWindow(104, 104, rows, cols, { r: 12, c: 90 }).stop).toEqual({ r: 12, c: 39 });
    expect(cohortWindow(104, 104, rows, cols, { r: -1, c: 90 }).stop).toEqual({ r: -1, c: 39 });
  });
  it('isDrawn: the average row always, other cells inside both windows only', () => {
    const w = cohortWindow(104, 104, rows, cols, { r: 0, c: 0 });
    expect(isDrawn(w, -1, 25)).toBe(true);
    expect(isDrawn(w, 12, 25)).toBe(true);
    expect(isDrawn(w, 9, 25)).toBe(false);
    expect(isDrawn(w, 12, 40)).toBe(false);
    expect(isDrawn(w, -1, 19)).toBe(false);
  });
});
