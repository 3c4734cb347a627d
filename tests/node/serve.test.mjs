// `kpi-kit serve` as an agency runs it: the Olist sample split into two stores, on DuckDB and on a
// throw-away PostgreSQL. Every served document equals what `kpi-kit build` prints for the same
// options on the same rows (filtered the plain way for a filter); a token scoped to one store
// sees that store's document on every kind; bad requests are refused with the parameter named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import * as kit from '../../dist/lib/node.js';
import { STORE_B_REGIONS, frictionsWhere, pgColumns, tenantRows, where } from '../data/serve-fixture.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(root, 'bin/kpi-kit.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'kpi-serve-'));
const { orders, events, frictions } = tenantRows(kit, root);
const csv = {
  orders: (rows) => kit.ordersToCsv(rows),
  events: (rows) => kit.rowsToCsv(rows, kit.tableColumns(kit.TABLES.events)),
  frictions: (rows) => kit.rowsToCsv(rows, kit.tableColumns(kit.TABLES.frictions)),
};
let written = 0;
function write(table, rows) {
  const f = path.join(dir, `${table}-${written++}.csv`);
  writeFileSync(f, csv[table](rows));
  chmodSync(f, 0o644);
  return f;
}
const files = {
  orders: write('orders', orders),
  events: write('events', events),
  frictions: write('frictions', frictions),
};
const SECRET = 'a-test-secret-of-at-least-32-characters!';

/** Starts `kpi-kit serve` with `args`; resolves with its URL once it listens. */
function startServe(args, env = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, KPI_KIT_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const logs = [];
  child.stdout.setEncoding('utf8').on('data', (d) => logs.push(...d.split('\n').filter(Boolean)));
  /** The first log line (parsed) that `test` accepts, once the server has written it (lines are written in batches). */
  const logLine = (test) =>
    new Promise((resolve) => {
      const look = () => {
        const found = logs.map((l) => JSON.parse(l)).find(test);
        if (!found) return false;
        child.stdout.off('data', look);
        resolve(found);
        return true;
      };
      if (!look()) child.stdout.on('data', look);
    });
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
      const m = /serving \w+ on (http:\/\/[^\s]+)\/kpi/.exec(err);
      if (m) resolve({ url: m[1], child, logs, logLine, stderr: () => err, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`kpi-kit serve exited ${code}: ${err}`)));
  });
}

