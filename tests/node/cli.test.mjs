// The kpi-kit command line as a backend developer meets it: real files in, documents out,
// and broken files answered with the file, line, column and value, exit 1, outputs untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createShopOrders, startClickHouseFront } from '../data/clickhouse-front.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The raw Olist sample the project keeps (gzipped, as `kpi-kit import olist` reads it).
const OLIST = path.join(root, 'data/olist');
const run = (...args) =>
  spawnSync(process.execPath, [path.join(root, 'bin/kpi-kit.mjs'), ...args], { encoding: 'utf8' });
/** `run`, without blocking this process (a server of the test's own answers the command). */
const runAsync = (...args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/kpi-kit.mjs'), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
const dir = mkdtempSync(path.join(tmpdir(), 'kpi-cli-'));
const file = (name, text) => {
  const f = path.join(dir, name);
  if (text !== undefined) writeFileSync(f, text);
  return f;
};
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A throw-away PostgreSQL server with each [table, columns, CSV file] created and loaded; the caller stops it. */
async function postgresWith(tables) {
  const { startPostgres } = await import('../../scripts/postgres.mjs');
  const server = await startPostgres();
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  for (const [table, columns, file] of tables) {
    const copy = path.join(server.dir, path.basename(file));
    copyFileSync(file, copy);
    chmodSync(copy, 0o644);
    await client.query(`CREATE TABLE ${table} (${columns})`);
    await client.query(`COPY ${table} FROM '${copy}' WITH (FORMAT csv, HEADER true)`);
  }
  await client.end();
  return server;
}

test('help, and bad usage exits 2 with one line that says how', () => {
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /kpi-kit build forecast --orders/);
  const bad = run('frobnicate');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^kpi-kit: unknown command frobnicate\n\(kpi-kit --help for the commands\)\n$/);
});

test('build forecast from a CSV of orders, to stdout and to a file', () => {
  const orders = file(
    'orders.csv',
    'order_id,customer_id,ordered_at,status,amount,extra\n' +
      '1,a,2026-10-03 10:00:00,delivered,100,x\n2,b,2026-11-02 08:00:00,canceled,70,y\n' +
      '3,c,2026-11-20 09:00:00,,30.5,z\n',
  );
  const out = run('build', 'forecast', '--orders', orders, '--granularity', 'month', '--title', 'Revenue');
  assert.equal(out.status, 0, out.stderr);
  const doc = JSON.parse(out.stdout);
  assert.deepEqual(doc.points, [
    { period: '2026-10-01', actual: 100 },
    { period: '2026-11-01', actual: 30.5, partial: true },
  ]);
  assert.equal(doc.pacing.asOf, '2026-11-20');
  const target = file('doc.json');
  assert.equal(run('build', 'forecast', '--orders', orders, '--granularity', 'month', '--out', target).status, 0);
  assert.equal(run('check', target).stdout, `${target}: a valid forecast document\n`);
});

test('build cohort: customers by first-purchase month, and revenue', () => {
  const orders = file(
    'cohort-orders.csv',
    'order_id,customer_id,ordered_at,status,amount\n' +
      '1,ana,2026-01-05 10:00:00,delivered,100\n2,bia,2026-02-02 10:00:00,,60\n' +
      '3,ana,2026-03-03 10:00:00,,25.5\n4,bia,2026-03-09 10:00:00,canceled,9\n',
  );
  const customers = run('build', 'cohort', '--orders', orders);
  assert.equal(customers.status, 0, customers.stderr);
  assert.deepEqual(
    JSON.parse(customers.stdout).cohorts.map((c) => [c.id, c.size, c.values]),
    [
      ['2026-01', 1, [1, 0, 1]],
      ['2026-02', 1, [1, 0, null]],
    ],
  );
  const revenue = run('build', 'cohort', '--orders', orders, '--measure', 'revenue', '--currency', 'BRL');
  assert.deepEqual(
    JSON.parse(revenue.stdout).cohorts.map((c) => c.values),
    [
      [100, 0, 25.5],
      [60, 0, null],
    ],
  );
  const bad = run('build', 'cohort', '--orders', orders, '--period', 'year');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--period: expected day, week or month, got year/);
});

