// The builders in memory, on small hand-made orders: forecast, cohort, regional SLA and the funnel over timestamp
// columns.
import { describe, expect, it } from 'vitest';
import { RowError, type OrderRow } from '../../src/data/orders.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import { timestampMs } from '../../src/data/orders.js';
import { buildFunnelFromOrders } from '../../src/data/funnel.js';

const order = (
  id: string,
  ordered_at: string,
  amount: number | null,
  status: string | null = 'delivered',
): OrderRow => ({ order_id: id, customer_id: `c${id}`, ordered_at, amount, status });

describe('buildForecast (in memory)', () => {
  const rows = [
    order('1', '2026-09-03 10:00:00', 100),
    order('2', '2026-09-30 23:59:59', 50.255),
    order('3', '2026-10-15 12:00:00', 70, 'canceled'),
    order('4', '2026-11-02 08:00:00', 20),
    order('5', '2026-11-10T01:00:00+03:00', null),
    order('6', '2026-11-20 09:00:00', 30),
  ];
  it('sums qualifying orders per period; a month without any is 0; the running month is partial and paced', () => {
    const doc = buildForecast(rows, { granularity: 'month', targets: { '2026-11-01': 90, '2026-12-01': 100 } });
    expect(doc.points).toEqual([
      { period: '2026-09-01', actual: 150.26 },
      { period: '2026-10-01', actual: 0 },
      { period: '2026-11-01', actual: 50, target: 90, partial: true },
      { period: '2026-12-01', target: 100 },
    ]);
    expect(doc.pacing!.asOf).toBe('2026-11-20');
    expect(doc.pacing!.days[0]!.date).toBe('2026-09-06');
    expect(doc.pacing!.days.at(-1)).toEqual({ date: '2026-11-20', actual: 30 });
    // The order at 01:00 in UTC−3… +03:00 is the 9th in UTC; its null amount counts as 0.
    expect(doc.pacing!.days.find((d) => d.date === '2026-11-09')).toEqual({ date: '2026-11-09', actual: 0 });
  });
  it('asOf on the last day of a period: complete, no partial, no pacing; days are never partial', () => {
    const doc = buildForecast(rows, { granularity: 'month', asOf: '2026-10-31' });
    expect(doc.points.some((p) => p.partial)).toBe(false);
    expect(doc.pacing).toBeUndefined();
    expect(doc.points.at(-1)).toEqual({ period: '2026-10-01', actual: 0 });
    const days = buildForecast(rows, { granularity: 'day', from: '2026-11-18' });
    expect(days.points).toEqual([
      { period: '2026-11-18', actual: 0 },
      { period: '2026-11-19', actual: 0 },
      { period: '2026-11-20', actual: 30 },
    ]);
  });
  it('weeks are ISO weeks from Monday; one order; huge amounts stay exact to the cent', () => {
    const doc = buildForecast([order('9', '2026-11-27 12:00:00', 999_999_999_999.99)], { granularity: 'week' });
    // A Friday: the week from Monday the 23rd is still running (a Sunday would close it).
    expect(
      buildForecast([order('9', '2026-11-29 12:00:00', 1)], { granularity: 'week' }).points[0]!.partial,
    ).toBeUndefined();
    expect(doc.points).toEqual([{ period: '2026-11-23', actual: 999_999_999_999.99, partial: true }]);
  });
  it('a bad row is named by row and column, and nothing is built', () => {
    expect(() => buildForecast([...rows, order('7', 'soon', 1)], { granularity: 'month' })).toThrow(
      'row 7, column ordered_at: expected an ISO 8601 timestamp, got "soon"',
    );
    expect(() => buildForecast([{ ...rows[0]!, customer_id: '' }], { granularity: 'month' })).toThrow(RowError);
  });
});

