// The server's bench (part of `npm run bench`): `kpi-kit serve` under load with autocannon,
// side by side in one run with the floor, a bare Node HTTP server answering the same bytes.
//   node bench/serve.mjs [--smoke] [--orders N] [--duration S] [--samples N] [--only duckdb,postgres]
// Cached: the same document again and again (the LRU answers), three runs per side alternating
// after a warm-up, medians. Uncached: a new title on every
// request, so each one runs the recipe (DuckDB over a Parquet file of N orders, or PostgreSQL with
// the same rows). At 10, 50 and 200 connections: requests per second and p50 / p99 latency. The
// server's resident memory is read before and after the load (flat over a long run). Writes
// bench/serve.results.json (bench/serve.results.local.json with --smoke or --only).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { postgresWithOrders } from './postgres-orders.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const ORDERS = smoke ? 20_000 : option('--orders', 1_000_000);
const DURATION = smoke ? 1 : option('--duration', 10);
const CONNECTIONS = smoke ? [10] : [10, 50, 200];
/** Cached runs per side (alternating); the median of each measure is reported. */
const SAMPLES = smoke ? 1 : option('--samples', 3);
const onlyArg = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '';
const runs = (part) => !onlyArg || onlyArg.split(',').includes(part);
const cache = path.join(root, 'bench/.data');
mkdirSync(cache, { recursive: true });
if (!existsSync(path.join(root, 'dist/lib/node.js')))
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--no-types'], { stdio: 'inherit' });
const kit = await import('../dist/lib/node.js');

const ordersFile = path.join(cache, `orders-${ORDERS}.parquet`);
if (!existsSync(ordersFile))
  execFileSync(
    process.execPath,
    [
      path.join(root, 'scripts/generate-data.mjs'),
      'orders',
      '--rows',
      String(ORDERS),
      '--out',
      ordersFile,
      '--seed',
      '1',
    ],
    { stdio: 'inherit' },
  );

