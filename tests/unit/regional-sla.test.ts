import { describe, expect, it } from 'vitest';
import {
  breachRate,
  filterRows,
  foldText,
  labelsRepeat,
  layoutItems,
  metricStatusCounts,
  slaRows,
  slaStatus,
  sortRows,
  statusCounts,
  summarise,
} from '../../src/compute/regional-sla.js';
import { labelRanks } from '../../src/compute/common.js';
import { parseKpi, type RegionalSlaDoc } from '../../src/index.js';
import { csvField, csvNumber, toCsv } from '../../src/format/csv.js';
import { loadFixture } from './fixtures.js';

const metric = { id: 'm', label: 'M', unit: 'days' as const, target: 10 };
const doc = (
  regions: {
    id: string;
    label: string;
    group?: string;
    volume: number;
    values: Record<string, { p50: number; p90: number; withinTarget: number; total: number }>;
  }[],
) => ({ kind: 'regional-sla', version: 1, metrics: [metric], regions }) as RegionalSlaDoc;

describe('breach rate and status', () => {
  it.each([
    [{ withinTarget: 80, total: 100 }, 0.2],
    [{ withinTarget: 0, total: 0 }, null],
    [{ withinTarget: 5, total: 5 }, 0],
    [undefined, null],
    [{ withinTarget: 0, total: 1e12 }, 1],
  ])('%j → %s', (v, r) => {
    const got = breachRate(v);
    if (r === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(r, 12);
  });
  it.each([
    [5, 9, 'within'],
    [5, 10, 'within'],
    [5, 11, 'at-risk'],
    [10, 30, 'at-risk'],
    [11, 30, 'breached'],
    [null, 3, null],
    [0, 0, 'within'],
  ] as const)('p50 %s, p90 %s vs 10 → %s', (p50, p90, s) => {
    expect(slaStatus(p50, p90, 10)).toBe(s);
  });
});

describe('rows, missing metrics, subtotals', () => {
  const d = doc([
    {
      id: 'a',
      label: 'São Paulo',
      group: 'SE',
      volume: 300,
      values: { m: { p50: 6, p90: 12, withinTarget: 240, total: 300 } },
    },
    {
      id: 'b',
      label: 'Rio',
      group: 'SE',
      volume: 100,
      values: { m: { p50: 10, p90: 20, withinTarget: 40, total: 100 } },
    },
    { id: 'c', label: 'Acre', group: 'N', volume: 50, values: {} },
  ]);
  const rows = slaRows(d);
  it('a region lacking a metric has no data, not zero', () => {
    expect(rows[2]!.cells['m']).toEqual({
      p50: null,
      p90: null,
      breach: null,
      status: null,
      withinTarget: null,
      total: null,
    });
  });
  it('volume-weighted subtotals with a pooled breach rate', () => {
    const s = summarise('SE', rows.slice(0, 2), [metric]);
    expect(s.volume).toBe(400);
    expect(s.cells['m']!.p50).toBeCloseTo((300 * 6 + 100 * 10) / 400, 12);
    expect(s.cells['m']!.p90).toBeCloseTo((300 * 12 + 100 * 20) / 400, 12);
    expect(s.cells['m']!.breach).toBeCloseTo(1 - 280 / 400, 12);
    expect(s.cells['m']!.status).toBe('at-risk');
  });
  it('totals skip regions without the metric and never divide by zero', () => {
    const t = summarise('All', rows, [metric]);
    expect(t.regions).toBe(3);
    expect(t.volume).toBe(450);
    expect(t.cells['m']!.p50).toBeCloseTo(7, 12);
    expect(summarise('none', rows.slice(2), [metric]).cells['m']!.p50).toBeNull();
    expect(summarise('empty', [], [metric]).volume).toBe(0);
  });
  it('zero-volume regions: weights of zero give no mean, not NaN', () => {
    const z = slaRows(
      doc([{ id: 'z', label: 'Z', volume: 0, values: { m: { p50: 1, p90: 2, withinTarget: 0, total: 0 } } }]),
    );
    const s = summarise('Z', z, [metric]);
    expect(s.cells['m']!.p50).toBeNull();
    expect(s.cells['m']!.breach).toBeNull();
  });
  it("grouping: a header with the subtotal, then the group's regions", () => {
    const items = layoutItems(rows, [metric], true, 'No group');
    expect(items.map((i) => (i.type === 'group' ? `[${i.label}]` : i.row.id))).toEqual(['[SE]', 'a', 'b', '[N]', 'c']);
    expect(layoutItems(rows, [metric], false, '').length).toBe(3);
  });
  it('status counts', () => {
    expect(statusCounts(rows, 'm')).toEqual({ within: 0, 'at-risk': 2, breached: 0, none: 1 });
    // Per metric, in the document's order; a metric no region has counts every region as none; no rows, all zero.
    expect(metricStatusCounts(rows, [{ id: 'm' }, { id: 'other' }])).toEqual([
      { within: 0, 'at-risk': 2, breached: 0, none: 1 },
      { within: 0, 'at-risk': 0, breached: 0, none: 3 },
    ]);
    expect(metricStatusCounts([], [{ id: 'm' }])).toEqual([{ within: 0, 'at-risk': 0, breached: 0, none: 0 }]);
  });
  it('filter keys are made by the first filter, then kept', () => {
    const fresh = slaRows(doc([{ id: 'sp', label: 'São Paulo', volume: 1, values: {} }]));
    expect(fresh[0]!.search).toBeUndefined();
    expect(filterRows(fresh, 'sao').map((r) => r.id)).toEqual(['sp']);
    expect(fresh[0]!.search).toBe('sao paulo\u0000sp');
  });
});

describe('sorting', () => {
  const rows = slaRows(
    doc([
      { id: 'x1', label: 'Bravo', volume: 10, values: { m: { p50: 3, p90: 9, withinTarget: 1, total: 2 } } },
      { id: 'x2', label: 'alpha', volume: 30, values: {} },
      { id: 'x3', label: 'Charlie', volume: 20, values: { m: { p50: 1, p90: 12, withinTarget: 2, total: 2 } } },
      { id: 'x4', label: 'Álvaro', volume: 20, values: { m: { p50: 2, p90: 9, withinTarget: 0, total: 2 } } },
    ]),
  );
  const ids = (r: typeof rows) => r.map((x) => x.id);
  it('by label, locale-aware and accent-insensitive', () => {
    expect(ids(sortRows(rows, 'label', 'ascending'))).toEqual(['x2', 'x4', 'x1', 'x3']);
  });
  it('missing values go last in both directions', () => {
    expect(ids(sortRows(rows, 'm:p90', 'ascending'))).toEqual(['x4', 'x1', 'x3', 'x2']);
    expect(ids(sortRows(rows, 'm:p90', 'descending'))).toEqual(['x3', 'x4', 'x1', 'x2']);
  });
  it('ties break by label then id, so the order is stable', () => {
    expect(ids(sortRows(rows, 'volume', 'ascending'))).toEqual(['x1', 'x4', 'x3', 'x2']);
  });
  it('by breach rate', () => {
    expect(ids(sortRows(rows, 'm:breach', 'descending'))).toEqual(['x4', 'x1', 'x3', 'x2']);
  });
  it('unknown keys keep label order', () => {
    expect(ids(sortRows(rows, 'nope:p50', 'ascending'))).toEqual(['x2', 'x4', 'x1', 'x3']);
  });
  it('a status is not a sort key: it keeps label order (the P90 column sorts by P90)', () => {
    expect(ids(sortRows(rows, 'm:status', 'descending'))).toEqual(['x2', 'x4', 'x1', 'x3']);
  });
});

describe('sorting with label ranks worked out once', () => {
  const rows = slaRows(
    doc([
      { id: 'x1', label: 'Bravo', volume: 10, values: {} },
      { id: 'x2', label: 'alpha', volume: 30, values: {} },
      { id: 'x3', label: 'Charlie', volume: 20, values: {} },
      { id: 'x4', label: 'Álvaro', volume: 20, values: {} },
    ]),
  );
  const ids = (r: typeof rows) => r.map((x) => x.id);
  // Many ties (9 volumes, 7 P90s), labels that repeat, differ by case, accent or number only, ids that break label
  // ties.
  const names = [
    'São José',
    'sao jose',
    'Bom Jesus',
    'Água Branca',
    'agua branca',
    'Itaúna 2',
    'Itaúna 10',
    'Ñandú',
    'Nandu',
  ];
  const big = slaRows(
    doc(
      Array.from({ length: 400 }, (_, i) => ({
        id: `r${(i * 37) % 400}`,
        label: names[(i * 7) % names.length]!,
        volume: (i % 9) * 10,
        values: (i % 5 === 0 ? {} : { m: { p50: 1, p90: 5 + (i % 7), withinTarget: i % 3, total: 3 } }) as Record<
          string,
          { p50: number; p90: number; withinTarget: number; total: number }
        >,
      })),
    ),
  );
  const keys = ['volume', 'label', 'm:p90', 'm:p50', 'm:breach', 'nope:p50'];
  for (const locale of ['en', 'pt-BR', 'es']) {
    it(`give the order of the collator in every column and direction (${locale})`, () => {
      const ranks = labelRanks(big, (r) => r, locale);
      for (const key of keys) {
        for (const dir of ['ascending', 'descending'] as const) {
          expect(ids(sortRows(big, key, dir, locale, ranks)), `${key} ${dir}`).toEqual(
            ids(sortRows(big, key, dir, locale)),
          );
          // Of a filtered subset too: ranks of all the rows serve any of them.
          const some = big.filter((_, i) => i % 3 === 0);
          expect(ids(sortRows(some, key, dir, locale, ranks))).toEqual(ids(sortRows(some, key, dir, locale)));
        }
      }
    });
  }
  it('rank rows by label (case and accents ignored, numbers in order), then id', () => {
    const ranked = [...labelRanks(rows, (r) => r)].sort((a, b) => a[1] - b[1]).map(([r]) => r.id);
    expect(ranked).toEqual(['x2', 'x4', 'x1', 'x3']);
    const twins = slaRows(
      doc([
        { id: 'b', label: 'Itaúna 10', volume: 1, values: {} },
        { id: 'a', label: 'itauna 10', volume: 1, values: {} },
        { id: 'c', label: 'Itaúna 9', volume: 1, values: {} },
      ]),
    );
    expect([...labelRanks(twins, (r) => r, 'pt-BR')].map(([r, k]) => `${r.id}${k}`)).toEqual(['c0', 'a1', 'b2']);
  });
  it('no rows, one row', () => {
    expect(labelRanks([], (r: { label: string; id: string }) => r).size).toBe(0);
    expect(
      sortRows(
        rows.slice(0, 1),
        'volume',
        'descending',
        'en',
        labelRanks(rows.slice(0, 1), (r) => r),
      ).map((r) => r.id),
    ).toEqual(['x1']);
  });
});

describe('accent-insensitive filtering', () => {
  const rows = slaRows(loadFixtureDoc());
  it.each([
    ['sao', ['BR-SP']],
    ['SÃO', ['BR-SP']],
    ['br-sp', ['BR-SP']],
    ['para', ['BR-PA', 'BR-PB', 'BR-PR']],
    ['  ', null],
    ['zzz', []],
  ] as const)('"%s"', (q, expected) => {
    const got = filterRows(rows, q)
      .map((r) => r.id)
      .sort();
    if (expected === null) expect(got.length).toBe(27);
    else expect(got).toEqual([...expected].sort());
  });
  it('folds accents', () => expect(foldText('Goiânia Ñandú')).toBe('goiania nandu'));
});

function loadFixtureDoc(): RegionalSlaDoc {
  return parseKpi(loadFixture('regional-sla.states.json'), 'regional-sla').doc!;
}

describe('labels that repeat', () => {
  it('detects duplicate labels', () => {
    expect(
      labelsRepeat(
        slaRows(
          doc([
            { id: 'a', label: 'Bom Jesus', volume: 1, values: {} },
            { id: 'b', label: 'Bom Jesus', volume: 1, values: {} },
          ]),
        ),
      ),
    ).toBe(true);
    expect(labelsRepeat(slaRows(loadFixtureDoc()))).toBe(false);
  });
});

describe('CSV', () => {
  it.each([
    ['plain', ',', 'plain'],
    ['a,b', ',', '"a,b"'],
    ['a;b', ';', '"a;b"'],
    ['a,b', ';', 'a,b'],
    ['say "hi"', ',', '"say ""hi"""'],
    ['two\nlines', ',', '"two\nlines"'],
    ['=HYPERLINK("x")', ',', '"\'=HYPERLINK(""x"")"'],
    ['+1', ',', "'+1"],
    ['-2', ';', "'-2"],
    ['@SUM(A1)', ',', "'@SUM(A1)"],
    ['\tTAB', ',', "'\tTAB"],
  ])('%j with %s → %s', (v, sep, out) => {
    expect(csvField(v, sep)).toBe(out);
  });
  it('numbers are not treated as formulas and use the locale decimal mark', () => {
    expect(csvField(-2, ',')).toBe('-2');
    expect(csvNumber(7.2234567, ',')).toBe('7,2235');
    expect(csvNumber(0.5, '.')).toBe('0.5');
    expect(csvNumber(null, '.')).toBe('');
    expect(csvNumber(-0.00001, '.')).toBe('0');
  });
  it('a whole file', () => {
    const csv = toCsv(
      [
        ['Region', 'p50'],
        ['=evil', 1.5],
        ['Ok', null],
      ],
      new Set([0]),
      ';',
      ',',
    );
    expect(csv).toBe("Region;p50\r\n'=evil;1,5\r\nOk;");
  });
});
