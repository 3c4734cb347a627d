import { describe, expect, it } from 'vitest';
import {
  averageRow,
  cohortCells,
  cohortIsEmpty,
  computeCohort,
  domainOf,
  modesFor,
  periodCount,
  resolveMode,
  shade,
  shadeAverage,
  shadeCells,
} from '../../src/compute/cohort.js';
import {
  BLACK,
  WHITE,
  contrast,
  luminance,
  mixOklab,
  parseColor,
  readableText,
  type Rgb,
} from '../../src/compute/color.js';
import { parseKpi, type CohortDoc } from '../../src/index.js';
import { loadFixture } from './fixtures.js';

const doc = (cohorts: { size: number; values: (number | null)[] }[], measure: 'customers' | 'revenue' = 'customers') =>
  ({
    kind: 'cohort',
    version: 1,
    measure,
    periodUnit: 'month',
    cohorts: cohorts.map((c, i) => ({ id: `c${i}`, label: `C${i}`, ...c })),
  }) as unknown as CohortDoc;

describe('modes', () => {
  it('each measure offers its modes, the first is the default', () => {
    expect(modesFor('customers')).toEqual(['percent', 'count', 'churn']);
    expect(modesFor('revenue')).toEqual(['ltv', 'revenue']);
    expect(resolveMode('customers', 'ltv')).toBe('percent');
    expect(resolveMode('revenue', 'revenue')).toBe('revenue');
    expect(resolveMode('revenue', null)).toBe('ltv');
  });
});

describe('cohortCells: every mode', () => {
  const row = { size: 200, values: [200, 50, 20, null] };
  it.each([
    ['count', [200, 50, 20, null, null]],
    ['percent', [1, 0.25, 0.1, null, null]],
    ['churn', [0, 0.75, 0.9, null, null]],
    ['revenue', [200, 50, 20, null, null]],
    ['ltv', [1, 1.25, 1.35, null, null]],
  ] as const)('%s', (mode, cells) => {
    const got = cohortCells(row, 5, mode);
    got.forEach((v, i) => {
      if (cells[i] === null) expect(v).toBeNull();
      else expect(v).toBeCloseTo(cells[i] as number, 12);
    });
  });
  it('zero-size cohort: rates are undefined (null), counts stay', () => {
    const r = { size: 0, values: [0, 0] };
    expect(cohortCells(r, 2, 'percent')).toEqual([null, null]);
    expect(cohortCells(r, 2, 'churn')).toEqual([null, null]);
    expect(cohortCells(r, 2, 'ltv')).toEqual([null, null]);
    expect(cohortCells(r, 2, 'count')).toEqual([0, 0]);
  });
  it('a missing trailing entry is null, like an explicit null', () => {
    expect(cohortCells({ size: 10, values: [10] }, 3, 'percent')).toEqual([1, null, null]);
  });
  it('a single cohort with a single period', () => {
    expect(cohortCells({ size: 1, values: [1] }, 1, 'percent')).toEqual([1]);
  });
  it('all-null periods', () => {
    expect(cohortCells({ size: 5, values: [null, null] }, 2, 'ltv')).toEqual([null, null]);
  });
  it('huge values stay finite', () => {
    const cells = cohortCells({ size: 1, values: [1e14, 1e14, 1e14] }, 3, 'ltv');
    expect(cells).toEqual([1e14, 2e14, 3e14]);
  });
});

describe('LTV accumulation', () => {
  it('cumulative revenue per customer', () => {
    const cells = cohortCells({ size: 4, values: [100, 0, 20, 8] }, 4, 'ltv');
    expect(cells).toEqual([25, 25, 30, 32]);
  });
});

describe('averageRow', () => {
  const d = doc([
    { size: 100, values: [100, 40, 10] },
    { size: 300, values: [300, 60, null] },
    { size: 0, values: [0, 0, null] },
  ]);
  it('percent: size-weighted over cohorts that reached the period, nulls never counted', () => {
    const avg = averageRow(d, 3, 'percent');
    expect(avg[0]).toBe(1);
    expect(avg[1]).toBeCloseTo(100 / 400, 12);
    expect(avg[2]).toBeCloseTo(10 / 100, 12);
  });
  it('churn is 1 − the weighted retention', () => {
    expect(averageRow(d, 3, 'churn')[1]).toBeCloseTo(0.75, 12);
  });
  it('count: mean per cohort that reached the period', () => {
    expect(averageRow(d, 3, 'count')).toEqual([400 / 3, 100 / 3, 10]);
  });
  it('ltv: Σ cumulative ÷ Σ size over cohorts that reached the period', () => {
    const r = doc(
      [
        { size: 2, values: [10, 10] },
        { size: 8, values: [40, null] },
      ],
      'revenue',
    );
    expect(averageRow(r, 2, 'ltv')).toEqual([5, 10]);
  });
  it('a period no cohort reached is null; all zero sizes give null rates', () => {
    expect(averageRow(doc([{ size: 0, values: [0] }]), 2, 'percent')).toEqual([null, null]);
  });
});