test('build regional-sla: repeated --metric, negatives counted on stderr, a bad spec is a usage error', () => {
  const orders = file(
    'sla-orders.csv',
    'order_id,customer_id,ordered_at,approved_at,delivered_at,region_id,region_label\n' +
      '1,a,2026-11-01 00:00:00,2026-11-01 02:00:00,2026-11-03 00:00:00,BR-SP,São ' +
      'Paulo\n2,b,2026-11-01 00:00:00,2026-10-31 00:00:00,2026-11-02 00:00:00,BR-SP,São Paulo\n',
  );
  const r = run(
    'build',
    'regional-sla',
    '--orders',
    orders,
    '--metric',
    'delivery=ordered_at..delivered_at:days:2',
    '--metric',
    'approval=ordered_at..approved_at:hours:24',
  );
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(
    doc.metrics.map((m) => m.id),
    ['delivery', 'approval'],
  );
  assert.deepEqual(doc.regions[0].values, {
    delivery: { p50: 1.5, p90: 1.9, withinTarget: 2, total: 2 },
    approval: { p50: 2, p90: 2, withinTarget: 1, total: 1 },
  });
  assert.match(r.stderr, /left out 1 negative duration of approval/);
  const bad = run('build', 'regional-sla', '--orders', orders, '--metric', 'delivery=ordered_at..arrived_at:days:2');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--metric "delivery=ordered_at\.\.arrived_at:days:2": expected/);
});

test('build funnel from orders: steps over timestamp columns, a bad step list is a usage error', () => {
  const orders = file(
    'funnel-orders.csv',
    'order_id,customer_id,ordered_at,approved_at,delivered_at,status,amount\n' +
      '1,a,2026-11-01 00:00:00,2026-11-01 01:00:00,2026-11-02 01:00:00,delivered,10\n' +
      '2,b,2026-11-01 00:00:00,,,canceled,5\n',
  );
  const r = run('build', 'funnel', '--orders', orders, '--steps', 'ordered_at,approved_at,delivered_at');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    JSON.parse(r.stdout).steps.map((s) => [s.id, s.count, s.medianSecondsFromPrevious]),
    [
      ['ordered_at', 2, undefined],
      ['approved_at', 1, 3600],
      ['delivered_at', 1, 86400],
    ],
  );
  const bad = run('build', 'funnel', '--orders', orders, '--steps', 'ordered_at,paid_at');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--steps: expected two or more of ordered_at, .*; got paid_at/);
});

test('a broken orders file: file, line, column and value; exit 1; the output file untouched', () => {
  const out = file('keep.json', '{"keep":1}\n');
  for (const [text, message] of [
    [
      'order_id,customer_id,ordered_at,amount\n1,a,2026-11-02 10:00:00,10\n2,b,soon,5\n',
      /bad\.csv, line 3: column ordered_at: expected an ISO 8601 timestamp, got "soon"/,
    ],
    [
      'order_id,customer_id,ordered_at,amount\n1,a,2026-11-02 10:00:00,ten\n',
      /bad\.csv, line 2: column amount: expected a number, got "ten"/,
    ],
    [
      'id,customer,when\n1,a,2026-11-02\n',
      /bad\.csv, line 1: missing columns order_id, customer_id, ordered_at; found id, customer, when/,
    ],
    ['order_id,customer_id,ordered_at\n1,a,"2026-11-02\n', /bad\.csv, line 2: a quoted field that never closes/],
  ]) {
    const r = run('build', 'forecast', '--orders', file('bad.csv', text), '--granularity', 'month', '--out', out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, message);
    assert.equal(readFileSync(out, 'utf8'), '{"keep":1}\n');
  }
  const missing = run('build', 'forecast', '--orders', path.join(dir, 'nope.csv'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.csv: no such file/);
});

test('check: each problem with its JSON path, exit 1; text that is not JSON', () => {
  const bad = run(
    'check',
    file(
      'bad-doc.json',
      JSON.stringify({
        kind: 'forecast',
        version: 1,
        metric: { label: 'x', format: 'number' },
        granularity: 'month',
        points: [{ period: '2026-01-02', actual: 1 }],
      }),
    ),
  );
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /points\[0\]\.period: expected the first day of a month, got 2026-01-02/);
  const broken = run('check', file('broken.json', '{nope'));
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /expected JSON text/);
});

