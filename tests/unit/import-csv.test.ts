import { describe, expect, it } from 'vitest';
import {
  decodeText,
  describeDetected,
  detectDateOrder,
  detectDecimal,
  detectDelimiter,
  importOrdersCsv,
  parseAmount,
  parseTimestamp,
} from '../../src/data/import-csv.js';
import { foldName } from '../../src/data/csv.js';
import { brazilianState } from '../../src/data/regions.js';
import { buildCohort } from '../../src/data/cohort.js';
import { buildRegionalSla, parseMetricSpec } from '../../src/data/regional-sla.js';
import { buildFunnelFromOrders } from '../../src/data/funnel.js';
import type { OrderRow } from '../../src/data/orders.js';
import { olistSampleOrders } from '../data/olist.js';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detection, each overridable', () => {
  it('encoding: UTF-8 with or without a BOM; Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(utf8('\ufeffid;Situação\n'))).toEqual({ text: 'id;Situação\n', encoding: 'utf-8' });
    expect(decodeText(utf8('id;Situação\n')).encoding).toBe('utf-8');
    expect(decodeText(latin1('id;Situação\n'))).toEqual({ text: 'id;Situação\n', encoding: 'windows-1252' });
    expect(decodeText(latin1('id;Situação\n'), 'windows-1252').text).toBe('id;Situação\n');
  });
  it.each([
    ['id,cliente,valor\n1,a,10\n2,b,20\n', ','],
    ['id;cliente;valor\n1;a;1.653,78\n2;b;10,00\n', ';'],
    ['id\tcliente\tvalor\n1\ta\t10\n', '\t'],
    ['id|cliente|valor\n1|a|10\n', '|'],
    ['id;nome;valor\n1;"Silva, Ana";10,5\n', ';'],
    ['id\n1\n', ','],
  ])('delimiter of %j is %j', (text, d) => expect(detectDelimiter(text)).toBe(d));
  it.each([
    [['1.653,78', '10,00'], ','],
    [['1653,78'], ','],
    [['R$ 1.234,56'], ','],
    [['1,653.78'], '.'],
    [['12.5'], '.'],
    [['10', '20'], '.'],
    [[], '.'],
    [['1.234', '12,5'], ','],
  ] as const)('decimal of %j is %j', (values, mark) => expect(detectDecimal(values)).toBe(mark));
  it.each([
    ['1.653,78', ',', 1653.78],
    ['R$ 1.653,78', ',', 1653.78],
    ['-12,5', ',', -12.5],
    ['1,653.78', '.', 1653.78],
    ['', ',', null],
    ['abc', ',', NaN],
    ['1.653,78', '.', NaN],
  ] as const)('amount %j with %j is %j', (raw, mark, n) => expect(parseAmount(raw, mark)).toEqual(n));
  it.each([
    [['06/01/2026 11:55', '25/01/2026'], 'dmy'],
    [['01/25/2026'], 'mdy'],
    [['2026-01-06 11:55:00'], 'iso'],
    [['06/01/2026', '05/02/2026'], null],
    [[], 'iso'],
  ] as const)('date order of %j is %j', (values, order) => expect(detectDateOrder(values)).toBe(order));
  it.each([
    ['06/01/2026 11:55', 'dmy', '2026-01-06 11:55:00'],
    ['6/1/2026', 'dmy', '2026-01-06 00:00:00'],
    ['01/06/2026 09:05:07', 'mdy', '2026-01-06 09:05:07'],
    ['2023-01-05 10:12:33 -0300', 'dmy', '2023-01-05 10:12:33-03:00'],
    ['2026-01-06', 'iso', '2026-01-06'],
    ['', 'dmy', null],
    ['31/02/2026', 'dmy', undefined],
    ['06/01/2026', 'iso', undefined],
    ['25/13/2026', 'dmy', undefined],
    ['06/01/2026 25:00', 'dmy', undefined],
  ] as const)('timestamp %j read %s is %j', (raw, order, out) => expect(parseTimestamp(raw, order)).toBe(out));
  it('says what it detected in one line', () => {
    expect(
      describeDetected({ encoding: 'windows-1252', delimiter: ';', decimal: ',', dateOrder: 'dmy', columns: {} }),
    ).toBe("Windows-1252, ';', decimal ',', dates DD/MM/YYYY");
    expect(describeDetected({ encoding: 'utf-8', delimiter: '\t', decimal: '.', dateOrder: 'iso', columns: {} })).toBe(
      "UTF-8, tab, decimal '.', dates ISO 8601",
    );
  });
});

