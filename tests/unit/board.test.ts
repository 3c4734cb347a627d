// The board's pure parts: the filters both ways through a query string, the period presets, each widget's URL,
// what a change concerns, cross-filter picks, the pickers' values, chips; and the manifest's contract.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  announcement,
  applyPick,
  changedFilters,
  filterChips,
  filtersFromQuery,
  isStaticSrc,
  localDay,
  noFilters,
  normaliseFilters,
  offeredFilters,
  periodText,
  pickerOptions,
  pickerSummary,
  presetOf,
  presetRange,
  queryWithFilters,
  readFilterValues,
  searchValues,
  toggleValue,
  widgetFilters,
  widgetUrl,
  widgetsConcerned,
  withoutChip,
  type BoardFilters,
} from '../../src/view/board.js';
import { BOARD, loadLanguage, parseKpi, translator } from '../../src/index.js';
import { boardStrings } from '../../src/i18n/en/board.js';
import type { BoardWidgetSpec } from '../../src/schema/board.js';
import { loadFixture } from './fixtures.js';

const f = (o: Partial<BoardFilters> = {}): BoardFilters => ({ ...noFilters(), ...o });

describe('normaliseFilters', () => {
  it.each([
    ['nothing', undefined, f()],
    ['a number', 42, f()],
    ['a range', { from: '2018-01-01', to: '2018-06-30' }, f({ from: '2018-01-01', to: '2018-06-30' })],
    [
      'a reversed range, put in order',
      { from: '2018-06-30', to: '2018-01-01' },
      f({ from: '2018-01-01', to: '2018-06-30' }),
    ],
    ['only an end', { to: '2018-06-30' }, f({ to: '2018-06-30' })],
    ['only a start', { from: '2018-06-30' }, f({ from: '2018-06-30' })],
    ['a day that does not exist', { from: '2018-02-30', to: '2018-03-01' }, f({ to: '2018-03-01' })],
    ['a date-time', { from: '2018-02-01T00:00:00Z' }, f()],
    ['one value as text', { region: 'BR-SP' }, f({ region: ['BR-SP'] })],
    [
      'repeats, blanks, non-text and padding',
      { channel: [' app ', 'app', '', '  ', 7, null, 'site'] },
      f({ channel: ['app', 'site'] }),
    ],
    ['a value over 200 characters', { store: ['x'.repeat(201), 'y'] }, f({ store: ['y'] })],
    ['unknown keys', { colour: ['red'], region: ['BR-RJ'] }, f({ region: ['BR-RJ'] })],
  ])('%s', (_, input, expected) => expect(normaliseFilters(input)).toEqual(expected));

  it('keeps at most 100 values per picker', () => {
    const many = Array.from({ length: 150 }, (_, i) => `v${i}`);
    expect(normaliseFilters({ region: many }).region).toEqual(many.slice(0, 100));
  });
});

describe('the query string', () => {
  it('reads repeated pickers and a range; keeps the page’s own parameters when writing', () => {
    const q = '?tab=2&from=2018-01-01&to=2018-06-30&region=BR-SP&region=BR-RJ&channel=app';
    expect(filtersFromQuery(q)).toEqual(
      f({ from: '2018-01-01', to: '2018-06-30', region: ['BR-SP', 'BR-RJ'], channel: ['app'] }),
    );
    expect(queryWithFilters('?tab=2&region=BR-MG', f({ region: ['BR-SP'] }))).toBe('?tab=2&region=BR-SP');
    expect(queryWithFilters('?region=BR-MG', f())).toBe('');
    // Only the first from and to count.
    expect(filtersFromQuery('from=2018-01-01&from=2019-01-01')).toEqual(f({ from: '2018-01-01' }));
  });

  it('round-trips any filters through the URL (property)', () => {
    const value = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.record({
          from: fc.option(day, { nil: undefined }),
          to: fc.option(day, { nil: undefined }),
          region: fc.uniqueArray(value, { maxLength: 5 }),
          channel: fc.uniqueArray(value, { maxLength: 5 }),
          store: fc.uniqueArray(value, { maxLength: 5 }),
        }),
        (raw) => {
          const filters = normaliseFilters({
            ...raw,
            from: raw.from?.toISOString().slice(0, 10),
            to: raw.to?.toISOString().slice(0, 10),
          });
          expect(filtersFromQuery(queryWithFilters('?page=1', filters))).toEqual(filters);
          expect(changedFilters(filters, filtersFromQuery(queryWithFilters('', filters)))).toEqual([]);
        },
      ),
    );
  });
});

