import { describe, expect, it } from 'vitest';
import {
  MAX_OVERLAP_CHANNELS,
  checkOverlapChannels,
  closestName,
  missingNamedColumns,
} from '../../src/data/build-checks.js';
import { emptyReason, namedColumns } from '../../src/kinds/contract.js';
import { buildChannels } from '../../src/data/channels.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildFunnelFromOrders } from '../../src/data/funnel.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import { ordersFromCsv, ordersFromJson } from '../../src/data/read.js';
import type { OrderRow } from '../../src/data/orders.js';
import type { KpiDoc } from '../../src/index.js';
import { loadFixture } from './fixtures.js';

const FLAGS = ['orders', 'from', 'to', 'segment-by', 'steps', 'allow-empty', 'as-of', 'out', 'tz'];

describe('closestName: the option a misspelling meant', () => {
  it.each([
    ['segmentby', 'segment-by'],
    ['segment_by', 'segment-by'],
    ['Segment-By', 'segment-by'],
    ['alow-empty', 'allow-empty'],
    ['asof', 'as-of'],
    ['ordres', 'orders'],
    ['otu', 'out'],
    ['from', 'from'],
    ['bogus', null],
    ['x', null],
    ['period', null],
    ['', null],
  ])('%j → %j', (word, meant) => {
    expect(closestName(word, FLAGS)).toBe(meant);
  });
  it('no candidates, no suggestion', () => {
    expect(closestName('out', [])).toBeNull();
  });
});

describe('emptyReason: a document with nothing to show', () => {
  const canceled: OrderRow[] = [
    {
      order_id: '1',
      customer_id: 'a',
      ordered_at: '2026-01-05 10:00:00',
      status: 'canceled',
      amount: 10,
      channel: 'web',
      region_id: 'BR-SP',
    },
  ];
  const one: OrderRow[] = [
    { ...canceled[0]!, status: 'delivered', approved_at: '2026-01-05 11:00:00', delivered_at: '2026-01-07 10:00:00' },
  ];
  const metrics = [parseMetricSpec('d=ordered_at..delivered_at:days:3')];
  const builds: [string, (o: OrderRow[]) => KpiDoc][] = [
    ['cohort', (o) => buildCohort(o, {})],
    ['channels', (o) => buildChannels(o, {})],
    ['regional-sla', (o) => buildRegionalSla(o, { metrics }).doc],
    ['forecast', (o) => buildForecast(o, { granularity: 'month', asOf: '2026-01-31' })],
  ];
  it.each(builds)('%s: only canceled orders is empty, one qualifying order is not', (_, build) => {
    expect(emptyReason(build(canceled))).toMatch(/no /);
    expect(emptyReason(build(one))).toBeNull();
  });
  it('funnel from orders: nothing reached the first step (no order at all); one order reaches it', () => {
    const steps = [{ column: 'ordered_at' as const }, { column: 'approved_at' as const }];
    expect(emptyReason(buildFunnelFromOrders([], { steps }).doc)).toBe('nothing reached the first step');
    expect(emptyReason(buildFunnelFromOrders(one, { steps }).doc)).toBeNull();
  });
  it('forecast: zero in every period is empty; a refund-only month (negative) is not', () => {
    expect(emptyReason(buildForecast([], { granularity: 'month', asOf: '2026-01-31' }))).toBe(
      'no qualifying order in any period',
    );
    expect(
      emptyReason(buildForecast([{ ...one[0]!, amount: -5 }], { granularity: 'month', asOf: '2026-01-31' })),
    ).toBeNull();
  });
  it('forecast: no orders and no as-of is an error that says what to give, not "Invalid time value"', () => {
    expect(() => buildForecast([], { granularity: 'month' })).toThrow(
      'no orders, so no running period: give the orders, or --as-of to place it',
    );
  });
  it('every fixture has something to show', () => {
    for (const f of [
      'funnel.fulfilment.json',
      'checkout-friction.modelled.json',
      'cohort.monthly-customers.json',
      'regional-sla.states.json',
      'channels.leads.json',
      'forecast.monthly-revenue.json',
    ]) {
      expect(emptyReason(loadFixture(f) as unknown as KpiDoc), f).toBeNull();
    }
  });
  it('checkout-friction: nobody entered the first step', () => {
    const doc = loadFixture('checkout-friction.modelled.json') as unknown as KpiDoc & { kind: 'checkout-friction' };
    expect(emptyReason({ ...doc, steps: doc.steps.map((s) => ({ ...s, entered: 0, exited: 0 })) })).toBe(
      'nobody entered the first step',
    );
    expect(emptyReason({ ...doc, steps: [] })).toBe('nobody entered the first step');
  });
});

