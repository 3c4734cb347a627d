// The data path's readers: the CSV reader, canonical orders and their files, the Olist adapter, and the built-in
// labels a builder writes. The builders in memory: data-builders.test.ts.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CsvError, CsvReader, parseCsv, requireColumns, type CsvRow } from '../../src/data/csv.js';
import { isQualifying, utcDay, type OrderRow } from '../../src/data/orders.js';
import { buildForecast } from '../../src/data/forecast.js';
import { ordersFromCsv, ordersToCsv } from '../../src/data/read.js';
import { olistOrders } from '../../src/data/olist.js';
import { builtInLabel } from '../../src/data/labels.js';
import { buildChannels } from '../../src/data/channels.js';
import { PROJECT_FIXTURES } from './fixtures.js';
import { OLIST_DIR, SHARED_OLIST_DIR, olistFiles, olistSampleOrders } from '../data/olist.js';

describe('parseCsv', () => {
  it('quoted fields with commas, doubled quotes and line breaks; CRLF; a BOM; blank last line', () => {
    const t = parseCsv('\ufeffid,text,n\r\n1,"a, b",2\r\n2,"say ""hi""\nthere",3\r\n\r\n');
    expect(t.header).toEqual(['id', 'text', 'n']);
    expect(t.records.map((r) => r.values['text'])).toEqual(['a, b', 'say "hi"\nthere']);
    expect(t.records.map((r) => r.line)).toEqual([2, 3]);
  });
  it.each([
    ['id,n\n1,"open\n2,3\n', 'input, line 2: a quoted field that never closes'],
    ['id,n\n1,2\n3\n', 'input, line 3: expected 2 fields (id, n), got 1'],
    ['id,n\n1,2"x"\n', 'input, line 2: a quote inside an unquoted field'],
    ['', 'input, line 1: expected a header row, got an empty file'],
  ])('%j fails with its line', (text, message) => {
    expect(() => parseCsv(text)).toThrow(message);
    expect(() => parseCsv(text)).toThrow(CsvError);
  });
  it('read in pieces (a stream), at every split point, the records and their lines are the same', () => {
    const text = '\ufeffid,text,n\r\n1,"a, b",2\r\n2,"say ""hi""\r\nthere",3\r\n"",,\n4,"""",5\r\n';
    const rows = (pieces: string[]) => {
      const out: CsvRow[] = [];
      const reader = new CsvReader('input', ',', (r) => void out.push(r));
      pieces.forEach((p, k) => reader.push(p, k === pieces.length - 1));
      return out;
    };
    const whole = rows([text]);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 3, 5, 6]);
    expect(whole[2]!.fields[1]).toBe('say "hi"\r\nthere');
    expect(whole[4]!.fields).toEqual(['4', '"', '5']);
    for (let a = 0; a <= text.length; a++) {
      expect(rows([text.slice(0, a), text.slice(a)]), `split at ${a}`).toEqual(whole);
    }
    expect(rows([...text, ''])).toEqual(whole);
  });
  it('stops when asked: the rest is never read', () => {
    const seen: number[] = [];
    const reader = new CsvReader('input', ',', (r) => (seen.push(r.line), r.line === 2));
    expect(reader.push('a\n1\n2\n3\n')).toBe(true);
    expect(reader.push('4\n', true)).toBe(true);
    expect(seen).toEqual([1, 2]);
  });
  it('a missing column lists the columns found', () => {
    expect(() => requireColumns(parseCsv('a,b\n1,2\n'), 'orders.csv', ['order_id', 'b'])).toThrow(
      'orders.csv, line 1: missing column order_id; found a, b',
    );
  });
});