describe('buildCohort (in memory)', () => {
  // Ana buys in Jan and Mar; Bia in Jan (canceled) and Feb; Caio in Mar, twice; a null amount counts as 0.
  const rows: OrderRow[] = [
    { ...order('1', '2026-01-05 10:00:00', 100), customer_id: 'ana' },
    { ...order('2', '2026-01-20 10:00:00', 40, 'canceled'), customer_id: 'bia' },
    { ...order('3', '2026-02-02 10:00:00', 60), customer_id: 'bia' },
    { ...order('4', '2026-03-03 10:00:00', 25.5), customer_id: 'ana' },
    { ...order('5', '2026-03-04 10:00:00', null), customer_id: 'caio' },
    { ...order('6', '2026-03-28 10:00:00', 10), customer_id: 'caio' },
  ];
  it('customers: the first qualifying month decides the cohort; a value per month shown, nulls after the data', () => {
    const doc = buildCohort(rows, { to: '2026-04-30' });
    expect(doc.period).toEqual({ from: '2026-01-01', to: '2026-04-30' });
    expect(doc.cohorts).toEqual([
      { id: '2026-01', label: 'Jan 2026', size: 1, values: [1, 0, 1, null] },
      { id: '2026-02', label: 'Feb 2026', size: 1, values: [1, 0, null, null] },
      { id: '2026-03', label: 'Mar 2026', size: 1, values: [1, null, null, null] },
    ]);
  });
  it("revenue: the sum of the cohort's qualifying amounts per month, to the cent", () => {
    const doc = buildCohort(rows, { measure: 'revenue', currency: 'BRL' });
    expect(doc.cohorts.map((c) => c.values)).toEqual([
      [100, 0, 25.5],
      [60, 0, null],
      [10, null, null],
    ]);
    expect(doc.currency).toBe('BRL');
  });
  it('from chooses the cohorts shown, never who is new: Ana (January) is not in a March-onwards view', () => {
    const doc = buildCohort(rows, { from: '2026-03-01' });
    expect(doc.cohorts).toEqual([{ id: '2026-03', label: 'Mar 2026', size: 1, values: [1] }]);
  });
  it('weeks from Monday; labels in another language', () => {
    const doc = buildCohort(rows, { period: 'week', labelLocale: 'pt-BR' });
    expect(doc.cohorts[0]!.id).toBe('2026-01-05');
    expect(doc.cohorts[0]!.label).toBe('5 de jan. de 2026');
  });
  it('no qualifying orders: an empty document, still valid', () => {
    expect(buildCohort([order('1', '2026-01-05 10:00:00', 5, 'canceled')]).cohorts).toEqual([]);
  });
});

describe('buildRegionalSla (in memory)', () => {
  const o = (
    id: string,
    region: string | null,
    ordered: string,
    delivered: string | null,
    extra: Partial<OrderRow> = {},
  ): OrderRow => ({
    order_id: id,
    customer_id: `c${id}`,
    ordered_at: ordered,
    delivered_at: delivered,
    region_id: region,
    status: 'delivered',
    ...extra,
  });
  const delivery = parseMetricSpec('delivery=ordered_at..delivered_at:days:3');
  it('parses metric specs; a bad one says what it expects', () => {
    expect(delivery).toEqual({ id: 'delivery', from: 'ordered_at', to: 'delivered_at', unit: 'days', target: 3 });
    expect(parseMetricSpec('approval=ordered_at..approved_at:hours:24.5').target).toBe(24.5);
    expect(() => parseMetricSpec('delivery=ordered_at..arrived_at:days:3')).toThrow(
      /expected <id>=<from column>\.\.<to column>/,
    );
    expect(() => parseMetricSpec('delivery=ordered_at..delivered_at:weeks:3')).toThrow(/seconds\|minutes\|hours\|days/);
  });
  it('type-7 percentiles per region, within target at the bound, qualifying volume, no negatives or open ends', () => {
    const rows = [
      o('1', 'BR-SP', '2026-11-01 00:00:00', '2026-11-02 00:00:00', {
        region_label: 'São Paulo',
        region_group: 'Sudeste',
      }),
      o('2', 'BR-SP', '2026-11-01 00:00:00', '2026-11-04 00:00:00'),
      o('3', 'BR-SP', '2026-11-01 00:00:00', '2026-11-05 12:00:00'),
      o('4', 'BR-SP', '2026-11-01 00:00:00', '2026-11-11 00:00:00'),
      o('5', 'BR-SP', '2026-11-03 00:00:00', '2026-11-02 00:00:00'),
      o('6', 'BR-SP', '2026-11-01 00:00:00', null),
      o('7', 'BR-SP', '2026-11-01 00:00:00', '2026-11-02 00:00:00', { status: 'canceled' }),
      o('8', 'BR-BA', '2026-11-01T00:00:00-03:00', '2026-11-01T12:00:00Z'),
      o('9', null, '2026-11-01 00:00:00', '2026-11-02 00:00:00'),
    ];
    const { doc, negative, withoutRegion } = buildRegionalSla(rows, { metrics: [delivery] });
    expect(negative).toEqual({ delivery: 1 });
    expect(withoutRegion).toBe(1);
    expect(doc.regions.map((r) => r.id)).toEqual(['BR-BA', 'BR-SP']);
    const sp = doc.regions[1]!;
    expect(sp).toMatchObject({ label: 'São Paulo', group: 'Sudeste', volume: 6 });
    // Durations 1, 3, 4.5, 10 days: p50 = 3.75, p90 = 10 − 0.3 × 5.5 = 8.35; 1 and 3 are within 3 days.
    expect(sp.values['delivery']).toEqual({ p50: 3.75, p90: 8.35, withinTarget: 2, total: 4 });
    // 00:00 at UTC−3 is 03:00 UTC: 9 hours to 12:00 UTC.
    expect(doc.regions[0]!.values['delivery']).toEqual({ p50: 0.38, p90: 0.38, withinTarget: 1, total: 1 });
  });
  it('units: seconds, minutes, hours; a region with no duration has no values for the metric', () => {
    const rows = [
      o('1', 'BR-RJ', '2026-11-01 00:00:00', '2026-11-01 01:30:00'),
      o('2', 'BR-AM', '2026-11-01 00:00:00', null),
    ];
    for (const [unit, v] of [
      ['seconds', 5400],
      ['minutes', 90],
      ['hours', 1.5],
    ] as const) {
      const { doc } = buildRegionalSla(rows, { metrics: [{ ...delivery, unit, target: 100 }] });
      expect(doc.regions.find((r) => r.id === 'BR-RJ')!.values['delivery']!.p50).toBe(v);
      expect(doc.regions.find((r) => r.id === 'BR-AM')!.values).toEqual({});
    }
  });
  it('timestamps with and without offsets, and dates', () => {
    expect(timestampMs('2026-11-01 00:00:00')).toBe(Date.UTC(2026, 10, 1));
    expect(timestampMs('2026-11-01')).toBe(Date.UTC(2026, 10, 1));
    expect(timestampMs('2026-11-01T00:00:00-03:00')).toBe(Date.UTC(2026, 10, 1, 3));
    expect(timestampMs('nope')).toBeNull();
  });
});