test('import olist, then build: the same daily revenue as the demo fixture', () => {
  const orders = file('olist-orders.csv');
  const imported = run('import', 'olist', OLIST, '--out', orders);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stderr, /15000 orders written/);
  const built = run(
    'build',
    'forecast',
    '--orders',
    orders,
    '--granularity',
    'day',
    '--from',
    '2018-01-01',
    '--as-of',
    '2018-08-20',
  );
  assert.equal(built.status, 0, built.stderr);
  const fixture = JSON.parse(readFileSync(path.join(root, 'demo/public/data/forecast.daily-revenue.json'), 'utf8'));
  assert.deepEqual(JSON.parse(built.stdout).points, fixture.points);
});

test('insights: the sentences of a document in its language, as text, markdown or JSON; bad usage exit 2', () => {
  const doc = path.join(root, 'demo/public/data/regional-sla.states.pt-BR.json');
  const text = run('insights', doc, '--locale', 'pt-BR');
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^26 de 27 regiões estouram a meta de “Prazo de entrega \(pedido → entrega\)”\.\n/);
  const md = run('insights', doc, '--locale', 'es', '--format', 'markdown');
  assert.match(md.stdout, /^\*\*SLA de entrega por estado — marketplace Olist\*\*\n\n- 26 de 27 regiones incumplen/);
  const json = JSON.parse(run('insights', doc, '--format', 'json').stdout);
  assert.deepEqual(json[0].facts.breached, { value: 26, format: 'integer' });
  const bad = run('insights', doc, '--locale', 'fr');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--locale: expected en, pt-BR or es, got fr/);
});

test('insights --compare-to: a funnel without a comparison of its own is compared with the earlier document', () => {
  const now = JSON.parse(readFileSync(path.join(root, 'demo/public/data/funnel.leads.json'), 'utf8'));
  delete now.comparison;
  const before = structuredClone(now);
  before.period = { from: '2026-01-01', to: '2026-01-31' };
  // Half as many reached the last step a period before: a change past its noise.
  before.steps.at(-1).count = Math.round(before.steps.at(-1).count / 2);
  const text = run(
    'insights',
    file('now.json', JSON.stringify(now)),
    '--compare-to',
    file('before.json', JSON.stringify(before)),
  );
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout.split('\n')[0], /, \+[\d.]+ p\.p\. against [\d.]+% in “Jan 1\s–\s31, 2026”\.$/);
  const alone = run('insights', file('now.json'));
  assert.doesNotMatch(alone.stdout.split('\n')[0], /against/);
  const other = run(
    'insights',
    file('now.json'),
    '--compare-to',
    path.join(root, 'demo/public/data/regional-sla.states.json'),
  );
  assert.equal(other.status, 2);
  assert.match(other.stderr, /--compare-to: expected a funnel document, got regional-sla/);
});

test('build --insights: the sentences embedded in the --locale, each with its lang; the document still checks', () => {
  const orders = file('olist-insights.csv');
  assert.equal(run('import', 'olist', OLIST, '--out', orders).status, 0);
  const metric = ['--metric', 'delivery=ordered_at..delivered_at:days:10'];
  const built = run(
    'build',
    'regional-sla',
    '--orders',
    orders,
    ...metric,
    '--insights',
    '--locale',
    'pt-BR',
    '--out',
    file('sla.json'),
  );
  assert.equal(built.status, 0, built.stderr);
  const doc = JSON.parse(readFileSync(file('sla.json'), 'utf8'));
  const alone = JSON.parse(run('insights', file('sla.json'), '--locale', 'pt-BR', '--format', 'json').stdout);
  assert.ok(doc.insights.length >= 2);
  assert.deepEqual(
    doc.insights,
    alone.map((i) => ({ ...i, lang: 'pt-BR' })),
  );
  assert.match(doc.insights[0].text, /regiões? estoura/);
  assert.equal(run('check', file('sla.json')).status, 0);
  // Without the switch, no insights.
  const plain = JSON.parse(run('build', 'regional-sla', '--orders', orders, ...metric, '--locale', 'pt-BR').stdout);
  assert.equal(plain.insights, undefined);
});

