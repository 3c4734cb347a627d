// `npm start` as a terminal or a process manager runs it: a line per step with its time, the URL at
// the end, and a SIGTERM to the npm process (what a process manager sends, and what npm passes on
// from a terminal's Ctrl-C) ends every process it started, the server included. Linux: a marker in
// the environment finds every process the start left behind, whatever process group it is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nothing listens on now. */
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Processes whose environment holds the marker. */
function withMarker(marker) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`KPI_START_MARKER=${marker}`);
      } catch {
        return false;
      }
    });
}

/** Starts `npm start`, resolves when a line matches `until`, with the process and what it printed. */
function start(port, marker, until) {
  const npm = spawn('npm', ['start', '--', '--port', String(port), '--no-build'], {
    cwd: root,
    env: { ...process.env, KPI_START_MARKER: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((resolve) => npm.on('exit', (code, signal) => resolve({ code, signal })));
  const reached = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      if (until.test(out)) resolve();
    };
    npm.stdout.on('data', onData);
    npm.stderr.on('data', onData);
    exited.then(() => reject(new Error(`npm start ended before ${until}:\n${out}`)));
  });
  return { npm, exited, reached, output: () => out };
}

test(
  'npm start says each step with its time and the URL; SIGTERM to npm ends the server and everything it started',
  { skip: process.platform !== 'linux' && 'reads /proc', timeout: 240_000 },
  async () => {
    const port = await freePort();
    const marker = `served-${process.pid}`;
    const run = start(port, marker, /demo: (http:\S+)/);
    try {
      await run.reached;
    } catch (e) {
      for (const pid of withMarker(marker)) process.kill(Number(pid), 'SIGKILL');
      throw e;
    }
    const url = /demo: (http:\S+)/.exec(run.output())[1];
    assert.equal(url, `http://127.0.0.1:${port}/`);
    assert.match(run.output(), /✓ building the demo documents from raw rows .* \(\d+\.\d s\)/);
    assert.match(run.output(), /✓ demo server \(\d+\.\d s\); ready in \d+\.\d s/);
    assert.equal((await fetch(url)).status, 200);
    run.npm.kill('SIGTERM');
    await run.exited;
    assert.deepEqual(withMarker(marker), [], 'processes left after npm exited');
    await assert.rejects(fetch(url), 'the server no longer answers');
  },
);

test(
  "SIGTERM during a build step ends that step's processes too",
  { skip: process.platform !== 'linux' && 'reads /proc', timeout: 240_000 },
  async () => {
    const marker = `step-${process.pid}`;
    const run = start(await freePort(), marker, /building the demo documents from raw rows[^\n]*…/);
    try {
      await run.reached;
      assert.ok(
        withMarker(marker).length >= 3,
        `npm, the start script and the step are running: ${withMarker(marker).length}\n${run.output()}`,
      );
    } catch (e) {
      for (const pid of withMarker(marker)) process.kill(Number(pid), 'SIGKILL');
      throw e;
    }
    run.npm.kill('SIGTERM');
    await run.exited;
    assert.deepEqual(withMarker(marker), [], 'processes left after npm exited');
    assert.doesNotMatch(run.output(), /✓ building the demo documents/);
  },
);