describe('buildFunnelFromOrders (in memory)', () => {
  const f = (
    id: string,
    times: [string | null, string | null, string | null],
    extra: Partial<OrderRow> = {},
  ): OrderRow => ({
    order_id: id,
    customer_id: `c${id}`,
    ordered_at: times[0] ?? '2026-11-01 00:00:00',
    approved_at: times[1],
    delivered_at: times[2],
    amount: 10,
    ...extra,
  });
  const steps = [
    { column: 'ordered_at' as const, label: 'Placed' },
    { column: 'approved_at' as const },
    { column: 'delivered_at' as const },
  ];
  it('a later timestamp reaches the earlier steps; canceled orders count; medians skip negatives; value sums', () => {
    const rows = [
      f('1', ['2026-11-01 00:00:00', '2026-11-01 01:00:00', '2026-11-03 01:00:00']),
      f('2', ['2026-11-01 00:00:00', '2026-11-01 03:00:00', null], { status: 'canceled', amount: 5.555 }),
      // Delivered without an approval time: it still reached approval.
      f('3', ['2026-11-01 00:00:00', null, '2026-11-02 00:00:00']),
      f('4', ['2026-11-01 00:00:00', null, null], { amount: null }),
      // Approved before it was placed: left out of the median, still counted.
      f('5', ['2026-11-01 05:00:00', '2026-11-01 04:00:00', null]),
    ];
    const { doc, negative } = buildFunnelFromOrders(rows, { steps });
    expect(doc.steps).toEqual([
      { id: 'ordered_at', label: 'Placed', count: 5, value: 35.56 },
      { id: 'approved_at', label: 'Payment approved', count: 4, value: 35.56, medianSecondsFromPrevious: 7200 },
      { id: 'delivered_at', label: 'Delivered', count: 2, value: 20, medianSecondsFromPrevious: 172800 },
    ]);
    expect(negative).toEqual({ ordered_at: 0, approved_at: 1, delivered_at: 0 });
  });
  it('segments by a column, with safe unique ids; from/to by the day placed', () => {
    const rows = [
      f('1', ['2026-10-31 23:00:00', null, null], { region_group: 'Sudeste' }),
      f('2', ['2026-11-01 00:00:00', '2026-11-01 01:00:00', null], { region_group: 'Sul' }),
      f('3', ['2026-11-02 00:00:00', null, null], { region_group: 'São Paulo' }),
      f('4', ['2026-11-02 00:00:00', null, null], { region_group: 'S_o Paulo' }),
    ];
    const { doc } = buildFunnelFromOrders(rows, {
      steps,
      segmentBy: 'region_group',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(doc.steps[0]!.count).toBe(3);
    // Ordered by value in code-unit order (the same on every engine): 'Sul' before 'São'.
    expect(doc.segments!.map((s) => [s.id, s.label, s.steps[0]!.count])).toEqual([
      ['S_o_Paulo', 'S_o Paulo', 1],
      ['Sul', 'Sul', 1],
      ['S_o_Paulo_2', 'São Paulo', 1],
    ]);
    expect(doc.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
