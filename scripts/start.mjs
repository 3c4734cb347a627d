// `npm start`: builds the CDN files, builds the demo's documents from raw rows, starts `kpi-kit serve` over two
// generated stores for the demo's board, then serves the demo (with /kpi passed on to kpi-kit serve), saying what it
// does: a line per step with its time, and the URL at the end. A SIGINT (Ctrl-C) or SIGTERM (a process manager, or
// npm passing one on) ends every process it started, the servers included.
//
// The board's server runs with a signing secret made at start; the demo page gets a token per store from
// /demo/tenants.json (the agency case: each client sees only its own rows). That route exists only here, for a
// demo of generated data on this machine: a real backend signs a token for the user it has logged in.
//   npm start [-- --port 5173] [--host 127.0.0.1] [--no-build (keep the dist/cdn there is)]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-build': { type: 'boolean', default: false },
  },
});
const t0 = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line) => process.stdout.write(`kpi-kit start: ${line}\n`);

let child = null;
let server = null;
/** kpi-kit serve, for the board. */
let kpiServe = null;
let stopping = false;

/** Whether a process group has no process left (its zombies reaped). */
function groupGone(pgid) {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * Ends what is running (the current step's process group, or the server) and exits with the signal's status, once
 * they are gone: a process manager that sees this script exit expects nothing of it left behind (the step's
 * grandchildren get the signal with it, but may take a moment to go; at most five seconds are waited for).
 */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  const group = child?.exitCode === null ? child.pid : null;
  if (group !== null) {
    try {
      process.kill(-group, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const served = kpiServe?.exitCode === null ? new Promise((resolve) => kpiServe.once('exit', resolve)) : null;
  kpiServe?.kill('SIGTERM');
  await server?.close();
  await served;
  for (const until = Date.now() + 5000; group !== null && !groupGone(group) && Date.now() < until; )
    await new Promise((resolve) => setTimeout(resolve, 20));
  process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

/** Runs one step as its own process group (so a stop ends it and whatever it started), its output passed through. */
function step(name, script, scriptArgs = []) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [path.join(root, script), ...scriptArgs], {
      cwd: root,
      stdio: 'inherit',
      detached: true,
    });
    say(`${name}…`);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      if (code === 0) {
        say(`✓ ${name} (${seconds(started)})`);
        resolve();
      } else reject(new Error(`${name} failed (${signal ?? `exit ${code}`}, ${seconds(started)})`));
    });
  });
}

/**
 * Starts `kpi-kit serve` over the two stores' rows (demo/.serve, written by scripts/demo-data.mjs) with a fresh
 * secret on a free port of this machine; resolves with its origin and the secret once it listens.
 */
function startKpiServe() {
  const secret = randomBytes(32).toString('base64url');
  const dir = path.join(root, 'demo/.serve');
  const files = ['orders', 'events', 'frictions'].flatMap((t) => [`--${t}`, path.join(dir, `${t}.parquet`)]);
  kpiServe = spawn(process.execPath, [path.join(root, 'bin/kpi-kit.mjs'), 'serve', ...files, '--port', '0'], {
    cwd: root,
    env: { ...process.env, KPI_KIT_SECRET: secret },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    kpiServe.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
      const m = err.match(/serving \w+ on (http:\/\/[^\s]+)\/kpi/);
      if (m) resolve({ origin: m[1], secret });
    });
    kpiServe.on('exit', (code) => reject(new Error(`kpi-kit serve stopped (exit ${code}): ${err.trim()}`)));
  });
}

/** A token per store of demo/raw/stores.json, valid 12 hours, signed with the server's secret. */
async function tenantTokens(secret) {
  const { SignJWT } = await import('jose');
  const key = new TextEncoder().encode(secret);
  const stores = JSON.parse(readFileSync(path.join(root, 'demo/raw/stores.json'), 'utf8'));
  return Promise.all(
    stores.map(async (s) => ({
      id: s.id,
      label: s.label,
      token: await new SignJWT({ kpi: { store: [s.id] } })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(key),
    })),
  );
}

try {
  if (args['no-build'] && existsSync(path.join(root, 'dist/cdn/kpi-kit.js')))
    say('keeping the CDN files there are (--no-build)');
  else await step('building the CDN files (dist/cdn)', 'scripts/build.mjs', ['--no-types']);
  await step(
    'building the demo documents from raw rows (data/olist, with the kpi-kit CLI and DuckDB)',
    'scripts/demo-data.mjs',
  );
  let started = Date.now();
  say('starting kpi-kit serve over two generated stores (demo/.serve)…');
  const kpi = await startKpiServe();
  const tenants = JSON.stringify(await tenantTokens(kpi.secret));
  say(`✓ kpi-kit serve on ${kpi.origin}/kpi (${seconds(started)})`);
  started = Date.now();
  say('starting the demo server…');
  const { createServer } = await import('vite');
  server = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'demo'),
    server: {
      host: args.host,
      port: Number(args.port),
      strictPort: false,
      // The board's requests, passed on to kpi-kit serve.
      proxy: { '/kpi': { target: kpi.origin } },
    },
    plugins: [
      {
        name: 'kpi-demo-tenants',
        configureServer(s) {
          s.middlewares.use('/demo/tenants.json', (_req, res) => {
            res.setHeader('Content-Type', 'application/json');
            res.setHeader('Cache-Control', 'no-store');
            res.end(tenants);
          });
        },
      },
    ],
  });
  await server.listen();
  if (stopping) await server.close();
  else {
    const url = server.resolvedUrls?.local[0] ?? `http://${args.host}:${args.port}/`;
    say(`✓ demo server (${seconds(started)}); ready in ${seconds(t0)}`);
    say(`demo: ${url} · embed snippets: ${url}embed.html · Ctrl-C stops it`);
  }
} catch (e) {
  if (!stopping) {
    process.stderr.write(`kpi-kit start: ${e.message}\n`);
    await server?.close();
    process.exit(1);
  }
}