describe('changedFilters', () => {
  it.each([
    [f(), f(), []],
    [f(), f({ from: '2018-01-01' }), ['period']],
    [f({ region: ['a'] }), f({ region: ['a', 'b'] }), ['region']],
    [f({ region: ['a', 'b'] }), f({ region: ['b', 'a'] }), ['region']],
    [f({ channel: ['x'], to: '2018-01-01' }), f({ store: ['s'] }), ['period', 'channel', 'store']],
  ])('%j → %j', (a, b, changed) => expect(changedFilters(a, b)).toEqual(changed));
});

describe('widget URLs', () => {
  const all = f({ from: '2018-01-01', to: '2018-06-30', region: ['BR-SP', 'BR-RJ'], channel: ['app'] });
  it.each([
    [
      'appends the listed active filters',
      '/kpi/funnel?steps=a,b',
      ['period', 'region'],
      '/kpi/funnel?steps=a%2Cb&from=2018-01-01&to=2018-06-30&region=BR-SP&region=BR-RJ',
    ],
    ['a src without a query', '/kpi/channels', ['channel'], '/kpi/channels?channel=app'],
    [
      'an inactive filter leaves the src’s own value',
      '/kpi/cohort?store=loja-a',
      ['store'],
      '/kpi/cohort?store=loja-a',
    ],
    ['an active one replaces it', '/kpi/cohort?region=BR-MG', ['region'], '/kpi/cohort?region=BR-SP&region=BR-RJ'],
    ['nothing listed: the same query (written by URLSearchParams)', '/kpi/x?a=1,2', [], '/kpi/x?a=1%2C2'],
    [
      'an absolute URL',
      'https://api.example/kpi/funnel?steps=a',
      ['channel'],
      'https://api.example/kpi/funnel?steps=a&channel=app',
    ],
  ] as const)('%s', (_, src, listed, url) => expect(widgetUrl(src, all, listed)).toBe(url));

  it('a static file gets no filter; the bar offers only what some widget applies', () => {
    expect(isStaticSrc('/data/funnel.json')).toBe(true);
    expect(isStaticSrc('/data/funnel.json?v=2')).toBe(true);
    expect(isStaticSrc('/kpi/funnel?file=a.json')).toBe(false);
    const widgets: BoardWidgetSpec[] = [
      { id: 'a', kind: 'funnel', src: '/data/funnel.json', filters: ['period', 'region'] },
      { id: 'b', kind: 'cohort', src: '/kpi/cohort', filters: ['channel', 'store'] },
    ];
    expect(widgetFilters(widgets[0]!, ['period', 'region'])).toEqual([]);
    const specs = [
      { id: 'period' as const },
      { id: 'region' as const, values: '/v/region' },
      { id: 'channel' as const, values: '/v/channel' },
      { id: 'store' as const },
    ];
    // period and region only reach the static file; store has no values URL.
    expect(offeredFilters(specs, widgets).map((s) => s.id)).toEqual(['channel']);
    expect(widgetsConcerned(widgets, ['period', 'region', 'channel'], ['channel'])).toEqual(['b']);
    expect(widgetsConcerned(widgets, ['period', 'region', 'channel'], ['region'])).toEqual([]);
  });
});

describe('the period', () => {
  it.each([
    ['this-month', '2018-08-31', { from: '2018-08-01', to: '2018-08-31' }],
    ['last-30', '2018-03-01', { from: '2018-01-31', to: '2018-03-01' }],
    ['last-90', '2024-03-01', { from: '2023-12-03', to: '2024-03-01' }],
    ['this-year', '2018-08-31', { from: '2018-01-01', to: '2018-08-31' }],
    ['last-30', '2018-01-01', { from: '2017-12-03', to: '2018-01-01' }],
    ['all', '2018-08-31', {}],
    ['custom', '2018-08-31', {}],
  ] as const)('%s ending %s', (preset, today, range) => {
    expect(presetRange(preset, today)).toEqual(range);
    if (preset !== 'custom') expect(presetOf(range, today)).toBe(preset);
  });

  it('a range no preset makes is custom', () => {
    expect(presetOf({ from: '2018-01-02', to: '2018-08-31' }, '2018-08-31')).toBe('custom');
    expect(presetOf({ to: '2018-08-31' }, '2018-08-31')).toBe('custom');
  });

  it('today is the local calendar day of the clock', () => {
    const ms = new Date(2026, 11, 3, 23, 30).getTime();
    expect(localDay(ms)).toBe('2026-12-03');
  });
});