describe('domains and shading', () => {
  it('period 0 is left out of the domain when later periods exist', () => {
    expect(
      domainOf(
        [
          [1, 0.02, 0.01],
          [1, 0.04, null],
        ],
        'percent',
      ),
    ).toEqual([0, 0.04]);
  });
  it('ltv keeps period 0 and starts at its minimum', () => {
    expect(domainOf([[5, 6, 7]], 'ltv')).toEqual([5, 7]);
  });
  it('churn starts at its minimum', () => {
    expect(
      domainOf(
        [
          [0, 0.9, 0.95],
          [0, 0.8, null],
        ],
        'churn',
      ),
    ).toEqual([0.8, 0.95]);
  });
  it('a single period uses it', () => {
    expect(domainOf([[1], [0.5]], 'percent')).toEqual([0, 1]);
  });
  it('nothing known → null', () => {
    expect(domainOf([[null, null]], 'percent')).toBeNull();
  });
  it.each([
    [0.02, [0, 0.04], 0.5],
    [1, [0, 0.04], 1],
    [0, [0, 0.04], 0],
    [null, [0, 1], null],
    [3, [3, 3], 0],
    [5, null, null],
  ] as const)('shade(%s, %j) = %s', (v, d, t) => {
    expect(shade(v as number | null, d as [number, number] | null)).toBe(t);
  });
  it('row scale shades each cohort against itself', () => {
    const m = computeCohort(
      doc([
        { size: 10, values: [10, 5, 1] },
        { size: 10, values: [10, 1, 0] },
      ]),
      'percent',
    );
    expect(shadeCells(m, 'row')).toEqual([
      [1, 1, 0.2],
      [1, 1, 0],
    ]);
    expect(shadeCells(m, 'global')).toEqual([
      [1, 1, 0.2],
      [1, 0.2, 0],
    ]);
  });
  it('the average row shades like the cells: on the grid’s domain, or against itself with the row scale', () => {
    const m = computeCohort(
      doc([
        { size: 10, values: [10, 5, 1] },
        { size: 10, values: [10, 1, 0] },
      ]),
      'percent',
    );
    const close = (got: (number | null)[], want: number[]) => got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
    close(shadeAverage(m, 'global'), [1, 0.6, 0.1]);
    close(shadeAverage(m, 'row'), [1, 1, 1 / 6]);
  });
  it('average shades: not-yet periods stay null, a flat row never gives NaN', () => {
    const m = computeCohort(doc([{ size: 4, values: [4, 2, null] }]), 'percent');
    expect(shadeAverage(m, 'global')).toEqual([1, 1, null]);
    expect(shadeAverage(m, 'row')).toEqual([1, 1, null]);
    const none = computeCohort(doc([{ size: 0, values: [0, 0] }]), 'percent');
    for (const v of shadeAverage(none, 'global')) expect(v === null || Number.isFinite(v)).toBe(true);
  });
});

describe('fixtures', () => {
  for (const name of ['cohort.monthly-customers.json', 'cohort.monthly-revenue.json']) {
    it(`${name}: every cell finite or null in every mode`, () => {
      const d = parseKpi(loadFixture(name), 'cohort').doc!;
      for (const mode of modesFor(d.measure)) {
        const m = computeCohort(d, mode);
        for (const v of [...m.rows.flatMap((r) => r.cells), ...m.average])
          expect(v === null || Number.isFinite(v)).toBe(true);
      }
      expect(periodCount(d)).toBe(20);
      expect(cohortIsEmpty(d)).toBe(false);
    });
  }
});

describe('colour and contrast', () => {
  it('parses CSS colours', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('#1d3fb8')).toEqual([29, 63, 184]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('rgb(1 2 3 / 50%)')).toEqual([1, 2, 3]);
    expect(parseColor('tomato')).toBeNull();
  });
  it('mixes in OKLab with exact ends', () => {
    expect(mixOklab([238, 243, 255], [29, 63, 184], 0)).toEqual([238, 243, 255]);
    expect(mixOklab([238, 243, 255], [29, 63, 184], 1)).toEqual([29, 63, 184]);
    const mid = mixOklab(BLACK, WHITE, 0.5);
    expect(luminance(mid)).toBeCloseTo(0.125, 2); // OKLab L = 0.5 → Y = L³
  });
  it('contrast ratios', () => {
    expect(contrast(BLACK, WHITE)).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119], WHITE)).toBeCloseTo(4.48, 2);
  });
  it('the text choice reaches WCAG AA on every shade of both default palettes', () => {
    const palettes: [Rgb, Rgb, Rgb[]][] = [
      [
        [238, 243, 255],
        [29, 63, 184],
        [
          [27, 34, 48],
          [255, 255, 255],
        ],
      ],
      [
        [28, 37, 54],
        [143, 176, 255],
        [
          [231, 235, 243],
          [21, 26, 35],
        ],
      ],
    ];
    for (const [low, high, preferred] of palettes) {
      for (let i = 0; i <= 100; i++) {
        const bg = mixOklab(low, high, i / 100);
        expect(contrast(bg, readableText(bg, preferred))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
  it('falls back to black or white when no preferred colour is readable', () => {
    const mid: Rgb = [118, 118, 118];
    const t = readableText(mid, [[100, 100, 100]]);
    expect([BLACK, WHITE]).toContainEqual(t);
    expect(contrast(mid, t)).toBeGreaterThanOrEqual(4.5);
  });
});