test("import --store: every order is that store's (store_id); an id with a quote is a usage error", () => {
  const orders = file('olist-store.csv');
  const imported = run('import', 'olist', OLIST, '--out', orders, '--store', 'loja-a');
  assert.equal(imported.status, 0, imported.stderr);
  const [header, ...lines] = readFileSync(orders, 'utf8').trim().split('\n');
  assert.equal(header.split(',').at(-1), 'store_id');
  assert.equal(lines.length, 15000);
  assert.ok(lines.every((l) => l.endsWith(',loja-a')));
  // Without --store the file has no store_id column (as before).
  run('import', 'olist', OLIST, '--out', file('olist-plain.csv'));
  assert.doesNotMatch(readFileSync(file('olist-plain.csv'), 'utf8').split('\n', 1)[0], /store_id/);
  const bad = run('import', 'olist', OLIST, '--out', orders, '--store', "loja'a");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--store: expected an id without spaces, commas or quotes, got "loja'a"/);
});

test('import olist: an impossible timestamp in one row stops the import at its line and column, no output file', () => {
  const broken = path.join(dir, 'olist-broken');
  mkdirSync(broken);
  for (const f of ['orders', 'customers', 'order_payments', 'order_reviews'])
    writeFileSync(
      path.join(broken, `olist_${f}_dataset.csv`),
      gunzipSync(readFileSync(path.join(OLIST, `olist_${f}_dataset.csv.gz`))),
    );
  const lines = readFileSync(path.join(broken, 'olist_orders_dataset.csv'), 'utf8').split('\n');
  lines[41] = lines[41].replace(/,(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}),/, ',2017-02-31 10:00:00,');
  writeFileSync(path.join(broken, 'olist_orders_dataset.csv'), lines.join('\n'));
  const out = path.join(dir, 'never.csv');
  const r = run('import', 'olist', broken, '--out', out);
  assert.equal(r.status, 1);
  const expected =
    'olist_orders_dataset.csv, line 42: column order_purchase_timestamp: ' +
    'expected a timestamp such as 2017-10-02 10:56:33, got "2017-02-31 10:00:00"';
  assert.ok(r.stderr.includes(expected), r.stderr);
  assert.equal(existsSync(out), false);
});

test('engines agree: DuckDB and chDB on CSV, Parquet and JSON, builders in memory, recipes in PostgreSQL', async () => {
  const csv = file('agree.csv');
  const parquet = file('agree.parquet');
  const json = file('agree.json');
  assert.equal(run('import', 'olist', OLIST, '--out', csv).status, 0);
  assert.equal(run('import', 'olist', OLIST, '--out', parquet).status, 0);
  assert.equal(run('import', 'olist', OLIST, '--out', json).status, 0);
  const builds = [
    ['cohort', '--period', 'week', '--measure', 'revenue', '--from', '2017-06-01', '--to', '2017-12-31'],
    [
      'regional-sla',
      '--metric',
      'delivery=ordered_at..delivered_at:days:10',
      '--metric',
      'approval=ordered_at..approved_at:hours:24',
    ],
    ['funnel', '--steps', 'ordered_at,approved_at,shipped_at,delivered_at', '--segment-by', 'region_id'],
    ['channels'],
    ['forecast', '--granularity', 'month', '--tz', 'America/Sao_Paulo'],
  ];
  const server = await postgresWith([
    [
      'shop_orders',
      `order_id text PRIMARY KEY, customer_id text NOT NULL, ` +
        `ordered_at timestamp NOT NULL, approved_at timestamp, shipped_at timestamp,
    delivered_at timestamp, promised_at timestamp, reviewed_at timestamp, ` +
        `review_score smallint, status text, region_id text, ` +
        `region_label text, region_group text,
    channel text, currency char(3), amount numeric(12, 2)`,
      csv,
    ],
  ]);
  try {
    for (const [kind, ...options] of builds) {
      const onCsv = run('build', kind, '--orders', csv, ...options);
      assert.equal(onCsv.status, 0, onCsv.stderr);
      assert.ok(JSON.parse(onCsv.stdout).kind, kind);
      for (const other of [
        ['--orders', parquet],
        ['--orders', json],
        ['--orders', csv, '--engine', 'memory'],
        ['--orders', json, '--engine', 'memory'],
        ['--orders', csv, '--engine', 'clickhouse'],
        // Parquet and JSON on chDB for one kind (each build loads ClickHouse anew: about a second).
        ...(kind === 'cohort'
          ? [
              ['--orders', parquet, '--engine', 'clickhouse'],
              ['--orders', json, '--engine', 'clickhouse'],
            ]
          : []),
        ['--db', server.url, '--orders', 'shop_orders'],
      ]) {
        const r = run('build', kind, ...other, ...options);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, onCsv.stdout, `${kind} ${other.join(' ')}`);
      }
    }
    const noTable = run('build', 'cohort', '--db', server.url, '--orders', 'nope');
    assert.equal(noTable.status, 1);
    assert.match(noTable.stderr, /nope: no such table in the database/);
  } finally {
    server.stop();
  }
});

