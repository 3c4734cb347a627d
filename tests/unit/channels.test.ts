import { describe, expect, it } from 'vitest';
import {
  alignSeries,
  channelValue,
  orderChannels,
  channelsIsEmpty,
  median,
  metricTotal,
  overlapModel,
  pairMatrix,
  shareableMetrics,
  shares,
  tone,
} from '../../src/compute/channels.js';
import { parseKpi, type ChannelsDoc } from '../../src/index.js';
import { loadFixture } from './fixtures.js';

const omni = () => parseKpi(loadFixture('channels.omnichannel.modelled.json'), 'channels').doc!;
const leads = () => parseKpi(loadFixture('channels.leads.json'), 'channels').doc!;
const m = (
  id: string,
  format: 'currency' | 'integer' | 'percent',
  aggregate?: 'sum' | 'none',
  better?: 'higher' | 'lower',
) => ({ id, label: id, format, aggregate, better });
const doc = (over: Partial<ChannelsDoc> = {}): ChannelsDoc => ({
  kind: 'channels',
  version: 1,
  currency: 'BRL',
  metrics: [
    m('revenue', 'currency', 'sum'),
    m('conversion', 'percent', 'none'),
    m('cac', 'currency', 'none', 'lower'),
    m('customers', 'integer', 'sum'),
  ],
  channels: [
    { id: 'a', label: 'A', values: { revenue: 100, conversion: 0.02, cac: 40, customers: 10 } },
    { id: 'b', label: 'B', values: { revenue: 300, conversion: 0.04, customers: 30 } },
    { id: 'c', label: 'C', values: { conversion: null, customers: 5 } },
  ],
  ...over,
});

describe('aggregation rules', () => {
  it('sum metrics are summed over the channels that have them', () => {
    expect(metricTotal(doc(), doc().metrics[0]!)).toMatchObject({ value: 400, source: 'sum' });
  });
  it('a percentage is never summed or averaged: the document total or nothing', () => {
    expect(metricTotal(doc(), doc().metrics[1]!)).toMatchObject({ value: null, source: 'none' });
    expect(metricTotal(doc({ totals: { conversion: 0.031 } }), doc().metrics[1]!)).toMatchObject({
      value: 0.031,
      source: 'document',
    });
  });
  it('the customer metric totals to unique customers, never the sum', () => {
    const d = doc({ customers: { metric: 'customers', unique: 38, overlaps: [] } });
    expect(metricTotal(d, d.metrics[3]!)).toEqual({
      metric: d.metrics[3],
      value: 38,
      source: 'unique-customers',
      naiveSum: 45,
    });
  });
  it('no channel has the metric: null, not 0', () => {
    const d = doc({ metrics: [m('x', 'integer', 'sum')] });
    expect(metricTotal(d, d.metrics[0]!).value).toBeNull();
  });
  it('the fixture: customers unique 24,100, not 28,240', () => {
    const d = omni();
    const cust = d.metrics.find((x) => x.id === 'customers')!;
    expect(metricTotal(d, cust)).toMatchObject({ value: 24100, naiveSum: 28240 });
    expect(metricTotal(d, d.metrics.find((x) => x.id === 'cac')!)).toMatchObject({ value: 44.2, source: 'document' });
  });
  it('channelValue: missing or null is null; own keys only', () => {
    expect(channelValue({ a: 1, b: null }, 'b')).toBeNull();
    expect(channelValue({ a: 1 }, 'z')).toBeNull();
    expect(channelValue({ a: 1 }, 'toString')).toBeNull();
  });
});

describe('shares', () => {
  it("each channel's share of a summable metric; a channel without it has none", () => {
    expect(shares(doc(), 'revenue')).toEqual([
      { id: 'a', value: 100, share: 0.25 },
      { id: 'b', value: 300, share: 0.75 },
      { id: 'c', value: null, share: null },
    ]);
  });
  it('all zeros: no shares, no NaN', () => {
    const d = doc({ channels: [{ id: 'a', label: 'A', values: { revenue: 0 } }] });
    expect(shares(d, 'revenue')).toEqual([{ id: 'a', value: 0, share: null }]);
  });
  it('only sum metrics are offered for the mix', () => {
    expect(shareableMetrics(doc()).map((x) => x.id)).toEqual(['revenue', 'customers']);
  });
});