/** What `kpi-kit build` prints for a kind, its options (as [name, value] pairs) and the rows in `tables`. */
function build(kind, params, tables) {
  const args = ['build', kind, '--allow-empty'];
  for (const [t, f] of Object.entries(tables)) args.push(`--${t}`, f);
  for (const [k, v] of params) args.push(`--${k}`, v);
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const get = async (url, headers = {}) => {
  const r = await fetch(url, { headers });
  return { status: r.status, headers: r.headers, body: r.status === 304 ? null : await r.json() };
};

/** The requests served and compared with a build: kind, build options, filters. */
const CASES = [
  ['cohort', [['period', 'month']], {}],
  [
    'cohort',
    [
      ['period', 'week'],
      ['measure', 'revenue'],
    ],
    { region: ['BR-SP', 'BR-RJ'] },
  ],
  ['funnel', [['steps', 'ordered_at,approved_at,shipped_at,delivered_at']], { channel: ['app'] }],
  [
    'funnel',
    [
      ['steps', 'view_item,add_to_cart,begin_checkout,purchase'],
      ['segment-by', 'device'],
    ],
    { store: ['loja-b'] },
  ],
  [
    'regional-sla',
    [
      ['metric', 'delivery=ordered_at..delivered_at:days:10'],
      ['metric', 'approval=ordered_at..approved_at:hours:24'],
      ['locale', 'pt-BR'],
    ],
    { store: ['loja-a'] },
  ],
  [
    'channels',
    [
      ['from', '2018-01-01'],
      ['to', '2018-06-30'],
    ],
    { region: ['BR-SP'] },
  ],
  [
    'forecast',
    [
      ['granularity', 'month'],
      ['as-of', '2018-08-15'],
    ],
    { store: ['loja-b'], channel: ['site', 'marketplace'] },
  ],
  [
    'checkout-friction',
    [
      ['steps', EVENT_STEPS_TEXT()],
      ['complete', 'purchase'],
    ],
    { region: ['BR-SP', 'BR-PR'] },
  ],
];
function EVENT_STEPS_TEXT() {
  return 'view_item,add_to_cart,begin_checkout,add_payment_info';
}

const query = (params, filters) => {
  const q = new URLSearchParams(params);
  for (const [f, values] of Object.entries(filters)) for (const v of values) q.append(f, v);
  return q.toString();
};

/** The files of a build on the rows `filters` keep. */
function filteredFiles(kind, params, filters) {
  const viaEvents = kind === 'checkout-friction' || (kind === 'funnel' && !params[0][1].startsWith('ordered_at'));
  if (!viaEvents)
    return { orders: Object.keys(filters).length ? write('orders', where(orders, filters)) : files.orders };
  const out = { events: write('events', where(events, filters)) };
  if (kind === 'checkout-friction') out.frictions = write('frictions', frictionsWhere(frictions, events, filters));
  return out;
}

const served = new Map();
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('DuckDB: each served document equals kpi-kit build on the same (filtered) rows; ETag and 304', async () => {
  const server = await startServe(['--orders', files.orders, '--events', files.events, '--frictions', files.frictions]);
  try {
    assert.match(server.stderr(), /no KPI_KIT_SECRET: every request is answered \(listening on 127\.0\.0\.1 only\)/);
    for (const [kind, params, filters] of CASES) {
      const r = await get(`${server.url}/kpi/${kind}?${query(params, filters)}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body,
        build(kind, params, filteredFiles(kind, params, filters)),
        `${kind} ${JSON.stringify(filters)}`,
      );
      served.set(`${kind} ${JSON.stringify(params)}`, r.body);
      // The same request again: its ETag answers 304.
      const etag = r.headers.get('etag');
      assert.match(etag, /^"[\w-]+"$/);
      const again = await get(`${server.url}/kpi/${kind}?${query(params, filters)}`, { 'if-none-match': etag });
      assert.equal(again.status, 304);
    }
    // The filter values: loja-b's regions are there without a token, with their names and counts.
    const regions = await get(`${server.url}/kpi/values/region`);
    const rj = regions.body.find((v) => v.id === 'BR-RJ');
    assert.deepEqual(rj, {
      id: 'BR-RJ',
      label: 'Rio de Janeiro',
      group: 'Sudeste',
      count: orders.filter((o) => o.region_id === 'BR-RJ').length,
    });
    const stores = await get(`${server.url}/kpi/values/store`);
    assert.deepEqual(stores.body.map((s) => s.id).sort(), ['loja-a', 'loja-b']);
    // One JSON line per request, with the cache's word.
    const line = await server.logLine((l) => l.path === '/kpi/values/store');
    assert.deepEqual(Object.keys(line).sort(), ['cache', 'method', 'ms', 'path', 'status', 'time']);
    assert.equal(line.cache, 'miss');
    assert.equal((await server.logLine((l) => l.path === '/kpi/cohort')).status, 200);
  } finally {
    server.stop();
  }
});

test('kpi-kit serve refuses bad usage before it listens: exit 2 naming the option; a short secret exit 1', () => {
  const serve = (args, env = {}) =>
    // A server that starts when it should have refused would never exit: a minute, then it is stopped (and fails).
    spawnSync(process.execPath, [BIN, 'serve', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
  const none = serve([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /serve needs --orders <file>/);
  const port = serve(['--orders', files.orders, '--port', 'http']);
  assert.equal(port.status, 2);
  assert.match(port.stderr, /--port: expected a whole number from 0 to 65535, got http/);
  const typo = serve(['--orders', files.orders, '--tll', '5']);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /unknown option --tll for serve; did you mean --ttl\?/);
  const short = serve(['--orders', files.orders], { KPI_KIT_SECRET: 'short' });
  assert.equal(short.status, 1);
  assert.match(short.stderr, /the signing secret must be at least 32 characters/);
  // Tenants are stores: with a secret, orders without store_id would give every token an empty document.
  const single = path.join(dir, 'one-store-orders.csv');
  writeFileSync(single, 'order_id,customer_id,ordered_at,amount\no1,c1,2024-01-02 10:00:00,10\n');
  const storeless = serve(['--orders', single], { KPI_KIT_SECRET: SECRET });
  assert.equal(storeless.status, 1);
  assert.match(
    storeless.stderr,
    /orders: with a signing secret \(KPI_KIT_SECRET\) every table needs a store_id column/,
  );
  assert.match(storeless.stderr, /found order_id, customer_id, ordered_at, amount/);
  assert.doesNotMatch(storeless.stderr, /serving/);
});

test('bad requests: 400 naming each parameter; an unknown kind 404', async () => {
  const server = await startServe(['--orders', files.orders]);
  try {
    const r = await get(`${server.url}/kpi/cohort?period=year&periodo=month`);
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.issues, [{ path: 'periodo', message: 'unknown parameter; did you mean period?' }]);
    const bad = await get(`${server.url}/kpi/cohort?period=year`);
    assert.deepEqual(bad.body, {
      error: 'bad-request',
      issues: [{ path: 'period', message: 'expected day, week or month, got year' }],
    });
    const file = await get(`${server.url}/kpi/channels?labels=/etc/passwd`);
    assert.equal(file.body.issues[0].path, 'labels');
    const twice = await get(`${server.url}/kpi/forecast?granularity=month&granularity=week`);
    assert.deepEqual(twice.body.issues, [{ path: 'granularity', message: 'given 2 times; takes one value' }]);
    const events = await get(`${server.url}/kpi/checkout-friction?steps=a&complete=b`);
    assert.equal(events.status, 404);
    assert.match(events.body.issues[0].message, /this server has no events/);
    assert.equal((await get(`${server.url}/kpi/no-such-kind`)).status, 404);
    const listing = await get(`${server.url}/kpi`);
    assert.deepEqual(
      listing.body.kinds.map((k) => [k.kind, k.available]),
      [
        ['funnel', true],
        ['checkout-friction', false],
        ['cohort', true],
        ['regional-sla', true],
        ['channels', true],
        ['forecast', true],
      ],
    );
  } finally {
    server.stop();
  }
});

const sign = (claims, { secret = SECRET, exp = '1h' } = {}) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
};

test('tenants: a token scoped to loja-a sees loja-a on every kind; outside its scope 403; bad tokens 401', async () => {
  const server = await startServe(
    ['--orders', files.orders, '--events', files.events, '--frictions', files.frictions],
    { KPI_KIT_SECRET: SECRET },
  );
  try {
    assert.doesNotMatch(server.stderr(), /no KPI_KIT_SECRET/);
    const token = await sign({ kpi: { store: ['loja-a'] } });
    const auth = { authorization: `Bearer ${token}` };
    for (const [kind, params] of CASES) {
      const r = await get(`${server.url}/kpi/${kind}?${query(params, {})}`, auth);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body, build(kind, params, filteredFiles(kind, params, { store: ['loja-a'] })), kind);
      for (const region of STORE_B_REGIONS) assert.ok(!JSON.stringify(r.body).includes(region), `${kind}: ${region}`);
    }
    const regions = await get(`${server.url}/kpi/values/region`, auth);
    assert.ok(regions.body.every((v) => !STORE_B_REGIONS.includes(v.id)));
    assert.deepEqual(
      (await get(`${server.url}/kpi/values/store`, auth)).body.map((s) => s.id),
      ['loja-a'],
    );
    // Narrowing within the scope is fine; widening is 403, naming the value.
    assert.equal((await get(`${server.url}/kpi/cohort?region=BR-SP`, auth)).status, 200);
    const wider = await get(`${server.url}/kpi/cohort?store=loja-b`, auth);
    assert.equal(wider.status, 403);
    assert.deepEqual(wider.body.issues, [{ path: 'store', message: "outside the token's scope: loja-b" }]);
    // No token, an expired one, one without exp, another secret, alg none, a tampered payload: 401.
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ kpi: { store: ['loja-b'] }, exp: 9999999999 }),
    ).toString('base64url')}.`;
    const [h, , s] = token.split('.');
    const otherStore = Buffer.from(JSON.stringify({ kpi: { store: ['loja-b'] }, exp: 9999999999 })).toString(
      'base64url',
    );
    const tampered = `${h}.${otherStore}.${s}`;
    for (const bad of [
      undefined,
      await sign({ kpi: { store: ['loja-a'] } }, { exp: '-1m' }),
      await sign({ kpi: { store: ['loja-a'] } }, { exp: null }),
      await sign({ kpi: { store: ['loja-a'] } }, { secret: 'another-secret-of-at-least-32-characters' }),
      none,
      tampered,
    ]) {
      const r = await get(`${server.url}/kpi/cohort`, bad ? { authorization: `Bearer ${bad}` } : {});
      assert.equal(r.status, 401, String(bad));
      assert.equal(r.headers.get('www-authenticate'), 'Bearer');
    }
    // A valid token that allows no store is 403.
    assert.equal((await get(`${server.url}/kpi/cohort`, { authorization: `Bearer ${await sign({})}` })).status, 403);
    // No log line holds the token (the last request's line written first).
    await server.logLine((l) => l.status === 403);
    assert.ok(server.logs.length > 10);
    assert.ok(server.logs.every((l) => !l.includes(token.split('.')[2])));
  } finally {
    server.stop();
  }
});

test('PostgreSQL: the same documents as on DuckDB, filters and all', async () => {
  const { startPostgres } = await import('../../scripts/postgres.mjs');
  const pgServer = await startPostgres();
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: pgServer.url });
  await client.connect();
  const tables = { orders: 'orders', events: 'events', frictions: 'frictions' };

  for (const t of Object.keys(tables)) {
    const copy = path.join(pgServer.dir, `${t}.csv`);
    copyFileSync(files[t], copy);
    chmodSync(copy, 0o644);
    const header = readFileSync(copy, 'utf8').split('\n', 1)[0];
    await client.query(`CREATE TABLE shop_${t} (${pgColumns(kit.TABLES[t])})`);
    await client.query(`COPY shop_${t} (${header}) FROM '${copy}' WITH (FORMAT csv, HEADER true)`);
  }
  await client.end();
  const server = await startServe([
    '--db',
    pgServer.url,
    '--orders',
    'shop_orders',
    '--events',
    'shop_events',
    '--frictions',
    'shop_frictions',
  ]);
  try {
    for (const [kind, params, filters] of CASES) {
      const r = await get(`${server.url}/kpi/${kind}?${query(params, filters)}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body, served.get(`${kind} ${JSON.stringify(params)}`), kind);
    }
    assert.equal((await get(`${server.url}/healthz`)).status, 200);
    // A table without store_id: refused at start with a secret; without one, a build naming a column it lacks is a
    // 400 naming it (its canonical view has every column, all null: the table's own columns are what count).
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    await admin.query('CREATE TABLE bare_orders (order_id text, customer_id text, ordered_at timestamptz)');
    await admin.query("INSERT INTO bare_orders VALUES ('o1', 'c1', '2024-01-02 10:00:00+00')");
    await admin.end();
    const tenanted = kit.createKpiHandler({ db: pgServer.url, orders: 'bare_orders', secret: SECRET });
    await assert.rejects(tenanted.ready(), /orders: with a signing secret .* store_id column.*found order_id/);
    await tenanted.close();
    const open = kit.createKpiHandler({ db: pgServer.url, orders: 'bare_orders' });
    try {
      const r = await open(new Request('http://local/kpi/funnel?steps=ordered_at,delivered_at'));
      assert.equal(r.status, 400);
      assert.match(JSON.stringify(await r.json()), /the build names column delivered_at, which is not in it/);
    } finally {
      await open.close();
    }
  } finally {
    server.stop();
    pgServer.stop();
  }
});
