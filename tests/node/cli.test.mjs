// The kpi-kit command line as a backend developer meets it: real files in, documents out,
// and broken files answered with the file, line, column and value, exit 1, outputs untouched.
// Engines side by side: cli-engines.test.mjs; imports of stores' own exports and refusals: cli-import.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OLIST, root, run, scratch } from '../data/cli.mjs';

const { dir, file } = scratch();

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