describe('namedColumns and missingNamedColumns: what a build names must be in its input', () => {
  it.each([
    [
      'funnel',
      { steps: [{ column: 'ordered_at' }, { column: 'shipped_at' }], segmentBy: 'region_group' },
      { orders: ['ordered_at', 'shipped_at', 'region_group'] },
    ],
    ['funnel', { events: 'e.csv', steps: ['a', 'b'], segmentBy: 'device' }, { events: ['device'] }],
    ['checkout-friction', { steps: ['a'] }, { events: [] }],
    [
      'regional-sla',
      {
        metrics: [
          { from: 'ordered_at', to: 'delivered_at' },
          { from: 'ordered_at', to: 'approved_at' },
        ],
      },
      { orders: ['ordered_at', 'delivered_at', 'approved_at'] },
    ],
    ['channels', {}, {}],
    ['cohort', {}, {}],
    ['forecast', {}, {}],
  ] as const)('%s %j', (kind, options, named) => {
    expect(namedColumns(kind, options)).toEqual(named);
  });
  it('lists what is missing and what was found', () => {
    expect(missingNamedColumns('o.csv', ['region_group'], ['order_id', 'customer_id'])).toBe(
      'o.csv: the build names column region_group, which is not in it; found order_id, customer_id',
    );
    expect(missingNamedColumns('o.csv', ['a', 'b'], [])).toBe(
      'o.csv: the build names columns a, b, which are not in it; found none',
    );
    expect(missingNamedColumns('o.csv', ['order_id'], ['order_id'])).toBeNull();
    expect(missingNamedColumns('o.csv', [], [])).toBeNull();
  });
  it('the in-memory readers check them: CSV by its header, JSON by the keys of its rows', () => {
    const csv = 'order_id,customer_id,ordered_at\n1,a,2026-01-01\n';
    expect(() => ordersFromCsv(csv, 'o.csv', ['region_group'])).toThrow(
      'o.csv, line 1: the build names column region_group, which is not in it; found order_id, customer_id, ordered_at',
    );
    expect(ordersFromCsv(csv, 'o.csv')).toHaveLength(1);
    const json = JSON.stringify([
      { order_id: '1', customer_id: 'a', ordered_at: '2026-01-01' },
      { order_id: '2', customer_id: 'b', ordered_at: '2026-01-01', channel: 'web' },
    ]);
    expect(ordersFromJson(json, 'o.json', ['channel'])).toHaveLength(2);
    expect(() => ordersFromJson(json, 'o.json', ['region_id'])).toThrow(
      'o.json, line 1: the build names column region_id',
    );
  });
});

describe('overlap channels: a clear limit instead of an overflow inside the engine', () => {
  it(`${MAX_OVERLAP_CHANNELS} pass, one more is refused with the limit named`, () => {
    expect(() => checkOverlapChannels(MAX_OVERLAP_CHANNELS)).not.toThrow();
    expect(() => checkOverlapChannels(MAX_OVERLAP_CHANNELS + 1)).toThrow(
      `64 channels, more than the 63 whose overlaps kpi-kit counts`,
    );
  });
  it('the in-memory builder applies it', () => {
    const orders = (n: number): OrderRow[] =>
      Array.from({ length: n }, (_, i) => ({
        order_id: String(i),
        customer_id: `c${i % 5}`,
        ordered_at: '2026-01-02 10:00:00',
        amount: 1,
        channel: `ch${String(i).padStart(2, '0')}`,
      }));
    expect(buildChannels(orders(63), {}).channels).toHaveLength(63);
    expect(() => buildChannels(orders(64), {})).toThrow('more than the 63');
  });
});

describe('labels people read, not column names', () => {
  const orders: OrderRow[] = [
    {
      order_id: '1',
      customer_id: 'a',
      ordered_at: '2026-01-05 10:00:00',
      approved_at: '2026-01-05 11:00:00',
      delivered_at: '2026-01-07 10:00:00',
      region_id: 'BR-SP',
      amount: 10,
    },
  ];
  it('funnel steps by their column, in the asked language; a given label wins', () => {
    const steps = [
      { column: 'ordered_at' as const },
      { column: 'approved_at' as const, label: 'Pago' },
      { column: 'delivered_at' as const },
    ];
    expect(buildFunnelFromOrders(orders, { steps, locale: 'pt-BR' }).doc.steps.map((s) => s.label)).toEqual([
      'Pedido realizado',
      'Pago',
      'Entregue',
    ]);
    expect(buildFunnelFromOrders(orders, { steps }).doc.steps.map((s) => s.label)).toEqual([
      'Order placed',
      'Pago',
      'Delivered',
    ]);
    expect(buildFunnelFromOrders(orders, { steps, locale: 'es-MX' }).doc.steps[2]!.label).toBe('Entregado');
  });
  it('SLA metrics by their ends or a --metric label; a state without its name gets it from the UF table', () => {
    const metrics = [
      parseMetricSpec('delivery=ordered_at..delivered_at:days:3'),
      parseMetricSpec('approval=ordered_at..approved_at:hours:24:"Aprovação do pagamento"'),
    ];
    const doc = buildRegionalSla(orders, { metrics, locale: 'pt-BR' }).doc;
    expect(doc.metrics.map((m) => m.label)).toEqual(['Pedido realizado → Entregue', 'Aprovação do pagamento']);
    expect(doc.regions[0]).toMatchObject({ id: 'BR-SP', label: 'São Paulo', group: 'Sudeste' });
    const other = buildRegionalSla([{ ...orders[0]!, region_id: 'store-7' }], { metrics }).doc;
    expect(other.regions[0]).toMatchObject({ id: 'store-7', label: 'store-7' });
    expect(other.regions[0]!.group).toBeUndefined();
  });
});