describe('names and regions', () => {
  it.each([
    ['Data do Pedido', 'data_do_pedido'],
    ['  SITUAÇÃO ', 'situacao'],
    ['order_id', 'order_id'],
    ['Nº Pedido', 'n_pedido'],
  ])('%j folds to %j', (a, b) => expect(foldName(a)).toBe(b));
  it.each([
    ['SP', 'BR-SP'],
    ['sp', 'BR-SP'],
    ['São Paulo', 'BR-SP'],
    ['sao paulo', 'BR-SP'],
    ['BR-RJ', 'BR-RJ'],
    ['XX', null],
    ['', null],
  ])('state %j is %j', (v, id) => {
    expect(brazilianState(v)?.region_id ?? null).toBe(id);
  });
  it('a state gets its name and macro-region', () =>
    expect(brazilianState('mg')).toEqual({
      region_id: 'BR-MG',
      region_label: 'Minas Gerais',
      region_group: 'Sudeste',
    }));
});

/**
 * Canonical orders written as a Brazilian Excel export: Windows-1252, ';', DD/MM/YYYY HH:mm, 1.234,56, Portuguese
 * headers and statuses.
 */
function ptBrExport(orders: readonly OrderRow[]): Uint8Array {
  const STATUS: Record<string, string> = {
    delivered: 'Entregue',
    shipped: 'Enviado',
    canceled: 'Cancelado',
    unavailable: 'Indisponível',
    invoiced: 'Faturado',
    processing: 'Em processamento',
    approved: 'Aprovado',
    created: 'Criado',
  };
  const date = (t: string | null | undefined) =>
    t ? `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}` : '';
  const money = (a: number | null | undefined) =>
    a === null || a === undefined
      ? ''
      : a.toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const head =
    'Nº do Pedido;Cliente;Data do Pedido;Pagamento Aprovado;Enviado ' +
    'em;Entregue em;Previsão de Entrega;Situação;Estado;Valor Total';
  const rows = orders.map((o) =>
    [
      o.order_id,
      o.customer_id,
      date(o.ordered_at),
      date(o.approved_at),
      date(o.shipped_at),
      date(o.delivered_at),
      date(o.promised_at),
      STATUS[o.status ?? ''] ?? o.status ?? '',
      o.region_id?.slice(3) ?? '',
      money(o.amount),
    ].join(';'),
  );
  return latin1(`${[head, ...rows].join('\r\n')}\r\n`);
}

const MAPPING = {
  map: {
    order_id: 'Nº do Pedido',
    customer_id: 'cliente',
    ordered_at: 'data do pedido',
    approved_at: 'Pagamento Aprovado',
    shipped_at: 'Enviado em',
    delivered_at: 'Entregue em',
    promised_at: 'Previsão de Entrega',
    status: 'Situação',
    region_id: 'Estado',
    amount: 'Valor Total',
  },
  statuses: {
    delivered: ['Entregue'],
    shipped: ['Enviado'],
    canceled: ['Cancelado'],
    unavailable: ['Indisponível'],
    invoiced: ['Faturado'],
    processing: ['Em processamento'],
    approved: ['Aprovado'],
    created: ['Criado'],
  },
} as const;

