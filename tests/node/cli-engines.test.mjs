// The kpi-kit command line on every engine: DuckDB, chDB, memory and PostgreSQL give the same documents from the
// same files; recipes printed per dialect and run elsewhere (--rows-from); events and GA4 exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createShopOrders, startClickHouseFront } from '../data/clickhouse-front.mjs';
import { OLIST, postgresWith, root, run, runAsync, scratch } from '../data/cli.mjs';

const { dir, file } = scratch();

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