describe('cross-filter picks', () => {
  const sla: BoardWidgetSpec = { id: 'sla', kind: 'regional-sla', src: '/kpi/sla', select: { region: 'region' } };
  it.each([
    ['a region sets the region filter', f(), { type: 'region', id: 'BR-SP' }, f({ region: ['BR-SP'] })],
    ['picked again, it is removed', f({ region: ['BR-SP'] }), { type: 'region', id: 'BR-SP' }, f()],
    [
      'it replaces several values',
      f({ region: ['BR-SP', 'BR-RJ'] }),
      { type: 'region', id: 'BR-SP' },
      f({ region: ['BR-SP'] }),
    ],
  ])('%s', (_, filters, detail, expected) =>
    expect(applyPick(filters, sla, ['region'], detail)).toEqual({ filters: expected, filter: 'region' }),
  );

  it.each([
    ['a type the widget maps to nothing', { type: 'metric', id: 'x' }, ['region']],
    ['a filter the board does not declare', { type: 'region', id: 'BR-SP' }, ['channel']],
    ['no id', { type: 'region' }, ['region']],
    ['an inherited key', { type: 'constructor', id: 'x' }, ['region']],
    ['the period', { type: 'period', id: '2018-01' }, ['period']],
  ] as const)('refuses %s', (_, detail, declared) => {
    const w = { ...sla, select: { region: 'region', period: 'period' } } as BoardWidgetSpec;
    expect(applyPick(f(), w, declared, detail)).toBeNull();
  });
});

describe('picker values', () => {
  it('reads well-formed values from an untrusted answer', () => {
    expect(
      readFilterValues([
        { id: 'BR-SP', label: 'São Paulo', group: 'Sudeste', count: 6372 },
        { id: 'BR-SP', label: 'again', count: 1 },
        { id: 'BR-RJ', count: -3 },
        { id: 'BR-MG', label: '  ', count: 'many' },
        { id: 7 },
        null,
        'BR-PR',
        { id: 'BR-PR', label: '<b>Paraná</b>', count: 1.6 },
      ]),
    ).toEqual([
      { id: 'BR-SP', label: 'São Paulo', group: 'Sudeste', count: 6372 },
      { id: 'BR-RJ', label: 'BR-RJ', count: 0 },
      { id: 'BR-MG', label: 'BR-MG', count: 0 },
      { id: 'BR-PR', label: '<b>Paraná</b>', count: 2 },
    ]);
    expect(readFilterValues({ not: 'a list' })).toEqual([]);
    expect(readFilterValues(null)).toEqual([]);
  });

  it('searches label, id and group, ignoring case and accents', () => {
    const values = readFilterValues([
      { id: 'BR-SP', label: 'São Paulo', group: 'Sudeste', count: 1 },
      { id: 'BR-PA', label: 'Pará', group: 'Norte', count: 1 },
    ]);
    expect(searchValues(values, 'sao').map((v) => v.id)).toEqual(['BR-SP']);
    expect(searchValues(values, 'PARA').map((v) => v.id)).toEqual(['BR-PA']);
    expect(searchValues(values, 'norte').map((v) => v.id)).toEqual(['BR-PA']);
    expect(searchValues(values, ' ').length).toBe(2);
  });
});

describe('chips', () => {
  it('one chip per value, the period as one, in the bar’s order; a chip removes only its value', () => {
    const filters = f({ from: '2018-01-01', to: '2018-01-31', region: ['BR-SP', 'BR-RJ'], channel: ['app'] });
    const chips = filterChips(
      filters,
      ['channel', 'period', 'region'],
      (filter, id) => `${filter}:${id}`,
      (a, b) => `${a}…${b}`,
    );
    expect(chips).toEqual([
      { filter: 'channel', value: 'app', text: 'channel:app' },
      { filter: 'period', value: '2018-01-01..2018-01-31', text: '2018-01-01…2018-01-31' },
      { filter: 'region', value: 'BR-SP', text: 'region:BR-SP' },
      { filter: 'region', value: 'BR-RJ', text: 'region:BR-RJ' },
    ]);
    expect(withoutChip(filters, chips[2]!)).toEqual({ ...filters, region: ['BR-RJ'] });
    expect(withoutChip(filters, chips[1]!)).toEqual(f({ region: ['BR-SP', 'BR-RJ'], channel: ['app'] }));
  });
});

