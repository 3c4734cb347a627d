// The kpi-kit command line refusing what it cannot build honestly (no qualifying row, a named column missing, too
// many channels, an unknown option), and importing stores' own exports (a pt-BR Excel CSV, Shopify, VTEX,
// Nuvemshop, WooCommerce).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OLIST, run, scratch } from '../data/cli.mjs';

const { dir, file } = scratch();

test('a file with no qualifying row is refused (exit 1, --out untouched) unless --allow-empty', () => {
  const headerOnly = file('header-only.csv', 'order_id,customer_id,ordered_at,status,amount\n');
  const canceled = file(
    'all-canceled.csv',
    'order_id,customer_id,ordered_at,status,amount\n1,a,2026-01-05,canceled,10\n',
  );
  const out = file('good-cohort.json', '{"a good document": true}\n');
  for (const [orders, engine] of [
    [headerOnly, 'duckdb'],
    [canceled, 'duckdb'],
    [canceled, 'memory'],
  ]) {
    const r = run('build', 'cohort', '--orders', orders, '--engine', engine, '--out', out);
    assert.equal(r.status, 1, `${orders} ${engine}`);
    assert.match(
      r.stderr,
      new RegExp(
        'nothing to build from .*: no qualifying order in the period, so no cohort; ' +
          '.*good-cohort\\.json left as it was \\(--allow-empty writes the empty document\\)',
      ),
    );
    assert.equal(readFileSync(out, 'utf8'), '{"a good document": true}\n');
  }
  const allowed = run('build', 'cohort', '--orders', headerOnly, '--allow-empty', '--out', out);
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).cohorts, []);
});

test('a column the build names (--segment-by, a step, a metric end) must be in the file: the error lists them', () => {
  const orders = file(
    'no-group.csv',
    'order_id,customer_id,ordered_at,approved_at\n1,a,2026-01-05 10:00:00,2026-01-05 11:00:00\n',
  );
  const asJson = file(
    'no-group.json',
    JSON.stringify([
      { order_id: '1', customer_id: 'a', ordered_at: '2026-01-05 10:00:00', approved_at: '2026-01-05 11:00:00' },
    ]),
  );
  for (const [f, engine] of [
    [orders, 'duckdb'],
    [orders, 'memory'],
    [asJson, 'duckdb'],
    [asJson, 'memory'],
  ]) {
    const r = run(
      'build',
      'funnel',
      '--orders',
      f,
      '--engine',
      engine,
      '--steps',
      'ordered_at,approved_at',
      '--segment-by',
      'region_group',
    );
    assert.equal(r.status, 1, `${f} ${engine}: ${r.stderr}`);
    assert.match(
      r.stderr,
      /the build names column region_group, which is not in it; found order_id, customer_id, ordered_at, approved_at/,
      `${f} ${engine}`,
    );
  }
  const sla = run('build', 'regional-sla', '--orders', orders, '--metric', 'd=ordered_at..delivered_at:days:3');
  assert.equal(sla.status, 1);
  assert.match(
    sla.stderr,
    /names column delivered_at, which is not in it; found order_id, customer_id, ordered_at, approved_at/,
  );
  const ok = run('build', 'funnel', '--orders', orders, '--steps', 'ordered_at,approved_at');
  assert.equal(ok.status, 0, ok.stderr);
});

test('more channels than the overlap recipe counts: a clear error naming the limit, on every engine', () => {
  const rows = (n) =>
    [
      'order_id,customer_id,ordered_at,amount,channel',
      ...Array.from(
        { length: n },
        (_, i) => `${i},c${i % 5},2026-01-0${1 + (i % 9)},10,ch${String(i).padStart(2, '0')}`,
      ),
    ].join('\n');
  const many = file('ch64.csv', `${rows(64)}\n`);
  for (const engine of ['duckdb', 'memory']) {
    const r = run('build', 'channels', '--orders', many, '--engine', engine);
    assert.equal(r.status, 1, engine);
    assert.match(r.stderr, /64 channels, more than the 63 whose overlaps kpi-kit counts/, engine);
    assert.doesNotMatch(r.stderr, /Overflow/);
  }
  const limit = run('build', 'channels', '--orders', file('ch63.csv', `${rows(63)}\n`));
  assert.equal(limit.status, 0, limit.stderr);
  assert.equal(JSON.parse(limit.stdout).channels.length, 63);
});

