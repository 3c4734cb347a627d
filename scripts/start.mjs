// `npm start`: builds the CDN files, builds the demo's documents from raw rows, then serves the demo,
// saying what it does: a line per step with its time, and the URL at the end. A SIGINT (Ctrl-C) or
// SIGTERM (a process manager, or npm passing one on) ends every process it started, the server included.
//   npm start [-- --port 5173] [--host 127.0.0.1] [--no-build (keep the dist/cdn there is)]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
let stopping = false;

/** Ends what is running (the current step's process group, or the server) and exits with the signal's status. */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  if (child?.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await server?.close();
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

try {
  if (args['no-build'] && existsSync(path.join(root, 'dist/cdn/kpi-kit.js')))
    say('keeping the CDN files there are (--no-build)');
  else await step('building the CDN files (dist/cdn)', 'scripts/build.mjs', ['--no-types']);
  await step(
    'building the demo documents from raw rows (data/olist, with the kpi-kit CLI and DuckDB)',
    'scripts/demo-data.mjs',
  );
  const started = Date.now();
  say('starting the demo server…');
  const { createServer } = await import('vite');
  server = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'demo'),
    server: { host: args.host, port: Number(args.port), strictPort: false },
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