/** Starts a child process and resolves with its URL once its stderr says `on http://…`. */
function start(command, argv, env = {}) {
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
      const m = / on (http:\/\/[\d.:]+)/.exec(err);
      if (m) resolve({ url: m[1], child, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}: ${err}`)));
  });
}

/** The server's resident memory in MB (Linux). */
const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** The floor: a bare node:http server answering `body` with the same headers. */
const FLOOR = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const etag = process.argv[2];
const server = http.createServer((req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    etag,
    'cache-control': 'private, no-cache',
    vary: 'Authorization',
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stderr.write('floor on http://127.0.0.1:' + server.address().port + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** A new title per uncached request, across every run (a title asked before would be in the cache). */
let titles = 0;

async function load(url, connections, uncached, duration = DURATION) {
  const r = await autocannon({
    url,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          if (uncached) req.path = `${new URL(url).pathname}${new URL(url).search}&title=t${titles++}`;
          return req;
        },
      },
    ],
  });
  const ok = r['2xx'];
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

const rows = [];
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
/** The median of each measure over runs. */
const medianRun = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The bench of one engine: `serveArgs` start it; the document asked for is `query`. */
async function bench(engine, serveArgs, query) {
  const server = await start(process.execPath, [
    path.join(root, 'bin/kpi-kit.mjs'),
    'serve',
    '--port',
    '0',
    ...serveArgs,
  ]);
  let floor;
  try {
    const url = `${server.url}${query}`;
    const first = await fetch(url);
    if (first.status !== 200) throw new Error(`${url}: ${first.status} ${await first.text()}`);
    const bodyFile = path.join(cache, 'serve-body.json');
    writeFileSync(bodyFile, Buffer.from(await first.arrayBuffer()));
    floor = await start(process.execPath, ['-e', FLOOR, bodyFile, first.headers.get('etag')]);
    const rssBefore = rssOf(server.child.pid);
    const rss = [];
    let requests = 0;
    // Both processes are fresh: a warm-up run each (discarded), so the JIT has compiled both before any sample.
    await load(`${floor.url}${query}`, 10, false, SAMPLES > 1 ? 2 : 1);
    await load(url, 10, false, SAMPLES > 1 ? 2 : 1);
    const floors = new Map();
    for (const uncached of [false, true]) {
      for (const connections of CONNECTIONS) {
        // Cached: samples alternating sides, the floor first, medians. Uncached: one run, against the same floor.
        const k = [];
        const f = floors.get(connections) ?? [];
        for (let i = 0; i < (uncached ? 1 : SAMPLES); i++) {
          if (!uncached) f.push(await load(`${floor.url}${query}`, connections, false));
          // Uncached runs last longer: a recipe over 1 M orders takes seconds, and a run must see many of them end.
          k.push(await load(url, connections, uncached, uncached && !smoke ? DURATION * 2 : DURATION));
        }
        floors.set(connections, f);
        requests += k.reduce((n, x) => n + x.ok + x.errors, 0);
        rss.push(rssOf(server.child.pid));
        const kpi = medianRun(k);
        const fl = medianRun(f);
        rows.push({
          engine,
          scenario: `${uncached ? 'uncached' : 'cached'}, ${connections} connections`,
          kpi,
          floor: fl,
          samples: k.length,
          rpsRatio: kpi.rps / fl.rps,
          p99Ratio: kpi.p99 / Math.max(fl.p99, 1),
          target: uncached ? null : { rps: 0.5, p99: 3 },
          met: uncached ? null : kpi.rps / fl.rps >= 0.5 && kpi.p99 / Math.max(fl.p99, 1) <= 3,
        });
        const r = rows.at(-1);
        console.log(
          `${engine} ${r.scenario}: ${fmt(kpi.rps)} req/s (p50 ${kpi.p50} ms, p99 ${kpi.p99} ms, ` +
            `${kpi.errors} errors) · floor ${fmt(fl.rps)} req/s (p99 ${fl.p99} ms) · ` +
            `${r.rpsRatio.toFixed(2)}× req/s, ${r.p99Ratio.toFixed(1)}× p99`,
        );
      }
    }
    rows.push({ engine, scenario: 'server memory (MB RSS): before, then after each run', rssBefore, rss, requests });
    console.log(
      `${engine} memory: ${fmt(rssBefore)} MB, then ${rss.map(fmt).join(' → ')} MB over ${requests} requests`,
    );
  } finally {
    server.stop();
    floor?.stop();
  }
}

const COHORT = '/kpi/cohort?period=month';
console.log(
  `serve bench: ${ORDERS.toLocaleString('en')} orders, ${DURATION} s per run, connections ${CONNECTIONS.join(', ')}`,
);
if (runs('duckdb')) await bench('DuckDB', ['--orders', ordersFile, '--ttl', '3600'], COHORT);
if (runs('postgres')) {
  const pgServer = await postgresWithOrders(kit, ordersFile);
  try {
    await bench('PostgreSQL', ['--db', pgServer.url, '--orders', 'orders', '--ttl', '3600'], COHORT);
  } finally {
    pgServer.stop();
  }
}

console.log(
  '\n| engine | scenario | kpi-kit req/s | p50 / p99 ms | floor req/s | floor p99 ms | req/s ratio | p99 ratio |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows.filter((x) => x.kpi)) {
  const verdict = r.met === null ? 'reported' : r.met ? '✓' : '✗ missed';
  console.log(
    `| ${r.engine} | ${r.scenario} | ${fmt(r.kpi.rps)} | ${r.kpi.p50} / ${r.kpi.p99} | ` +
      `${fmt(r.floor.rps)} | ${r.floor.p99} | ` +
      `${r.rpsRatio.toFixed(2)}× | ${r.p99Ratio.toFixed(1)}× ${verdict} |`,
  );
}
const file = path.join(root, smoke || onlyArg ? 'bench/serve.results.local.json' : 'bench/serve.results.json');
const results = { date: new Date().toISOString(), orders: ORDERS, duration: DURATION, samples: SAMPLES, rows };
writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
console.log(`\nwrote ${path.relative(root, file)}`);
