// The data path's bench (part of `npm run bench`): the kpi-kit CLI against the floor, the same
// recipe SQL run by a bare DuckDB script (bench/floor.mjs, a fresh process as the CLI is) over the same Parquet
// file, in one run, samples alternating; and against the same SQL inside the bench's own process.
//   node bench/data-path.mjs [--smoke] [--samples N] [--orders N] [--events N] [--only orders,events,postgres,memory]
// Rows come from the seeded generator (scripts/generate-data.mjs), cached in bench/.data.
// Also: all four order kinds together, peak memory (max RSS of the CLI process), the funnel from
// events, PostgreSQL at 1 million orders and the TypeScript builders at 100,000, as ratios to
// DuckDB. Writes bench/data-path.results.json (bench/data-path.results.local.json with --smoke).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresWithOrders } from './postgres-orders.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const SIZES = smoke
  ? { orders: 20_000, events: 20_000, postgres: 5_000, memory: 5_000, samples: 1 }
  : {
      orders: option('--orders', 10_000_000),
      events: option('--events', 10_000_000),
      postgres: 1_000_000,
      memory: 100_000,
      samples: option('--samples', 3),
    };
const onlyArg = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '';
const runs = (part) => !onlyArg || onlyArg.split(',').includes(part);
const cache = path.join(root, 'bench/.data');
mkdirSync(cache, { recursive: true });
if (!existsSync(path.join(root, 'dist/lib/node.js')))
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--no-types'], { stdio: 'inherit' });
const kit = await import('../dist/lib/node.js');

const KINDS = {
  cohort: { args: ['--period', 'month'], recipe: (o) => kit.cohortRecipe({ orders: o, period: 'month' }) },
  'regional-sla': {
    args: [
      '--metric',
      'delivery=ordered_at..delivered_at:days:10',
      '--metric',
      'approval=ordered_at..approved_at:hours:24',
    ],
    recipe: (o) =>
      kit.regionalSlaRecipe({
        orders: o,
        metrics: ['delivery=ordered_at..delivered_at:days:10', 'approval=ordered_at..approved_at:hours:24'].map(
          kit.parseMetricSpec,
        ),
      }),
  },
  channels: { args: [], recipe: (o) => kit.channelsRecipe({ orders: o }) },
  forecast: { args: ['--granularity', 'month'], recipe: (o) => kit.forecastRecipe({ orders: o }) },
};

function generate(what, n, file, extra = []) {
  if (existsSync(file)) return file;
  const flag = what === 'orders' ? '--rows' : '--actors';
  // About 1.74 events per generated actor.
  const count = what === 'orders' ? n : Math.ceil(n / 1.74);
  execFileSync(
    process.execPath,
    [path.join(root, 'scripts/generate-data.mjs'), what, flag, String(count), '--out', file, '--seed', '1', ...extra],
    { stdio: 'inherit' },
  );
  return file;
}

/** Runs the CLI; wall seconds and the process's peak RSS in MB (reported by a preload at exit). */
function cli(cliArgs) {
  const out = path.join(cache, 'out.json');
  const preload =
    'data:text/javascript,process.on("exit",()=>process.stderr.write("kpi-bench-rss ' +
    '"+process.resourceUsage().maxRSS+"\\n"))';
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--import', preload, path.join(root, 'bin/kpi-kit.mjs'), ...cliArgs, '--out', out],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`kpi-kit ${cliArgs.join(' ')}: ${r.stderr}`);
  const rss = Number(/kpi-bench-rss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rss };
}

/**
 * The floor: the recipe's queries, as they are, on bare DuckDB over the Parquet file, in a fresh Node process
 * (bench/floor.mjs: Node's start and DuckDB's load paid, as the CLI pays them; same engine settings).
 */
function floor(kind, file) {
  const recipeFile = path.join(cache, `recipe-${kind}.json`);
  writeFileSync(recipeFile, JSON.stringify(KINDS[kind].recipe('raw_orders')));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'bench/floor.mjs'), recipeFile, file], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`floor ${kind}: ${r.stderr}`);
  return seconds;
}

