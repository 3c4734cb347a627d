// `npm start` builds the demo's "from raw rows" documents on this machine, through the
// kpi-kit CLI and DuckDB, exactly as a user would:
//   raw Olist files (data/olist, 15,000 real orders) → kpi-kit import olist → orders.parquet
//   → kpi-kit build cohort | regional-sla | funnel | forecast → demo/public/data/raw/*.json
// and, since Olist has no sales channels and no checkout events, seeded generated rows
// (scripts/generate-data.mjs) → kpi-kit build channels | checkout-friction, titled as such.
// Then the rows the demo's board reads through `kpi-kit serve`: two generated stores (an agency's
// clients) in one set of tables, demo/.serve/{orders,events,frictions}.parquet (see scripts/start.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'demo/public/data/raw');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kpi-demo-'));
const t0 = Date.now();

/** The two stores of the demo's board (demo/raw/stores.json): id, name, seed, orders and checkout visitors. */
const STORES = JSON.parse(readFileSync(path.join(root, 'demo/raw/stores.json'), 'utf8'));
const SERVE_DIR = path.join(root, 'demo/.serve');

/** Each store's generated rows (ids prefixed, a store_id column), then each table of both stores in one file. */
async function twoStores() {
  mkdirSync(SERVE_DIR, { recursive: true });
  const parts = { orders: [], events: [], frictions: [] };
  for (const s of STORES) {
    const file = (t) => path.join(tmp, `${s.id}-${t}.parquet`);
    const common = ['--seed', String(s.seed), '--store', s.id];
    run('scripts/generate-data.mjs', ['orders', '--rows', String(s.rows), '--out', file('orders'), ...common]);
    run('scripts/generate-data.mjs', [
      'events',
      '--actors',
      String(s.actors),
      '--out',
      file('events'),
      '--frictions',
      file('frictions'),
      ...common,
    ]);
    for (const t of Object.keys(parts)) parts[t].push(file(t));
  }
  const { openDuckDb } = await import('../dist/lib/node.js');
  const db = await openDuckDb();
  try {
    const list = (files) => `[${files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ')}]`;
    for (const [table, files] of Object.entries(parts)) {
      const out = path.join(SERVE_DIR, `${table}.parquet`).replace(/'/g, "''");
      await db.all(`COPY (SELECT * FROM read_parquet(${list(files)})) TO '${out}' (FORMAT parquet)`);
    }
  } finally {
    await db.close();
  }
}

function run(script, args) {
  const r = spawnSync(process.execPath, [path.join(root, script), ...args], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error(`demo-data: ${script} ${args.join(' ')} failed`);
  }
}
const kpi = (...args) => run('bin/kpi-kit.mjs', args);

try {
  mkdirSync(out, { recursive: true });
  const orders = path.join(tmp, 'orders.parquet');
  kpi('import', 'olist', path.join(root, 'data/olist'), '--out', orders);
  const olist = 'Olist, 15,000 real orders (CC BY-NC-SA 4.0), built on this machine by kpi-kit and DuckDB';
  kpi(
    'build',
    'cohort',
    '--orders',
    orders,
    '--from',
    '2017-01-01',
    '--to',
    '2018-08-31',
    '--title',
    'Repeat customers by first-purchase month',
    '--subtitle',
    olist,
    '--out',
    path.join(out, 'cohort.json'),
  );
  kpi(
    'build',
    'regional-sla',
    '--orders',
    orders,
    '--metric',
    'delivery=ordered_at..delivered_at:days:12',
    '--metric',
    'approval=ordered_at..approved_at:hours:24',
    '--title',
    'Delivery and approval times by state',
    '--subtitle',
    olist,
    '--out',
    path.join(out, 'regional-sla.json'),
  );
  kpi(
    'build',
    'funnel',
    '--orders',
    orders,
    '--steps',
    'ordered_at,approved_at,shipped_at,delivered_at',
    '--segment-by',
    'region_group',
    '--labels',
    path.join(root, 'demo/raw/labels.json'),
    '--title',
    'Order fulfilment',
    '--subtitle',
    olist,
    '--out',
    path.join(out, 'funnel.json'),
  );
  kpi(
    'build',
    'forecast',
    '--orders',
    orders,
    '--granularity',
    'month',
    '--from',
    '2017-01-01',
    '--as-of',
    '2018-08-20',
    '--title',
    'Monthly revenue',
    '--subtitle',
    olist,
    '--out',
    path.join(out, 'forecast.json'),
  );
  const generated = 'Generated rows (seeded), not observed data: Olist has no sales channels or checkout events';
  const gOrders = path.join(tmp, 'generated-orders.parquet');
  run('scripts/generate-data.mjs', ['orders', '--rows', '40000', '--out', gOrders, '--seed', '1']);
  kpi(
    'build',
    'channels',
    '--orders',
    gOrders,
    '--from',
    '2025-07-01',
    '--to',
    '2025-12-31',
    '--labels',
    path.join(root, 'demo/raw/labels.json'),
    '--title',
    'Sales by channel',
    '--subtitle',
    generated,
    '--out',
    path.join(out, 'channels.json'),
  );
  const events = path.join(tmp, 'events.parquet');
  const frictions = path.join(tmp, 'frictions.parquet');
  run('scripts/generate-data.mjs', [
    'events',
    '--actors',
    '40000',
    '--out',
    events,
    '--frictions',
    frictions,
    '--seed',
    '1',
  ]);
  kpi(
    'build',
    'checkout-friction',
    '--events',
    events,
    '--frictions',
    frictions,
    '--steps',
    'begin_checkout,add_shipping_info,add_payment_info',
    '--complete',
    'purchase',
    '--segment-by',
    'device',
    '--labels',
    path.join(root, 'demo/raw/labels.json'),
    '--title',
    'Checkout friction',
    '--subtitle',
    generated,
    '--out',
    path.join(out, 'checkout-friction.json'),
  );
  await twoStores();
  console.log(
    `demo-data: six documents built from raw rows into demo/public/data/raw, and two stores' rows ` +
      `into demo/.serve, ` +
      `in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