describe('a pt-BR export, mapped, gives the documents of the same orders in canonical form', () => {
  // The Olist sample to the minute (an export has no seconds), without the review columns (it has none either).
  const canonical: OrderRow[] = olistSampleOrders()
    .slice(0, 3000)
    .map((o) => {
      const min = (t: string | null | undefined) => (t ? `${t.slice(0, 16)}:00` : null);
      return {
        order_id: o.order_id,
        customer_id: o.customer_id,
        ordered_at: min(o.ordered_at)!,
        approved_at: min(o.approved_at),
        shipped_at: min(o.shipped_at),
        delivered_at: min(o.delivered_at),
        promised_at: min(o.promised_at),
        status: o.status ?? null,
        region_id: o.region_id ?? null,
        region_label: o.region_label ?? null,
        region_group: o.region_group ?? null,
        amount: o.amount ?? null,
        currency: 'BRL',
      };
    });
  const { orders, detected } = importOrdersCsv(ptBrExport(canonical), 'pedidos.csv', { ...MAPPING, currency: 'BRL' });

  it('detects Windows-1252, ;, decimal comma and day-first dates', () => {
    expect(describeDetected(detected)).toBe("Windows-1252, ';', decimal ',', dates DD/MM/YYYY");
    expect(orders).toHaveLength(3000);
  });
  it('the rows are the canonical rows', () => {
    expect(orders).toEqual(
      canonical
        .map((o) => ({ ...o, review_score: undefined, reviewed_at: undefined }))
        .map((o) => JSON.parse(JSON.stringify(o)) as OrderRow),
    );
  });
  it('cohort, SLA and funnel documents are the same', () => {
    expect(buildCohort(orders, { period: 'month' })).toEqual(buildCohort(canonical, { period: 'month' }));
    const metrics = ['delivery=ordered_at..delivered_at:days:10', 'approval=ordered_at..approved_at:hours:24'].map(
      parseMetricSpec,
    );
    expect(buildRegionalSla(orders, { metrics })).toEqual(buildRegionalSla(canonical, { metrics }));
    const steps = (['ordered_at', 'approved_at', 'shipped_at', 'delivered_at'] as const).map((column) => ({ column }));
    expect(buildFunnelFromOrders(orders, { steps, segmentBy: 'region_group' })).toEqual(
      buildFunnelFromOrders(canonical, { steps, segmentBy: 'region_group' }),
    );
  });
  it('cancelled orders in Portuguese do not qualify once mapped', () => {
    expect(orders.filter((o) => o.status === 'canceled').length).toBe(
      canonical.filter((o) => o.status === 'canceled').length,
    );
    expect(orders.some((o) => o.status === 'Cancelado')).toBe(false);
  });
});

describe('refusals name the file, line, column and value, and the flag that fixes a wrong guess', () => {
  const file = (text: string) => utf8(text);
  it.each([
    [
      'id;data\n1;06/01/2026\n',
      {},
      'pedidos.csv, line 1: missing columns order_id, customer_id, ' +
        'ordered_at (map them with --map order_id=<your column>); found id, data',
    ],
    [
      'id,cliente;data\n1,a;x\n',
      { map: { order_id: 'id', customer_id: 'cliente' } },
      '--map customer_id=cliente: no such column',
    ],
    [
      'pedido;cliente;data\n1;a;06/01/2026\n2;b;05/02/2026\n',
      { map: { order_id: 'pedido', customer_id: 'cliente', ordered_at: 'data' } },
      'every date could be day first or month first (no day above 12): ' +
        'say which with --date-format DD/MM/YYYY or MM/DD/YYYY',
    ],
    [
      'pedido;cliente;data\n1;a;31/02/2026\n2;b;25/01/2026\n',
      { map: { order_id: 'pedido', customer_id: 'cliente', ordered_at: 'data' } },
      'pedidos.csv, line 2: column data (ordered_at): expected a date, ' +
        'got "31/02/2026" (read as DD/MM/YYYY; --date-format says otherwise)',
    ],
    [
      'pedido;cliente;data;valor\n1;a;25/01/2026;1.653,78\n2;b;25/01/2026;dez\n',
      { map: { order_id: 'pedido', customer_id: 'cliente', ordered_at: 'data', amount: 'valor' } },
      'pedidos.csv, line 3: column valor (amount): expected an amount, ' +
        'got "dez" (decimal \',\'; --decimal says otherwise)',
    ],
    [
      'pedido;cliente;data\n1;;25/01/2026\n',
      { map: { order_id: 'pedido', customer_id: 'cliente', ordered_at: 'data' } },
      'pedidos.csv, line 2: column cliente (customer_id): expected a non-empty id, got nothing',
    ],
  ] as const)('%j', (text, options, message) => {
    expect(() => importOrdersCsv(file(text), 'pedidos.csv', options)).toThrow(message);
  });
  it('a semicolon file read with a forced comma says the delimiter may be wrong', () => {
    expect(() => importOrdersCsv(file('pedido;cliente;data\n1;a;25/01/2026\n'), 'p.csv', { delimiter: ',' })).toThrow(
      'p.csv, line 1: one column, "pedido;cliente;data": the fields seem separated by semicolons, not commas; ' +
        "read it with --delimiter ';'",
    );
  });
  it('a given date format wins over detection', () => {
    const { orders } = importOrdersCsv(file('order_id;customer_id;ordered_at\n1;a;06/01/2026\n'), 'p.csv', {
      dateOrder: 'mdy',
    });
    expect(orders[0]!.ordered_at).toBe('2026-06-01 00:00:00');
  });
});