describe('canonical orders', () => {
  it.each([
    ['2018-06-12 20:07:44', '2018-06-12'],
    ['2018-06-12T23:30:00-03:00', '2018-06-13'],
    ['2018-06-12T01:00:00+03:00', '2018-06-11'],
    ['2018-06-12', '2018-06-12'],
    ['2018-02-30', null],
    ['2018-06-12 23:30:00+00', '2018-06-12'],
    ['2018-06-12 23:30:00-0300', '2018-06-13'],
    ['2018-06-12T23:30Z', '2018-06-12'],
    ['2018-02-30T10:00:00Z', null],
    // Not ISO 8601: what Date.parse alone would take (as 1 June, or 12 June), DuckDB refuses, so the memory engine does
    // too.
    ['06/01/2026 11:55', null],
    ['June 12, 2018', null],
    ['2018-06-12T10:00:00 GMT', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ] as const)('utcDay(%j) = %j', (ts, day) => expect(utcDay(ts)).toBe(day));
  it.each([
    [null, true],
    ['delivered', true],
    ['canceled', false],
    ['cancelled', false],
    ['unavailable', false],
    ['shipped', true],
  ] as const)('status %j qualifies: %s', (status, q) => expect(isQualifying({ status })).toBe(q));
});

describe('orders files', () => {
  it('written and read back unchanged: commas and quotes quoted, a leading = kept as data, nulls empty', () => {
    const rows: OrderRow[] = [
      {
        order_id: '1',
        customer_id: 'a',
        ordered_at: '2026-11-01 10:00:00',
        region_label: 'Rio de Janeiro, "RJ"',
        channel: '=store',
        amount: 10.5,
        review_score: null,
      },
      { order_id: '2', customer_id: 'b', ordered_at: '2026-11-02 10:00:00', status: 'canceled' },
    ];
    const back = ordersFromCsv(ordersToCsv(rows), 'orders.csv');
    expect(back[0]).toMatchObject({
      region_label: 'Rio de Janeiro, "RJ"',
      channel: '=store',
      amount: 10.5,
      delivered_at: null,
    });
    expect(back[1]).toMatchObject({ order_id: '2', status: 'canceled' });
    expect(back[1]!.amount ?? null).toBeNull();
  });
});

describe('the Olist adapter', () => {
  it('maps the files to canonical orders: the person, the payments summed, the latest review, the state', () => {
    const rows = olistOrders({
      orders:
        'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,' +
        'order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date\n' +
        'o1,k1,delivered,2018-06-12 20:07:44,2018-06-12 20:44:26,,2018-06-19 12:44:08,2018-07-17 00:00:00\n',
      customers:
        'customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state\n' +
        'k1,person1,8775,mogi,SP\n',
      payments:
        'order_id,payment_sequential,payment_type,payment_installments,payment_value\n' +
        'o1,1,credit_card,8,100.10\no1,2,voucher,1,7.5\n',
      reviews:
        'review_id,order_id,review_score,review_comment_title,review_comment_message,' +
        'review_creation_date,review_answer_timestamp\n' +
        'r1,o1,2,,"bad, ""really""\nbad",2018-06-20 00:00:00,2018-06-21 00:00:00\nr2,o1,5,,,2018-06-25 00:00:00,\n',
    });
    expect(rows).toEqual([
      {
        order_id: 'o1',
        customer_id: 'person1',
        ordered_at: '2018-06-12 20:07:44',
        approved_at: '2018-06-12 20:44:26',
        shipped_at: null,
        delivered_at: '2018-06-19 12:44:08',
        promised_at: '2018-07-17 00:00:00',
        reviewed_at: '2018-06-25 00:00:00',
        review_score: 5,
        status: 'delivered',
        region_id: 'BR-SP',
        region_label: 'São Paulo',
        region_group: 'Sudeste',
        amount: 107.6,
        currency: 'BRL',
      },
    ]);
  });
  it('an impossible timestamp stops the import at its file, line and column', () => {
    expect(() =>
      olistOrders({
        orders:
          'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at\n' +
          'o1,k1,delivered,2018-06-12 20:07:44,\n' +
          'o2,k2,delivered,2018-06-12 20:07:44,2018-06-31 10:00:00\n',
      }),
    ).toThrow(
      'olist_orders_dataset.csv, line 3: column order_approved_at: ' +
        'expected a timestamp such as 2017-10-02 10:56:33, got "2018-06-31 10:00:00"',
    );
  });
  it("the project's Olist forecast fixtures are what the data path builds from the raw rows (data/olist)", () => {
    const orders = olistSampleOrders();
    expect(orders).toHaveLength(15000);
    const fixture = JSON.parse(readFileSync(path.join(PROJECT_FIXTURES, 'forecast.daily-revenue.json'), 'utf8')) as {
      points: unknown[];
    };
    const built = buildForecast(orders, { granularity: 'day', from: '2018-01-01', asOf: '2018-08-20' });
    expect(built.points).toEqual(fixture.points);
  });
  it.runIf(existsSync(SHARED_OLIST_DIR))(
    "the project's copy (data/olist) gives the same canonical orders as ../shared/data/olist",
    () => {
      expect(olistSampleOrders(OLIST_DIR)).toEqual(olistSampleOrders(SHARED_OLIST_DIR));
      // Every column the adapter reads is kept whole: the orders, customers and payments files byte for byte.
      for (const f of ['orders', 'customers', 'payments'] as const)
        expect(olistFiles(OLIST_DIR)[f], f).toBe(olistFiles(SHARED_OLIST_DIR)[f]);
    },
  );
});

describe('built-in labels a builder writes', () => {
  it.each([
    ['revenue', 'en', 'Revenue'],
    ['revenue', 'pt-BR', 'Receita'],
    ['revenue', 'pt', 'Receita'],
    ['revenue', 'es-MX', 'Ingresos'],
    ['averageTicket', 'pt-BR', 'Ticket médio'],
    ['repeatRate', 'es', 'Tasa de recompra'],
    ['orders', 'fr', 'Orders'],
    ['customers', 'PT-br', 'Clientes'],
  ] as const)('%s in %s is %s', (key, locale, label) => {
    expect(builtInLabel(key, locale)).toBe(label);
  });
  it('channels and forecast documents carry them in the asked language', () => {
    const orders: OrderRow[] = [
      { order_id: '1', customer_id: 'a', ordered_at: '2026-10-03 10:00:00', amount: 10, channel: 'web' },
    ];
    expect(buildChannels(orders, { locale: 'pt-BR' }).metrics.map((m) => m.label)).toEqual([
      'Receita',
      'Pedidos',
      'Clientes',
      'Ticket médio',
      'Taxa de recompra',
    ]);
    expect(buildChannels(orders).metrics[0]!.label).toBe('Revenue');
    expect(buildForecast(orders, { granularity: 'month', locale: 'es' }).metric.label).toBe('Ingresos');
  });
});