/**
 * Runs each query of `kpi-kit sql <args> --dialect clickhouse` in chDB and writes its rows to `out` as a user exports
 * them from a console: `<query>.csv` (ClickHouse's CSVWithNames, NULL as \\N) or `<query>.json` (one object a line).
 */
function exportRecipeRows(session, args, out, format = 'CSVWithNames') {
  const printed = run('sql', ...args, '--dialect', 'clickhouse');
  assert.equal(printed.status, 0, printed.stderr);
  mkdirSync(out, { recursive: true });
  const parts = printed.stdout.split(/^-- (?=[a-z_]+$)/m).slice(1);
  assert.ok(parts.length >= 1);
  for (const part of parts) {
    const name = part.slice(0, part.indexOf('\n'));
    const sql = part.slice(name.length).trim().replace(/;$/, '');
    writeFileSync(path.join(out, `${name}.${format === 'CSVWithNames' ? 'csv' : 'json'}`), session.query(sql, format));
  }
  return out;
}

test("--rows-from: ClickHouse recipes run on a ClickHouse table (chDB), exported: DuckDB's documents", async () => {
  const csv = file('rows-from-orders.csv');
  assert.equal(run('import', 'olist', OLIST, '--out', csv).status, 0);
  const { Session } = await import('chdb');
  const session = new Session();
  try {
    // A table as ClickHouse users keep one: String columns with '' for nothing, DateTime64 in São Paulo.
    await createShopOrders((q) => session.query(q), 'shop_orders', csv);
    const builds = [
      ['cohort', '--period', 'week', '--tz', 'America/Sao_Paulo'],
      ['regional-sla', '--metric', 'delivery=ordered_at..delivered_at:days:10'],
      ['funnel', '--steps', 'ordered_at,approved_at,shipped_at,delivered_at', '--segment-by', 'region_id'],
      ['channels'],
      ['forecast', '--granularity', 'month'],
    ];
    for (const [i, [kind, ...options]] of builds.entries()) {
      const duck = run('build', kind, '--orders', csv, ...options);
      assert.equal(duck.status, 0, duck.stderr);
      const format = i % 2 ? 'JSONEachRow' : 'CSVWithNames';
      const rows = exportRecipeRows(
        session,
        [kind, '--orders', 'shop_orders', ...options],
        file(`rows-${kind}`),
        format,
      );
      const r = run('build', kind, '--rows-from', rows, ...options);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, duck.stdout, `${kind} from rows exported as ${format}`);
    }
    // The same table on a ClickHouse server (--db clickhouse://), through the official client.
    const front = await startClickHouseFront(session);
    try {
      const db = `clickhouse://analyst@127.0.0.1:${front.port}/default`;
      for (const [kind, ...options] of builds.slice(0, 2)) {
        const r = await runAsync('build', kind, '--db', db, '--orders', 'shop_orders', ...options);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, run('build', kind, '--orders', csv, ...options).stdout, `${kind} on --db clickhouse://`);
      }
      const none = await runAsync('build', 'cohort', '--db', db, '--orders', 'nope');
      assert.equal(none.status, 1);
      assert.equal(none.stderr, 'kpi-kit: nope: no such table in the database\n');
    } finally {
      await front.close();
    }
    // Snowflake gives unquoted names back in upper case: the headers are read either way.
    const rows = exportRecipeRows(session, ['cohort', '--orders', 'shop_orders'], file('rows-upper'));
    for (const name of ['facts', 'cells']) {
      const f = path.join(rows, `${name}.csv`);
      const [head, ...rest] = readFileSync(f, 'utf8').split('\n');
      writeFileSync(f, [head.toUpperCase(), ...rest].join('\n'));
    }
    assert.equal(run('build', 'cohort', '--rows-from', rows).stdout, run('build', 'cohort', '--orders', csv).stdout);
  } finally {
    session.cleanup();
  }
  const missing = run('build', 'cohort', '--rows-from', file('rows-none', '{"facts": []}'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /rows-none: no rows for the query cells/);
  const mysql = run('build', 'cohort', '--db', 'mysql://shop', '--orders', 'orders');
  assert.equal(mysql.status, 2);
  assert.match(mysql.stderr, /--db: expected postgres:\/\/user@host:5432\/db or clickhouse:\/\/user@host:8123\/db/);
  const serveCh = run('serve', '--orders', 'orders', '--db', 'clickhouse://ch.internal/shop');
  assert.equal(serveCh.status, 2);
  assert.match(serveCh.stderr, /serve --db: expected postgres:\/\//);
  const both = run('build', 'cohort', '--rows-from', file('rows-none'), '--orders', csv);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /--rows-from holds the recipe's rows; leave out --orders/);
});