test('an unknown option is a usage error (exit 2) naming it, and the option meant where one is close', () => {
  const orders = file('one.csv', 'order_id,customer_id,ordered_at\n1,a,2026-01-05\n');
  const bogus = run('build', 'cohort', '--orders', orders, '--bogus', '1');
  assert.equal(bogus.status, 2);
  assert.match(bogus.stderr, /unknown option --bogus for build\n/);
  const misspelt = run(
    'build',
    'funnel',
    '--orders',
    orders,
    '--steps',
    'ordered_at,approved_at',
    '--segmentby',
    'region_id',
  );
  assert.equal(misspelt.status, 2);
  assert.match(misspelt.stderr, /unknown option --segmentby for build; did you mean --segment-by\?/);
  assert.equal(run('import', 'olist', OLIST, '--outt', 'x.csv').status, 2);
  assert.match(run('check', orders, '--out', 'x').stderr, /unknown option --out for check/);
});

test(
  'import csv: a pt-BR Excel export (Windows-1252, ;, DD/MM/YYYY HH:mm, 1.234,56, Portuguese headers and statuses)' +
    ' with a mapping file builds what its canonical orders build',
  () => {
    const canonical = [
      ['A1', 'ana', '2026-01-06 11:55:00', '2026-01-06 12:10:00', '2026-01-08 09:00:00', 'delivered', 'BR-SP', 1653.78],
      ['A2', 'ana', '2026-02-14 08:05:00', '2026-02-14 08:30:00', null, 'canceled', 'BR-SP', 99.9],
      ['B1', 'bruno', '2026-01-25 19:40:00', '2026-01-25 20:00:00', '2026-01-30 14:00:00', 'delivered', 'BR-MG', 250],
      ['C1', 'carla', '2026-02-02 10:00:00', null, null, 'delivered', 'BR-RJ', 1200.5],
    ];
    // The Brazilian states' names and macro-regions, as the import fills them in from the UF.
    const NAMES = { 'BR-SP': 'São Paulo,Sudeste', 'BR-MG': 'Minas Gerais,Sudeste', 'BR-RJ': 'Rio de Janeiro,Sudeste' };
    const header =
      'order_id,customer_id,ordered_at,approved_at,delivered_at,status,region_id,amount,region_label,region_group';
    const csv = file(
      'canon.csv',
      `${header}\n${canonical.map((r) => [...r.map((v) => v ?? ''), NAMES[r[6]]].join(',')).join('\n')}\n`,
    );
    const br = (t) => (t ? `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}` : '');
    const status = { delivered: 'Entregue', canceled: 'Cancelado' };
    const lines = [
      'Nº do Pedido;Cliente;Data do Pedido;Aprovação;Entrega;Situação;UF;Valor Total',
      ...canonical.map(([id, c, o, a, d, s, r, v]) =>
        [
          id,
          c,
          br(o),
          br(a),
          br(d),
          status[s],
          r.slice(3),
          v.toLocaleString('pt-BR', { minimumFractionDigits: 2 }),
        ].join(';'),
      ),
    ];
    const exported = path.join(dir, 'pedidos.csv');
    writeFileSync(exported, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
    const mapping = file(
      'mapping.json',
      JSON.stringify({
        order_id: 'Nº do Pedido',
        customer_id: 'cliente',
        ordered_at: 'data do pedido',
        approved_at: 'Aprovação',
        delivered_at: 'Entrega',
        status: 'situacao',
        region_id: 'UF',
        amount: 'Valor Total',
        statuses: { canceled: ['Cancelado'] },
      }),
    );
    const imported = file('imported.csv');
    const r = run(
      'import',
      'csv',
      exported,
      '--map-file',
      mapping,
      '--map-status',
      'delivered=Entregue',
      '--out',
      imported,
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /detected: Windows-1252, ';', decimal ',', dates DD\/MM\/YYYY/);
    assert.match(r.stderr, /columns: order_id ← Nº do Pedido, customer_id ← Cliente, ordered_at ← Data do Pedido/);
    for (const build of [
      ['cohort'],
      ['regional-sla', '--metric', 'delivery=ordered_at..delivered_at:days:3'],
      ['funnel', '--steps', 'ordered_at,approved_at,delivered_at'],
    ]) {
      const a = run('build', ...build, '--orders', imported);
      const b = run('build', ...build, '--orders', csv);
      assert.equal(a.status, 0, a.stderr);
      assert.equal(a.stdout, b.stdout, build[0]);
    }
    // The store's clock: with --tz its times are written in UTC (three hours later in São Paulo).
    const zoned = file('zoned.csv');
    const z = run('import', 'csv', exported, '--map-file', mapping, '--tz', 'America/Sao_Paulo', '--out', zoned);
    assert.equal(z.status, 0, z.stderr);
    assert.match(z.stderr, /dates DD\/MM\/YYYY, times in America\/Sao_Paulo written in UTC/);
    assert.match(readFileSync(zoned, 'utf8'), /^A1,ana,2026-01-06 14:55:00,2026-01-06 15:10:00,,2026-01-08 12:00:00,/m);
    assert.equal(run('import', 'csv', exported, '--tz', 'Sao Paulo', '--out', file('x.csv')).status, 2);
    assert.equal(run('import', 'olist', dir, '--tz', 'UTC', '--out', file('x.csv')).status, 2);
    // Every day ≤ 12 and no flag: refused, asking for --date-format; then given, it reads.
    const ambiguous = file('ambiguous.csv', 'order_id;customer_id;ordered_at\n1;a;06/01/2026\n2;b;05/02/2026\n');
    const refused = run('import', 'csv', ambiguous, '--out', file('never.csv'));
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /say which with --date-format DD\/MM\/YYYY or MM\/DD\/YYYY/);
    assert.equal(run('import', 'csv', ambiguous, '--date-format', 'DD/MM/YYYY', '--out', file('ok.csv')).status, 0);
    assert.equal(run('import', 'csv', ambiguous, '--date-format', 'YYYY', '--out', file('x.csv')).status, 2);
    assert.equal(run('import', 'csv', exported, '--map', 'pedido=Nº do Pedido', '--out', file('x.csv')).status, 2);
  },
);

