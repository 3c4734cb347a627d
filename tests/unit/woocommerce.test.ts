import { describe, expect, it } from 'vitest';
import { woocommerceOrders, woocommerceStatus, woocommerceTime } from '../../src/data/woocommerce.js';
import { csvField } from '../../src/format/csv.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildChannels } from '../../src/data/channels.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import type { OrderRow } from '../../src/data/orders.js';
import { olistSampleOrders } from '../data/olist.js';

describe("WooCommerce's dates: the plugin's ISO or the documented month first, in the site's zone", () => {
  it.each([
    ['2016-09-06 06:29:00', 'UTC', '2016-09-06 06:29:00'],
    ['9/6/2016 6:29:00', 'UTC', '2016-09-06 06:29:00'],
    ['12/31/2025 23:00', 'UTC', '2025-12-31 23:00:00'],
    ['2026-01-10 09:30:00', 'America/Sao_Paulo', '2026-01-10 12:30:00'],
    ['1/10/2026 9:30:00', 'America/Sao_Paulo', '2026-01-10 12:30:00'],
    ['2026-01-10', 'UTC', '2026-01-10 00:00:00'],
    ['', 'UTC', null],
    ['31/12/2025 23:00', 'UTC', undefined],
    ['2026-02-30 10:00:00', 'UTC', undefined],
    ['2026-01-10T09:30:00Z', 'UTC', undefined],
  ])('%j in %s → %j', (text, tz, utc) => expect(woocommerceTime(text, tz)).toBe(utc));
});

describe("WooCommerce's statuses", () => {
  it.each([
    ['cancelled', 'canceled'],
    ['wc-refunded', 'canceled'],
    ['failed', 'canceled'],
    ['completed', 'shipped'],
    ['processing', 'processing'],
    ['On-Hold', 'on-hold'],
    ['', null],
  ])('%j → %j', (status, canonical) => expect(woocommerceStatus(status)).toBe(canonical));
});

// The columns WooCommerce documents for its order export ("Mapping of WooCommerce Orders"): those the preset reads and
// a few it does not.
const HEADER = [
  'order_id',
  'order_number',
  'order_date',
  'paid_date',
  'completed_date',
  'status',
  'shipping_total',
  'order_total',
  'order_currency',
  'payment_method',
  'customer_id',
  'customer_email',
  'billing_email',
  'billing_state',
  'billing_country',
  'shipping_state',
  'shipping_country',
  'created_via',
  'line_item_1',
];

const day = (utc: string | null | undefined) => (utc ? utc.slice(0, 19) : '');

/** Our own WooCommerce export of canonical orders (never a real store's data), the site's clock in UTC. */
function wooExport(orders: readonly OrderRow[]): Uint8Array {
  const lines = [HEADER.join(',')];
  orders.forEach((o, i) => {
    const row: Record<string, string> = {
      order_id: String(5000 + i),
      order_number: `WC-${5000 + i}`,
      order_date: day(o.ordered_at),
      paid_date: day(o.approved_at),
      completed_date: day(o.shipped_at),
      status: o.status === 'canceled' ? 'cancelled' : o.shipped_at ? 'completed' : 'processing',
      order_total: (o.amount ?? 0).toFixed(2),
      order_currency: 'BRL',
      customer_id: i % 4 ? '0' : String(70 + i),
      // A guest's e-mail is on the billing address only.
      customer_email: i % 2 ? `${o.customer_id}@Example.com` : '',
      billing_email: `${o.customer_id}@example.com`,
      billing_state: o.region_id?.replace(/^BR-/, '') ?? '',
      billing_country: 'BR',
      shipping_state: i % 3 ? (o.region_id?.replace(/^BR-/, '') ?? '') : '',
      shipping_country: i % 3 ? 'BR' : '',
      created_via: i % 5 ? 'checkout' : 'admin',
      line_item_1: 'name:Caneca, azul|quantity:1|total:9.90',
    };
    lines.push(HEADER.map((h) => csvField(row[h] ?? '', ',')).join(','));
  });
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

describe('a WooCommerce export gives the documents of its orders in canonical form', () => {
  const source = olistSampleOrders().slice(0, 1500);
  const imported = woocommerceOrders(wooExport(source), 'orders.csv');
  const canonical: OrderRow[] = source.map((o, i) => ({
    order_id: `WC-${5000 + i}`,
    customer_id: `${o.customer_id}@example.com`,
    ordered_at: o.ordered_at,
    approved_at: o.approved_at ?? null,
    shipped_at: o.shipped_at ?? null,
    status: o.status === 'canceled' ? 'canceled' : o.shipped_at ? 'shipped' : 'processing',
    region_id: o.region_id ?? null,
    region_label: o.region_label ?? null,
    region_group: o.region_group ?? null,
    channel: i % 5 ? 'checkout' : 'admin',
    amount: o.amount ?? 0,
    currency: 'BRL',
  }));
  it('one order per order_id, named by its order_number', () => expect(imported).toEqual(canonical));
  it('cohort, forecast, channels and SLA documents are the same', () => {
    const both = <T>(build: (orders: OrderRow[]) => T) => expect(build(imported)).toEqual(build(canonical));
    both((o) => buildCohort(o, { period: 'month' }));
    both((o) => buildForecast(o, { granularity: 'month', asOf: '2018-08-20' }));
    both((o) => buildChannels(o, {}));
    both((o) => buildRegionalSla(o, { metrics: [parseMetricSpec('dispatch=ordered_at..shipped_at:days:3')] }));
  });
  it("the site's zone moves every date", () => {
    const [first] = woocommerceOrders(wooExport(source.slice(0, 1)), 'orders.csv', { tz: 'Asia/Kolkata' });
    const shifted = new Date(Date.parse(`${source[0]!.ordered_at.replace(' ', 'T')}Z`) - 5.5 * 3600_000);
    expect(first!.ordered_at).toBe(shifted.toISOString().slice(0, 19).replace('T', ' '));
  });
});

describe('refusals name the file, the line, the column and the value', () => {
  const file = (cells: Record<string, string>) =>
    new TextEncoder().encode(`${HEADER.join(',')}\n${HEADER.map((h) => csvField(cells[h] ?? '', ',')).join(',')}\n`);
  it.each([
    [
      'a day-first date',
      { order_id: '1', order_date: '31/12/2025 10:00', customer_email: 'a@b.c', order_total: '1' },
      'x.csv, line 2: column order_date: expected a date such as 2016-09-06 06:29:00, got "31/12/2025 10:00"',
    ],
    [
      'a guest with no e-mail',
      { order_id: '1', order_date: '2025-12-31', customer_id: '0', order_total: '1' },
      'x.csv, line 2: column customer_email: expected the customer',
    ],
    [
      'an amount that is not one',
      { order_id: '1', order_date: '2025-12-31', customer_email: 'a@b.c', order_total: 'ten' },
      'x.csv, line 2: column order_total: expected an amount',
    ],
  ])('%s', (_, cells, message) => expect(() => woocommerceOrders(file(cells), 'x.csv')).toThrow(message));
  it('another kind of file', () => {
    expect(() => woocommerceOrders(new TextEncoder().encode('Name,Email\n#1,a\n'), 'o.csv')).toThrow(
      'o.csv, line 1: missing columns order_id, order_date: not a WooCommerce order export; found Name, Email',
    );
  });
});