test('sql prints a recipe per dialect; DuckDB and PostgreSQL share the text', () => {
  const duck = run('sql', 'cohort', '--dialect', 'duckdb', '--period', 'week');
  assert.equal(duck.status, 0, duck.stderr);
  assert.match(duck.stdout, /date_trunc\('week'/);
  assert.equal(
    run('sql', 'cohort', '--dialect', 'postgres', '--period', 'week').stdout.replace('postgres', 'duckdb'),
    duck.stdout,
  );
  assert.match(
    run('sql', 'regional-sla', '--dialect', 'clickhouse', '--metric', 'd=ordered_at..delivered_at:days:10').stdout,
    /arraySort\(groupArray\(toFloat64\(CASE WHEN d0 >= 0 THEN d0 END\)\)\)/,
  );
  const bq = run('sql', 'cohort', '--dialect', 'bigquery', '--orders', 'my-project.shop.orders');
  assert.match(bq.stdout, /FROM `my-project\.shop\.orders`/);
  assert.match(
    run('sql', 'forecast', '--dialect', 'snowflake', '--orders', 'SHOP.PUBLIC.ORDERS').stdout,
    /FROM SHOP\.PUBLIC\.ORDERS/,
  );
  const hostile = run('sql', 'cohort', '--dialect', 'bigquery', '--orders', 'my-project.shop.orders`; DROP TABLE x');
  assert.equal(hostile.status, 2);
  assert.match(hostile.stderr, /--orders: expected a table name/);
  const bad = run('sql', 'cohort', '--dialect', 'oracle');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--dialect: expected duckdb, postgres, bigquery, clickhouse or snowflake, got oracle/);
});