describe('better: lower colouring', () => {
  it.each([
    [50, 40, 'higher', 'better'],
    [30, 40, 'higher', 'worse'],
    [30, 40, 'lower', 'better'],
    [50, 40, 'lower', 'worse'],
    [40, 40, 'lower', 'neutral'],
    [null, 40, 'higher', 'neutral'],
  ] as const)('%s vs %s (%s is better) → %s', (v, r, b, t) => expect(tone(v, r, b)).toBe(t));
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 2, 3], 2.5],
    [[null, 5], 5],
    [[], null],
  ] as const)('median(%j) = %s', (vals, out) => {
    expect(median(vals as unknown as (number | null)[])).toBe(out);
  });
});

describe('series alignment by date with gaps', () => {
  it('union of dates, a missing bucket is a gap (null), not zero', () => {
    const d = doc({
      channels: [
        {
          id: 'a',
          label: 'A',
          values: {},
          series: [
            { date: '2026-01-01', values: { revenue: 1 } },
            { date: '2026-03-01', values: { revenue: 3 } },
          ],
        },
        {
          id: 'b',
          label: 'B',
          values: {},
          series: [
            { date: '2026-02-01', values: { revenue: 5 } },
            { date: '2026-03-01', values: {} },
          ],
        },
        { id: 'c', label: 'C', values: {} },
      ],
    });
    const s = alignSeries(d, 'revenue');
    expect(s.dates).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(s.values).toEqual([
      [1, null, 3],
      [null, 5, null],
      [null, null, null],
    ]);
    expect(s.incomplete).toEqual([true, true, true]);
  });
  it('the leads fixture: 12 monthly buckets', () => {
    const s = alignSeries(leads(), 'leads');
    expect(s.dates.length).toBe(12);
    expect(s.values.every((r) => r.length === 12)).toBe(true);
  });
});

describe('overlap arithmetic', () => {
  it('the fixture: 4,140 counted twice; listed overlaps explain 3,820', () => {
    const o = overlapModel(omni())!;
    expect(o.sum).toBe(28240);
    expect(o.duplicates).toBe(4140);
    expect(o.duplicateShare).toBeCloseTo(4140 / 28240, 12);
    expect(o.explained).toBe(3820);
    expect(o.overlaps[0]).toEqual({
      channels: ['online_store', 'physical_stores'],
      customers: 2150,
      extraCounts: 2150,
    });
    expect(o.overlaps.find((x) => x.channels.length === 3)!.extraCounts).toBe(240);
  });
  it('no customers block → null; no customer metric → no sum', () => {
    expect(overlapModel(leads())).toBeNull();
    expect(overlapModel(doc({ customers: { unique: 5 } }))).toMatchObject({
      sum: null,
      duplicates: null,
      explained: 0,
    });
  });
  it('pair matrix sums every overlap that contains the pair, symmetric', () => {
    const d = omni();
    const mx = pairMatrix(d);
    const i = d.channels.findIndex((c) => c.id === 'online_store');
    const j = d.channels.findIndex((c) => c.id === 'physical_stores');
    expect(mx[i]![j]).toBe(2150 + 120);
    expect(mx[j]![i]).toBe(mx[i]![j]);
    expect(mx[i]![i]).toBe(0);
  });
  it('empty', () => expect(channelsIsEmpty({ channels: [] })).toBe(true));
});

describe('channel table order', () => {
  const d = doc({
    channels: [
      { id: 'a', label: 'Alpha', group: 'web', values: { revenue: 5 } },
      { id: 'b', label: 'Bravo', group: 'store', values: { revenue: 9 } },
      { id: 'c', label: 'Charlie', group: 'web', values: { revenue: 7 } },
      { id: 'd', label: 'Delta', group: 'web', values: {} },
    ],
  });
  const ids = (rows: { channel: { id: string } }[]) => rows.map((r) => r.channel.id);
  it('keeps document order and first-appearance group order without a key', () => {
    expect(ids(orderChannels(d, '', 'descending'))).toEqual(['a', 'c', 'd', 'b']);
  });
  it('sorts within each group, missing values last in both directions', () => {
    expect(ids(orderChannels(d, 'revenue', 'descending'))).toEqual(['c', 'a', 'd', 'b']);
    expect(ids(orderChannels(d, 'revenue', 'ascending'))).toEqual(['a', 'c', 'd', 'b']);
  });
  it('by label', () => {
    expect(ids(orderChannels(d, 'label', 'descending'))).toEqual(['d', 'c', 'a', 'b']);
  });
});
