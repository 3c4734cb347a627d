import { describe, expect, it } from 'vitest';
import { slaRows, sortRows, summarise } from '../../../src/compute/regional-sla.js';
import { toCsv } from '../../../src/format/csv.js';
import {
  SLA_COLUMNS,
  STATUS_TEXT,
  metricCells,
  slaFilterAnnouncement,
  slaHeader,
  slaRowView,
  slaStatusLine,
  slaSummaryRow,
  slaTracks,
  type SlaOptions,
} from '../../../src/view/regional-sla.js';
import { slaCsv, slaCsvTable } from '../../../src/export/regional-sla.js';
import { slaStrings } from '../../../src/i18n/en/regional-sla.js';
import type { RegionalSlaDoc } from '../../../src/index.js';
import { loadFixture } from '../fixtures.js';
import { assertCleanView, inLocale } from './helpers.js';

const en: SlaOptions = inLocale(slaStrings, 'en-US');
const pt: SlaOptions = inLocale(slaStrings, 'pt-BR');
const metric = { id: 'm', label: 'M', unit: 'days' as const, target: 10 };
const doc = (regions: RegionalSlaDoc['regions'], metrics: RegionalSlaDoc['metrics'] = [metric]) =>
  ({ kind: 'regional-sla', version: 1, metrics, regions }) as RegionalSlaDoc;
const two = doc(
  [
    { id: 'a', label: 'A', group: 'G', volume: 5, values: { m: { p50: 4, p90: 12, withinTarget: 3, total: 5 } } },
    { id: 'b', label: '=B', volume: 0, values: {} },
  ],
  [metric, { ...metric, id: 'n', label: 'N', unit: 'hours' as const, target: 24 }],
);

describe('SLA column descriptors drive headers, cells, sort and CSV', () => {
  it('one header per metric and column, with its sort key and aria-sort', () => {
    const h = slaHeader(two, true, 'm:p90', 'ascending', en);
    expect(h.columns.map((c) => c.key)).toEqual([
      'label',
      'group',
      'volume',
      'm:p50',
      'm:p90',
      'm:breach',
      'n:p50',
      'n:p90',
      'n:breach',
    ]);
    expect(h.columns.find((c) => c.key === 'm:p90')!.sort).toBe('ascending');
    expect(h.columns.filter((c) => c.sort !== 'none')).toHaveLength(1);
    expect(h.metrics).toEqual([
      { label: 'M', target: 'target 10 days' },
      { label: 'N', target: 'target 24 hr' },
    ]);
    expect(h.columns).toHaveLength(3 + 2 * SLA_COLUMNS.length);
  });
  it('every column’s sort key sorts by that column', () => {
    const rows = slaRows(two);
    for (const c of SLA_COLUMNS)
      expect(sortRows(rows, `m:${c.field}`, 'descending').map((r) => r.id)).toEqual(['a', 'b']);
  });
  it('cells: durations in the metric’s unit, the rate as a percentage, status with its bar on the P90', () => {
    const [a] = slaRows(two);
    const cells = metricCells(metric, a!.cells['m']!, en);
    expect(cells.map((c) => c.text)).toEqual(['4.0 days', '12.0 days', '40.0%']);
    expect(cells[1]!.status).toMatchObject({ status: 'at-risk', name: 'At risk' });
    expect(cells[1]!.status!.bar.over).toBe(false);
    expect(cells.every((c) => !c.missing)).toBe(true);
    const none = metricCells(metric, slaRows(two)[1]!.cells['m']!, en);
    expect(none.map((c) => c.text)).toEqual(['no data', 'no data', 'no data']);
    expect(none.every((c) => c.missing && !c.status)).toBe(true);
  });
  it('one precision for every duration of the table: a median of 6.1 days beside a P90 of 12 reads "12.0 days"', () => {
    const cells = metricCells(metric, { p50: 6.1, p90: 12, breach: 0.2, status: 'at-risk' } as never, en);
    expect(cells.slice(0, 2).map((c) => c.text)).toEqual(['6.1 days', '12.0 days']);
    expect(
      metricCells(metric, { p50: 123.456, p90: 0, breach: 0, status: 'within' } as never, inLocale(slaStrings, 'pt-BR'))
        .slice(0, 2)
        .map((c) => c.text.replace(/\s/g, ' ')),
    ).toEqual(['123,5 dias', '0,0 dia']);
  });
  it('rows, subtotals and the status line say "1 region" / "1 região"', () => {
    const rows = slaRows(two);
    expect(slaSummaryRow(two, 'G', summarise('G', rows.slice(0, 1), two.metrics), en).sub).toBe('1 region');
    expect(slaSummaryRow(two, 'G', summarise('G', rows.slice(0, 1), two.metrics), pt).sub).toBe('1 região');
    expect(slaStatusLine(two, rows.slice(0, 1), en).count).toBe('1 of 2 regions');
    expect(slaStatusLine(doc([two.regions[0]!]), rows.slice(0, 1), pt).count).toBe('1 de 1 região');
    // Three counts share one line: the words after them must read right for 1 as for many.
    const line = slaStatusLine(two, rows.slice(0, 1), pt);
    expect(line.metrics[0]!.text).toBe('0 dentro · 1 em risco · 0 com violação');
    expect(slaStatusLine(two, rows.slice(0, 1), inLocale(slaStrings, 'es')).metrics[0]!.text).toBe(
      '0 dentro · 1 en riesgo · 0 con incumplimiento',
    );
    expect(slaRowView(two, rows[0]!, true, false, en).sub).toBe('a · G');
  });
  it.each([
    [1, 'bahia', en, '1 of 2 regions'],
    [1, 'bahia', pt, '1 de 2 regiões'],
    [2, '', pt, '2 de 2 regiões'],
    [0, '', en, '0 of 2 regions'],
  ] as const)('what the live region says: %i shown for %j', (shown, query, o, text) => {
    expect(slaFilterAnnouncement(two, shown, query, o)).toBe(text);
  });
  it('no match: says what was typed, in the locale', () => {
    expect(slaFilterAnnouncement(two, 0, 'xyz', en)).toBe(en.t('noMatches', { query: 'xyz' }));
    expect(slaFilterAnnouncement(two, 0, 'xyz', pt)).toContain('xyz');
    expect(slaFilterAnnouncement(two, 0, 'xyz', pt)).not.toBe(slaFilterAnnouncement(two, 0, 'xyz', en));
  });
  it('the real 27 states: nothing empty, NaN or undefined anywhere', () => {
    const d = loadFixture('regional-sla.states.json') as unknown as RegionalSlaDoc;
    const rows = slaRows(d);
    for (const o of [en, pt]) {
      assertCleanView(slaHeader(d, true, 'volume', 'descending', o));
      assertCleanView(rows.map((r) => slaRowView(d, r, false, true, o)));
      assertCleanView(slaStatusLine(d, rows, o));
      assertCleanView(slaSummaryRow(d, 'Total', summarise('Total', rows, d.metrics), o));
    }
  });
});