test('events: a funnel and a checkout from GA4-like events; DuckDB, memory, chDB and PostgreSQL agree', async () => {
  const events = file('events.csv');
  const frictions = file('frictions.csv');
  const gen = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/generate-data.mjs'),
      'events',
      '--actors',
      '3000',
      '--out',
      events,
      '--frictions',
      frictions,
      '--seed',
      '7',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(gen.status, 0, gen.stderr);
  const builds = [
    [
      'funnel',
      '--events',
      events,
      '--steps',
      'view_item,add_to_cart,begin_checkout,purchase',
      '--window',
      '7d',
      '--segment-by',
      'device',
    ],
    [
      'checkout-friction',
      '--events',
      events,
      '--frictions',
      frictions,
      '--steps',
      'begin_checkout,add_shipping_info,add_payment_info',
      '--complete',
      'purchase',
      '--from',
      '2024-09-15',
      '--to',
      '2024-11-15',
    ],
  ];
  const server = await postgresWith([
    [
      'web_events',
      'actor_id text, event_name text, event_ts timestamptz, ' +
        'session_id text, value numeric, device text, channel text, region_id text',
      events,
    ],
    [
      'checkout_frictions',
      'actor_id text, event_ts timestamptz, step text, cause_id text, category text, cause_label text',
      frictions,
    ],
  ]);
  try {
    for (const [kind, ...options] of builds) {
      const duck = run('build', kind, ...options);
      assert.equal(duck.status, 0, duck.stderr);
      const doc = JSON.parse(duck.stdout);
      assert.ok((doc.steps[0].count ?? doc.steps[0].entered) > 100, kind);
      assert.equal(run('build', kind, ...options, '--engine', 'memory').stdout, duck.stdout, `${kind} in memory`);
      const onPg = options.map((o) => (o === events ? 'web_events' : o === frictions ? 'checkout_frictions' : o));
      const r = run('build', kind, ...onPg, '--db', server.url);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, duck.stdout, `${kind} on PostgreSQL`);
      assert.equal(run('build', kind, ...options, '--engine', 'clickhouse').stdout, duck.stdout, `${kind} on chDB`);
    }
  } finally {
    server.stop();
  }
  const bad = run(
    'build',
    'checkout-friction',
    '--events',
    events,
    '--frictions',
    file(
      'bad-frictions.csv',
      'actor_id,event_ts,step,cause_id,category\nv1,2024-09-01 10:00:00,begin_checkout,x,mood\n',
    ),
    '--steps',
    'begin_checkout',
    '--complete',
    'purchase',
  );
  assert.equal(bad.status, 1);
  const expected =
    'bad-frictions.csv, line 2: column category: ' +
    'expected one of price, payment, form, account, delivery, trust, technical, other, got "mood"';
  assert.ok(bad.stderr.includes(expected), bad.stderr);
});

test('GA4: an export-shaped sample through the DuckDB adapter gives its events back; BigQuery prints', () => {
  const events = file('ga4-source-events.parquet');
  const ga4 = file('ga4-export.parquet');
  const gen = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/generate-data.mjs'),
      'events',
      '--actors',
      '2000',
      '--out',
      events,
      '--ga4',
      ga4,
      '--seed',
      '3',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(gen.status, 0, gen.stderr);
  const imported = file('ga4-events.csv');
  const r = run('import', 'ga4', ga4, '--out', imported);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    readFileSync(imported, 'utf8').split('\n')[0],
    /^actor_id,event_name,event_ts,session_id,value,device,channel,region_id$/,
  );
  const funnel = [
    '--steps',
    'view_item,add_to_cart,begin_checkout,purchase',
    '--segment-by',
    'device',
    '--window',
    '2d',
  ];
  const a = run('build', 'funnel', '--events', events, ...funnel);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(run('build', 'funnel', '--events', imported, ...funnel).stdout, a.stdout);
  const bq = run('sql', 'ga4', '--dialect', 'bigquery', '--table', 'shop-prod.analytics_987.events_*');
  assert.match(bq.stdout, /TIMESTAMP_MICROS\(event_timestamp\)[\s\S]*FROM `shop-prod\.analytics_987\.events_\*`/);
  assert.equal(run('sql', 'ga4', '--table', 'x`; DROP').status, 2);
  const notGa4 = run('import', 'ga4', events, '--out', file('never.csv'));
  assert.equal(notGa4.status, 1);
  assert.match(notGa4.stderr, /not a GA4 export \(expected event_name, event_timestamp, user_pseudo_id/);
  assert.equal(existsSync(path.join(dir, 'never.csv')), false);
});

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
