import { describe, expect, it } from 'vitest';
import { shopifyOrders, shopifyTime } from '../../src/data/shopify.js';
import { csvField } from '../../src/format/csv.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildChannels } from '../../src/data/channels.js';
import { buildFunnelFromOrders } from '../../src/data/funnel.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import type { OrderRow } from '../../src/data/orders.js';
import { olistSampleOrders } from '../data/olist.js';

describe("Shopify's dates: a local time and its offset, written out in UTC", () => {
  it.each([
    ['2023-01-05 10:12:33 -0300', '2023-01-05 13:12:33'],
    ['2023-01-05 23:30:00 -0300', '2023-01-06 02:30:00'],
    ['2023-01-05 10:12:33 +0530', '2023-01-05 04:42:33'],
    ['2023-01-05 10:12 -03:00', '2023-01-05 13:12:00'],
    ['2023-01-05T10:12:33Z', '2023-01-05 10:12:33'],
    ['', null],
    ['05/01/2023 10:12', undefined],
    ['2023-01-05 10:12:33', undefined],
    ['2023-02-30 10:12:33 -0300', undefined],
  ])('%j → %j', (text, utc) => expect(shopifyTime(text)).toBe(utc));
});

// Shopify's export columns (help.shopify.com, "Order CSV file format"), the ones the preset reads and a few it does
// not.
const HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Currency',
  'Subtotal',
  'Total',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Billing Name',
  'Billing Province',
  'Billing Country',
  'Shipping Province',
  'Shipping Country',
  'Cancelled at',
  'Source',
];

/** A UTC timestamp as Shopify writes it for a store in São Paulo (UTC−3). */
const local = (utc: string | null | undefined) => {
  if (!utc) return '';
  const d = new Date(Date.parse(`${utc.replace(' ', 'T')}Z`) - 3 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)} -0300`;
};

/** Our own Shopify export of canonical orders (never a real store's data): one to three line items per order. */
function shopifyExport(orders: readonly OrderRow[]): string {
  const lines = [HEADER.join(',')];
  orders.forEach((o, i) => {
    const uf = o.region_id?.replace(/^BR-/, '') ?? '';
    const first: Record<string, string> = {
      Name: `#${1001 + i}`,
      Email: `${o.customer_id}@Example.com`,
      'Financial Status': o.status === 'canceled' ? 'refunded' : o.approved_at ? 'paid' : 'pending',
      'Paid at': local(o.approved_at),
      'Fulfillment Status': o.shipped_at ? 'fulfilled' : 'unfulfilled',
      'Fulfilled at': local(o.shipped_at),
      Currency: o.currency ?? 'BRL',
      Subtotal: String(o.amount ?? 0),
      Total: String(o.amount ?? 0),
      'Created at': local(o.ordered_at),
      'Billing Name': 'Cliente',
      'Billing Province': uf,
      'Billing Country': 'BR',
      'Shipping Province': uf,
      'Shipping Country': 'BR',
      'Cancelled at': o.status === 'canceled' ? local(o.ordered_at) : '',
      Source: i % 3 ? 'web' : 'pos',
    };
    for (let item = 0; item <= i % 3; item++) {
      // Line items after the first carry only the order's name and their own fields.
      const row = item === 0 ? first : { Name: first['Name']! };
      const fields = {
        ...row,
        'Lineitem quantity': String(item + 1),
        'Lineitem name': `Produto, "${item}"`,
        'Lineitem price': '9.90',
      };
      lines.push(HEADER.map((h) => csvField((fields as Record<string, string>)[h] ?? '', ',')).join(','));
    }
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** What the preset should read from that export: the same orders, as Shopify knows them. */
const asShopifyKnowsThem = (orders: readonly OrderRow[]): OrderRow[] =>
  orders.map((o, i) => ({
    order_id: `#${1001 + i}`,
    customer_id: `${o.customer_id}@example.com`,
    ordered_at: o.ordered_at,
    approved_at: o.approved_at ?? null,
    shipped_at: o.shipped_at ?? null,
    status: o.status === 'canceled' ? 'canceled' : o.shipped_at ? 'shipped' : o.approved_at ? 'paid' : 'pending',
    region_id: o.region_id ?? null,
    region_label: o.region_label ?? null,
    region_group: o.region_group ?? null,
    channel: i % 3 ? 'web' : 'pos',
    amount: o.amount ?? 0,
    currency: o.currency ?? 'BRL',
  }));

describe('a Shopify export (several line items per order) gives the documents of its orders in canonical form', () => {
  // Olist's orders that Shopify could hold: whole seconds, a status of its own kinds.
  const source = olistSampleOrders()
    .slice(0, 1500)
    .map((o) => ({ ...o, status: o.status === 'canceled' ? 'canceled' : 'delivered' }));
  const imported = shopifyOrders(shopifyExport(source), 'orders_export.csv');
  const canonical = asShopifyKnowsThem(source);

  it('one order per Name, its fields from its first row', () => {
    expect(imported).toHaveLength(source.length);
    expect(imported).toEqual(canonical);
  });
  it('cohort, forecast, channels, funnel and SLA documents are the same', () => {
    const both = <T>(build: (orders: OrderRow[]) => T) => expect(build(imported)).toEqual(build(canonical));
    both((o) => buildCohort(o, { period: 'month' }));
    both((o) => buildForecast(o, { granularity: 'month', asOf: '2018-08-20' }));
    both((o) => buildChannels(o, {}));
    both((o) =>
      buildFunnelFromOrders(o, {
        steps: ['ordered_at', 'approved_at', 'shipped_at'].map((column) => ({ column })) as never,
      }),
    );
    both((o) => buildRegionalSla(o, { metrics: [parseMetricSpec('dispatch=ordered_at..shipped_at:days:3')] }));
  });
  it('cancelled, refunded or voided orders do not qualify', () => {
    const cancelled = imported.filter((o) => o.status === 'canceled').length;
    expect(cancelled).toBe(source.filter((o) => o.status === 'canceled').length);
    expect(cancelled).toBeGreaterThan(0);
  });
});

describe('refusals name the file, the line, the column and the value', () => {
  const file = (rows: string[]) => [HEADER.join(','), ...rows].join('\n');
  const blank = HEADER.map(() => '');
  const row = (fields: Record<string, string>) => HEADER.map((h, i) => fields[h] ?? blank[i]).join(',');
  it.each([
    [
      'a date without its offset',
      row({ Name: '#1', Email: 'a@b.c', 'Created at': '2023-01-05 10:12:33', Total: '10' }),
      'x.csv, line 2: column Created at: expected a date such as 2023-01-05 10:12:33 -0300, got "2023-01-05 10:12:33"',
    ],
    [
      'no customer at all',
      row({ Name: '#1', 'Created at': '2023-01-05 10:12:33 -0300', Total: '10' }),
      'x.csv, line 2: column Email: expected the customer (an e-mail, else a Phone or a Billing Name), got nothing',
    ],
    [
      'a total that is not a number',
      row({ Name: '#1', Email: 'a@b.c', 'Created at': '2023-01-05 10:12:33 -0300', Total: 'R$ 10' }),
      'x.csv, line 2: column Total: expected a number, got "R$ 10"',
    ],
  ])('%s', (_, line, message) => expect(() => shopifyOrders(file([line]), 'x.csv')).toThrow(message));
  it('another kind of file', () => {
    expect(() => shopifyOrders('order_id,customer_id,ordered_at\n1,a,2018-01-01\n', 'orders.csv')).toThrow(
      'orders.csv, line 1: missing columns Name, Created at: not a Shopify order export; ' +
        'found order_id, customer_id, ordered_at',
    );
  });
});