describe('slaCsvTable', () => {
  const csv = (o: SlaOptions) => ({
    columns: SLA_COLUMNS,
    statusName: (s: 'within' | 'at-risk' | 'breached') => o.t(STATUS_TEXT[s]),
    t: o.t,
    locale: o.locale,
  });
  it('a header per column, one line per row shown, localised headers and status names', () => {
    const t = slaCsvTable(two, slaRows(two), csv(en));
    expect(t.rows[0]).toEqual([
      'id',
      'Region',
      'Group',
      'Volume',
      'M – Median (p50) (days)',
      'M – P90 (days)',
      'M – target days',
      'M – Breach rate',
      'M – Status',
      'N – Median (p50) (hours)',
      'N – P90 (hours)',
      'N – target hours',
      'N – Breach rate',
      'N – Status',
    ]);
    expect(t.rows[1]).toEqual(['a', 'A', 'G', 5, 4, 12, 10, 0.4, 'At risk', null, null, 24, null, '']);
    expect(t.rows[2]).toEqual(['b', '=B', '', 0, null, null, 10, null, '', null, null, 24, null, '']);
  });
  it('text columns are the labels and each metric’s status; numbers keep the locale’s decimal mark', () => {
    const t = slaCsvTable(two, slaRows(two), csv(pt));
    expect([...t.textColumns].sort((x, y) => x - y)).toEqual([0, 1, 2, 8, 13]);
    expect(toCsv(t.rows, t.textColumns, ';', ',').split('\r\n')[1]).toBe('a;A;G;5;4;12;10;0,4;Em risco;;;24;;');
  });
  it('no rows: the header alone', () => {
    expect(slaCsvTable(two, [], csv(en)).rows).toHaveLength(1);
  });
  it('the file: a BOM, the locale’s separator and decimal mark, CRLF lines', () => {
    const text = slaCsv(two, slaRows(two), csv(pt));
    expect(text.startsWith('\ufeffid;Região;Grupo;Volume;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(slaCsv(two, slaRows(two), csv(en)).split('\r\n')[1]).toBe('a,A,G,5,4,12,10,0.4,At risk,,,24,,');
  });
});

describe('slaTracks: the grid tracks every row shares', () => {
  const cols = (showGroup: boolean, metrics: RegionalSlaDoc['metrics']) =>
    slaHeader(doc([], metrics), showGroup, 'volume', 'descending', en).columns;
  it.each([
    [
      'one metric, no group column',
      false,
      [metric],
      'var(--_label-w) minmax(6.5em, 1fr) minmax(6.5em, 1fr) minmax(var(--_p90-w), 1.5fr) minmax(6.5em, 1fr)',
      'calc(var(--_label-w) + 6.5em + 6.5em + var(--_p90-w) + 6.5em)',
    ],
    [
      'a group column',
      true,
      [metric],
      'var(--_label-w) minmax(8em, 1fr) minmax(6.5em, 1fr) minmax(6.5em, 1fr) minmax(var(--_p90-w), 1.5fr) ' +
        'minmax(6.5em, 1fr)',
      'calc(var(--_label-w) + 8em + 6.5em + 6.5em + var(--_p90-w) + 6.5em)',
    ],
    ['no metric', false, [], 'var(--_label-w) minmax(6.5em, 1fr)', 'calc(var(--_label-w) + 6.5em)'],
  ] as const)('%s', (_, showGroup, metrics, tracks, min) => {
    const header = cols(showGroup, [...metrics]);
    expect(slaTracks(header)).to.deep.equal({ cols: tracks, min });
    // One track per header cell: the rows, laid out alone, have as many columns as the header.
    expect(slaTracks(header).cols.split(/ (?![^(]*\))/)).to.have.length(header.length);
  });
  it('three metrics: three columns each, the P90 the widest share', () => {
    const three = [metric, { ...metric, id: 'n' }, { ...metric, id: 'o' }];
    const { cols: tracks } = slaTracks(cols(false, three));
    expect(tracks.match(/1\.5fr/g)).to.have.length(3);
    expect(tracks.split(/ (?![^(]*\))/)).to.have.length(2 + 9);
  });
});