/** The floor as before: the same queries in this process, where Node and DuckDB are loaded already. */
async function floorInProcess(kind, file) {
  const t0 = process.hrtime.bigint();
  const db = await kit.openDuckDb();
  try {
    await db.all(`CREATE VIEW raw_orders AS SELECT * FROM read_parquet('${file}')`);
    await kit.runRecipe(db, KINDS[kind].recipe('raw_orders'));
  } finally {
    await db.close();
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => (xs.length > 1 ? `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}` : '');
const rows = [];
const row = (scenario, kpi, peer, peerName, target, note = '') => {
  const ratio = peer ? median(kpi) / median(peer) : null;
  rows.push({
    scenario,
    kpi: median(kpi),
    kpiSpread: spread(kpi),
    peerName,
    peer: peer ? median(peer) : null,
    peerSpread: peer ? spread(peer) : '',
    ratio,
    target,
    met: target === null ? null : (ratio ?? median(kpi)) <= target.value,
    note,
  });
};

const orders = generate('orders', SIZES.orders, path.join(cache, `orders-${SIZES.orders}.parquet`));
console.log(
  `data-path bench: ${SIZES.orders.toLocaleString('en')} orders, ${SIZES.samples} sample(s) per side, alternating`,
);

// 1. Each order kind: the CLI (a fresh process: read, check, recipe, assemble, validate, write) against the floor.
let together = 0;
let peak = 0;
for (const [kind, spec] of Object.entries(runs('orders') ? KINDS : {})) {
  const a = [];
  const b = [];
  const c = [];
  for (let i = 0; i < SIZES.samples; i++) {
    const r = cli(['build', kind, '--orders', orders, ...spec.args]);
    a.push(r.seconds);
    peak = Math.max(peak, r.rss);
    b.push(floor(kind, orders));
    c.push(await floorInProcess(kind, orders));
  }
  together += median(a);
  const n = SIZES.orders.toLocaleString('en');
  row(`${kind}, ${n} orders (s)`, a, b, 'same SQL, bare DuckDB script', smoke ? null : { value: 1.5, text: '≤ 1.5×' });
  // The floor before 2026-12-04 (issue #39): the queries inside this process, Node and DuckDB already loaded.
  row(`${kind}, ${n} orders (s)`, a, c, 'same SQL, in the bench process', null);
}
if (runs('orders')) {
  row(`all four order kinds together (s)`, [together], null, '', smoke ? null : { value: 30, text: '< 30 s' });
  row(`peak memory of the CLI (MB, max RSS)`, [peak], null, '', smoke ? null : { value: 2048, text: '< 2 GB' });
}

// 2. The funnel from events.
if (runs('events')) {
  const events = generate('events', SIZES.events, path.join(cache, `events-${SIZES.events}.parquet`));
  const ev = [];
  for (let i = 0; i < SIZES.samples; i++)
    ev.push(
      cli([
        'build',
        'funnel',
        '--events',
        events,
        '--steps',
        'view_item,add_to_cart,begin_checkout,add_shipping_info,add_payment_info,purchase',
        '--segment-by',
        'device',
      ]).seconds,
    );
  row(
    `funnel from ${SIZES.events.toLocaleString('en')} events (s)`,
    ev,
    null,
    '',
    smoke ? null : { value: 15, text: '< 15 s' },
  );
}

// 3. PostgreSQL at 1 million orders, against DuckDB on the same rows.
if (runs('postgres')) {
  const pgOrders = generate('orders', SIZES.postgres, path.join(cache, `orders-${SIZES.postgres}.parquet`));
  const server = await postgresWithOrders(kit, pgOrders);
  try {
    for (const [kind, spec] of Object.entries(KINDS)) {
      const a = [];
      const b = [];
      for (let i = 0; i < SIZES.samples; i++) {
        a.push(cli(['build', kind, '--db', server.url, '--orders', 'orders', ...spec.args]).seconds);
        b.push(cli(['build', kind, '--orders', pgOrders, ...spec.args]).seconds);
      }
      row(
        `${kind} in PostgreSQL, ${SIZES.postgres.toLocaleString('en')} orders (s)`,
        a,
        b,
        'DuckDB CLI',
        null,
        'reported',
      );
    }
  } finally {
    server.stop();
  }
}

// 4. The TypeScript builders (--engine memory) at 100,000 orders, against DuckDB on the same CSV.
if (runs('memory')) {
  const memParquet = generate('orders', SIZES.memory, path.join(cache, `orders-${SIZES.memory}.parquet`));
  const memCsv = path.join(cache, `orders-${SIZES.memory}.csv`);
  if (!existsSync(memCsv)) {
    const db = await kit.openDuckDb();
    await db.all(`COPY (SELECT * FROM read_parquet('${memParquet}')) TO '${memCsv}' (FORMAT csv, HEADER true)`);
    await db.close();
  }
  for (const [kind, spec] of Object.entries(KINDS)) {
    const a = [];
    const b = [];
    for (let i = 0; i < SIZES.samples; i++) {
      a.push(cli(['build', kind, '--orders', memCsv, '--engine', 'memory', ...spec.args]).seconds);
      b.push(cli(['build', kind, '--orders', memCsv, ...spec.args]).seconds);
    }
    row(
      `${kind} by the TS builders, ${SIZES.memory.toLocaleString('en')} orders (s)`,
      a,
      b,
      'DuckDB CLI',
      null,
      'reported',
    );
  }
}
rmSync(path.join(cache, 'out.json'), { force: true });

const fmt = (v) => (v === null ? '' : v >= 100 ? v.toFixed(0) : v.toFixed(2));
console.log('\n| scenario | kpi-kit | peer | ratio | target |\n| --- | --- | --- | --- | --- |');
for (const r of rows) {
  const verdict = r.met === null ? r.note : r.met ? '✓' : '✗ missed';
  console.log(
    `| ${r.scenario} | ${fmt(r.kpi)}${r.kpiSpread ? ` (${r.kpiSpread})` : ''} ` +
      `| ${r.peer === null ? '' : `${r.peerName} ${fmt(r.peer)}`} ` +
      `| ${r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`} ` +
      `| ${r.target ? `${r.target.text} ${verdict}` : verdict} |`,
  );
}
const file = path.join(root, smoke || onlyArg ? 'bench/data-path.results.local.json' : 'bench/data-path.results.json');
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), sizes: SIZES, rows }, null, 2)}\n`);
console.log(`\nwrote ${path.relative(root, file)}`);
