import { describe, expect, it } from 'vitest';
import { vtexOrders, vtexTime } from '../../src/data/vtex.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildForecast } from '../../src/data/forecast.js';
import { buildChannels } from '../../src/data/channels.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import type { OrderRow } from '../../src/data/orders.js';
import { olistSampleOrders } from '../data/olist.js';

describe("VTEX's dates: ISO 8601, with an offset written in UTC, without one taken as UTC", () => {
  it.each([
    ['2024-01-15T10:12:33.1234567+00:00', '2024-01-15 10:12:33'],
    ['2024-01-15T10:12:33-03:00', '2024-01-15 13:12:33'],
    ['2024-01-15 10:12:33', '2024-01-15 10:12:33'],
    ['2024-01-15', '2024-01-15 00:00:00'],
    ['', null],
    ['15/01/2024 10:12', undefined],
    ['2024-02-30T10:00:00Z', undefined],
  ])('%j → %j', (text, utc) => expect(vtexTime(text)).toBe(utc));
  it("a date without an offset in the store's zone when told; one with an offset keeps it", () => {
    expect(vtexTime('2024-01-15 10:12:33', 'America/Sao_Paulo')).toBe('2024-01-15 13:12:33');
    expect(vtexTime('2024-01-15T10:12:33Z', 'America/Sao_Paulo')).toBe('2024-01-15 10:12:33');
  });
});

// VTEX's order report columns (help.vtex.com, "Order report"): those the preset reads and a few it does not.
const HEADER = [
  'Origin',
  'Order',
  'Sequence',
  'Creation Date',
  'Client Name',
  'Email',
  'UF',
  'City',
  'Estimate Delivery Date',
  'Status',
  'Payment Value',
  'Quantity_SKU',
  'SKU Name',
  'SKU Total Price',
  'Total Value',
  'Authorized Date',
  'SalesChannel',
  'Currency Code',
  'Country',
  'Status raw value (temporary)',
];

/** Our own VTEX report of canonical orders (never a real store's data): `;`, decimal comma, one row per SKU. */
function vtexReport(orders: readonly OrderRow[]): Uint8Array {
  const iso = (t: string | null | undefined) => (t ? `${t.replace(' ', 'T')}.0000000+00:00` : '');
  const lines = [HEADER.join(';')];
  orders.forEach((o, i) => {
    const total = (o.amount ?? 0).toLocaleString('pt-BR', { minimumFractionDigits: 2, useGrouping: false });
    for (let sku = 0; sku <= i % 3; sku++) {
      const row: Record<string, string> = {
        Origin: 'Marketplace',
        Order: `v${1000 + i}-01`,
        'Creation Date': iso(o.ordered_at),
        'Client Name': 'Cliente',
        Email: `${o.customer_id}@Example.com`,
        UF: o.region_id?.replace(/^BR-/, '') ?? '',
        City: 'Cidade',
        'Estimate Delivery Date': iso(o.promised_at),
        Status: o.status === 'canceled' ? 'Cancelado' : 'Faturado',
        Quantity_SKU: String(sku + 1),
        'SKU Name': `Produto ${sku}`,
        'SKU Total Price': '9,90',
        'Total Value': total,
        'Authorized Date': iso(o.approved_at),
        SalesChannel: String(1 + (i % 2)),
        'Currency Code': 'BRL',
        Country: 'BRA',
        'Status raw value (temporary)': o.status === 'canceled' ? 'canceled' : 'invoiced',
      };
      lines.push(HEADER.map((h) => row[h] ?? '').join(';'));
    }
  });
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
}

describe('a VTEX report (one row per SKU) gives the documents of its orders in canonical form', () => {
  const source = olistSampleOrders()
    .slice(0, 1500)
    .map((o) => ({ ...o, status: o.status === 'canceled' ? 'canceled' : 'invoiced' }));
  const imported = vtexOrders(vtexReport(source), 'pedidos.csv');
  const canonical: OrderRow[] = source.map((o, i) => ({
    order_id: `v${1000 + i}-01`,
    customer_id: `${o.customer_id}@example.com`,
    ordered_at: o.ordered_at,
    approved_at: o.approved_at ?? null,
    promised_at: o.promised_at ?? null,
    status: o.status,
    region_id: o.region_id ?? null,
    region_label: o.region_label ?? null,
    region_group: o.region_group ?? null,
    channel: String(1 + (i % 2)),
    amount: o.amount ?? 0,
    currency: 'BRL',
  }));
  it('one order per Order id, its fields from its first row', () => {
    expect(imported).toEqual(canonical);
  });
  it('cohort, forecast, channels and SLA documents are the same', () => {
    const both = <T>(build: (orders: OrderRow[]) => T) => expect(build(imported)).toEqual(build(canonical));
    both((o) => buildCohort(o, { period: 'month' }));
    both((o) => buildForecast(o, { granularity: 'month', asOf: '2018-08-20' }));
    both((o) => buildChannels(o, {}));
    both((o) => buildRegionalSla(o, { metrics: [parseMetricSpec('approval=ordered_at..approved_at:hours:24')] }));
  });
});

describe('refusals name the file, the line, the column and the value', () => {
  const report = (cells: Record<string, string>) =>
    new TextEncoder().encode(`${HEADER.join(';')}\n${HEADER.map((h) => cells[h] ?? '').join(';')}\n`);
  it.each([
    [
      'a day-first date',
      { Order: 'v1', 'Creation Date': '15/01/2024 10:12', Email: 'a@b.c', 'Total Value': '10,00' },
      'x.csv, line 2: column Creation Date: expected an ISO 8601 date such as 2024-01-15T10:12:33Z, ' +
        'got "15/01/2024 10:12"',
    ],
    [
      'an amount that is not one',
      { Order: 'v1', 'Creation Date': '2024-01-15', Email: 'a@b.c', 'Total Value': 'dez' },
      'x.csv, line 2: column Total Value: expected an amount',
    ],
  ])('%s', (_, cells, message) => expect(() => vtexOrders(report(cells), 'x.csv')).toThrow(message));
  it('another kind of file', () => {
    expect(() => vtexOrders(new TextEncoder().encode('order_id,customer_id\n1,a\n'), 'o.csv')).toThrow(
      'o.csv, line 1: missing columns Order, Creation Date: not a VTEX order report; found order_id, customer_id',
    );
  });
});