describe('the board manifest (contract kind "board")', () => {
  it('every board fixture is valid, through parseKpi(doc, "board")', async () => {
    for (const name of BOARD.fixtures) {
      const r = parseKpi(loadFixture(name), 'board');
      expect(r.issues, name).toEqual([]);
    }
  });

  it('parseKpi without a kind points a board manifest to parseKpi(doc, "board")', () => {
    const r = parseKpi(loadFixture(BOARD.fixtures[0]));
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.message).toContain('parseKpi(doc, "board")');
  });

  it.each([
    [{ widgets: [] }, 'widgets: expected an array of at least 1 widgets, got an array of 0'],
    [{ widgets: [{ id: 'a', kind: 'no-such-kind', src: '/a' }] }, 'widgets[0].kind'],
    [{ widgets: [{ id: 'a', kind: 'funnel', src: '' }] }, 'widgets[0].src'],
    [{ widgets: [{ id: 'a', kind: 'funnel', src: '/a', size: 'huge' }] }, 'widgets[0].size'],
    [{ filters: [{ id: 'colour' }], widgets: [{ id: 'a', kind: 'funnel', src: '/a' }] }, 'filters[0].id'],
    [
      { widgets: [{ id: 'a', kind: 'funnel', src: '/a', filters: ['region'] }] },
      'widgets[0].filters[0]: expected a declared filter, got "region"',
    ],
    [
      { filters: [{ id: 'region' }], widgets: [{ id: 'a', kind: 'funnel', src: '/a', select: { step: 'channel' } }] },
      'widgets[0].select.step: expected a declared filter, got "channel"',
    ],
    [
      {
        filters: [{ id: 'period' }, { id: 'period' }],
        widgets: [
          { id: 'a', kind: 'funnel', src: '/a' },
          { id: 'a', kind: 'cohort', src: '/b' },
        ],
      },
      'filters[1].id: expected a unique id',
    ],
  ])('%j is refused: %s', (doc, problem) => {
    const r = parseKpi({ kind: 'board', version: 1, ...doc }, 'board');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => `${i.pathText}: ${i.message}`).join('\n')).toContain(problem);
  });
});

describe('what the bar and the live region say', () => {
  const values = readFilterValues([
    { id: 'BR-SP', label: 'São Paulo', count: 9 },
    { id: 'BR-RJ', label: 'Rio de Janeiro', count: 5 },
    { id: 'BR-RS', label: 'Rio Grande do Sul', count: 3 },
  ]);
  const label = (id: string) => values.find((v) => v.id === id)?.label ?? id;

  it.each([
    ['en', [], 'All'],
    ['en', ['BR-RJ'], 'Rio de Janeiro'],
    ['en', ['BR-RJ', 'BR-SP'], '2 selected'],
    ['pt-BR', [], 'Todas'],
    ['pt-BR', ['BR-RJ', 'BR-SP'], '2 selecionadas'],
    ['es', ['BR-RJ', 'BR-SP', 'BR-RS'], '3 seleccionadas'],
    ['pt-BR', ['x'.repeat(5)], 'xxxxx'],
  ])('a picker in %s with %j says %s', async (lang, picked, text) => {
    await loadLanguage(lang as 'en');
    expect(pickerSummary(picked, label, translator(boardStrings, lang))).toBe(text);
  });

  it('lists the matching values, picked ones first, at most max', () => {
    expect(pickerOptions(values, ['BR-RS'], '').map((v) => v.id)).toEqual(['BR-RS', 'BR-SP', 'BR-RJ']);
    expect(pickerOptions(values, ['BR-SP'], 'rio').map((v) => v.id)).toEqual(['BR-RJ', 'BR-RS']);
    expect(pickerOptions(values, [], '', 2).map((v) => v.id)).toEqual(['BR-SP', 'BR-RJ']);
    expect(pickerOptions([], ['BR-SP'], 'x')).toEqual([]);
  });

  it('ticks a value last, unticks it wherever it is', () => {
    expect(toggleValue(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggleValue(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggleValue(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleValue([], 'a', false)).toEqual([]);
  });

  it.each([
    ['en-US', '2025-01-01', '2025-06-30', 'Jan 1 – Jun 30, 2025'],
    ['pt-BR', '2025-01-01', '2025-06-30', '1 de jan. – 30 de jun. de 2025'],
    ['pt-BR', '2025-01-01', undefined, '1 de jan. de 2025 – …'],
    ['es', undefined, '2025-06-30', '… – 30 jun 2025'],
  ])('the period chip in %s, %s to %s: %s', (locale, from, to, text) =>
    expect(periodText(locale, from, to).replace(/\s/g, ' ')).toBe(text),
  );

  it.each([
    ['en', [], 'No filters'],
    ['en', [{ filter: 'region', value: 'BR-SP', text: 'São Paulo' }], '1 filter · São Paulo'],
    [
      'pt-BR',
      [
        { filter: 'region', value: 'BR-SP', text: 'São Paulo' },
        { filter: 'region', value: 'BR-RJ', text: 'Rio de Janeiro' },
      ],
      '2 filtros · São Paulo e Rio de Janeiro',
    ],
    ['es', [], 'Sin filtros'],
  ] as const)('announces in %s: %s', async (lang, chips, text) => {
    await loadLanguage(lang);
    expect(announcement([...chips], lang, translator(boardStrings, lang))).toBe(text);
  });
});