test('import shopify: several line items per order give one canonical order each, which builds', () => {
  const header =
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Total,Created at,' +
    'Lineitem quantity,Lineitem name,Shipping Province,Shipping Country,Cancelled at,Source';
  const rows = [
    '#1001,Ana@x.com,paid,2026-01-06 12:10:00 -0300,fulfilled,2026-01-08 09:00:00 -0300,BRL,1653.78,' +
      '2026-01-06 11:55:00 -0300,1,"Caneca, azul",SP,BR,,web',
    '#1001,,,,,,,,,2,Prato,,,,',
    '#1002,bruno@x.com,refunded,2026-01-25 20:00:00 -0300,unfulfilled,,BRL,250.00,2026-01-25 19:40:00 -0300,1,Copo,' +
      'MG,BR,2026-01-26 10:00:00 -0300,pos',
  ];
  const exported = file('orders_export.csv', `${header}\n${rows.join('\n')}\n`);
  const out = file('shopify-orders.csv');
  const r = run('import', 'shopify', exported, '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /2 orders from .*orders_export\.csv/);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[1], /^#1001,ana@x\.com,2026-01-06 14:55:00,2026-01-06 15:10:00,2026-01-08 12:00:00,/);
  assert.match(lines[1], /,shipped,BR-SP,São Paulo,Sudeste,web,BRL,1653\.78$/);
  assert.match(lines[2], /,canceled,BR-MG,Minas Gerais,Sudeste,pos,BRL,250$/);
  const cohort = run('build', 'cohort', '--orders', out);
  assert.equal(cohort.status, 0, cohort.stderr);
  assert.equal(JSON.parse(cohort.stdout).cohorts.length, 1, 'the refunded order does not qualify');
});

test('import vtex: a report with a row per SKU (;, decimal comma) gives one canonical order each', () => {
  const report = file(
    'vtex.csv',
    [
      'Order;Creation Date;Email;UF;Status;Total Value;Authorized Date;SalesChannel;Currency Code;Country;SKU Name',
      ...['Caneca', 'Prato'].map(
        (sku) =>
          'v1-01;2026-01-06T11:55:00.0000000-03:00;Ana@x.com;SP;Faturado;1653,78;' +
          `2026-01-06T12:10:00-03:00;1;BRL;BRA;${sku}`,
      ),
      'v2-01;2026-01-25T19:40:00-03:00;bruno@x.com;MG;Cancelado;250,00;;2;BRL;BRA;Copo',
    ].join('\n') + '\n',
  );
  const out = file('vtex-orders.csv');
  const r = run('import', 'vtex', report, '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /2 orders from .*vtex\.csv/);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[1], /^v1-01,ana@x\.com,2026-01-06 14:55:00,2026-01-06 15:10:00,/);
  assert.match(lines[2], /,canceled,BR-MG,Minas Gerais,Sudeste,2,BRL,250$/);
  // Without an offset, a date is read in --tz (UTC unless given, and said).
  const undated = file(
    'vtex-undated.csv',
    'Order;Creation Date;Email;Total Value\nv3;2026-01-06 11:55:00;c@x.com;10,00\n',
  );
  const utc = run('import', 'vtex', undated, '--out', file('u.csv'));
  assert.match(utc.stderr, /dates without an offset read in UTC \(the store's time zone is --tz <IANA zone>\)/);
  const zoned = run('import', 'vtex', undated, '--tz', 'America/Sao_Paulo', '--out', file('z.csv'));
  assert.equal(zoned.status, 0, zoned.stderr);
  assert.match(readFileSync(file('z.csv'), 'utf8'), /^v3,c@x\.com,2026-01-06 14:55:00,/m);
  assert.equal(run('import', 'vtex', undated, '--tz', 'Mars/Olympus', '--out', file('z.csv')).status, 2);
  assert.equal(run('import', 'shopify', undated, '--tz', 'UTC', '--out', file('z.csv')).status, 2);
});

test("import nuvemshop: a Latin-1 sales export with a row per product, in the store's time", () => {
  const vendas = path.join(dir, 'vendas.csv');
  writeFileSync(
    vendas,
    Buffer.from(
      [
        'Número do Pedido;E-mail;Data;Status do Pedido;Status do Pagamento;Status do Envio;Total;Estado;' +
          'Data de pagamento;Data de envío;Nome do Produto',
        '1001;Ana@x.com;06/01/2026 11:55:00;Aberto;Confirmado;Entregue;1653.78;São Paulo;06/01/2026;08/01/2026;Caneca',
        '1001;ana@x.com;;;;;;;;;Prato',
        '1002;bruno@x.com;25/01/2026 19:40:00;Cancelado;Estornado;Não está embalado;250.00;MG;;;Copo',
      ].join('\r\n') + '\r\n',
      'latin1',
    ),
  );
  const out = file('nuvemshop-orders.csv');
  const r = run('import', 'nuvemshop', vendas, '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /2 orders from .*vendas\.csv \(one per Número do Pedido/);
  assert.match(r.stderr, /dates without an offset read in America\/Sao_Paulo/);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[1], /^1001,ana@x\.com,2026-01-06 14:55:00,2026-01-06 03:00:00,2026-01-08 03:00:00,/);
  assert.match(lines[1], /,delivered,BR-SP,São Paulo,Sudeste,,,1653\.78$/);
  assert.match(lines[2], /,canceled,BR-MG,Minas Gerais,Sudeste,,,250$/);
  const cohort = run('build', 'cohort', '--orders', out);
  assert.equal(cohort.status, 0, cohort.stderr);
  assert.equal(JSON.parse(cohort.stdout).cohorts.length, 1, 'the cancelled order does not qualify');
});

test("import woocommerce: the documented columns, a month-first date, the site's zone from --tz", () => {
  const exported = file(
    'woo.csv',
    [
      'order_id,order_number,order_date,paid_date,status,order_total,order_currency,customer_email,billing_email,' +
        'shipping_state,shipping_country,created_via',
      '5001,5001,1/6/2026 11:55:00,1/6/2026 12:10:00,completed,1653.78,BRL,Ana@x.com,,SP,BR,checkout',
      '5002,5002,2026-01-25 19:40:00,,refunded,250.00,BRL,,bruno@x.com,MG,BR,admin',
    ].join('\n') + '\n',
  );
  const out = file('woo-orders.csv');
  const r = run('import', 'woocommerce', exported, '--tz', 'America/Sao_Paulo', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /dates without an offset/);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.match(lines[1], /^5001,ana@x\.com,2026-01-06 14:55:00,2026-01-06 15:10:00,/);
  assert.match(lines[1], /,shipped,BR-SP,São Paulo,Sudeste,checkout,BRL,1653\.78$/);
  assert.match(
    lines[2],
    /^5002,bruno@x\.com,2026-01-25 22:40:00,.*,canceled,BR-MG,Minas Gerais,Sudeste,admin,BRL,250$/,
  );
});
