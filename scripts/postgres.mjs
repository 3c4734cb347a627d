// A throw-away PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster
// made by initdb in a temporary folder (as the `postgres` user when we are root), a free
// local port, stopped and deleted by stop(). ensurePostgres() finds the binaries or, as
// root with apt-get, installs Debian's package; otherwise it stops with one line that says how.
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The folder holding initdb and pg_ctl: $KPI_PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function findPostgresBin() {
  const env = process.env.KPI_PG_BIN;
  if (env && existsSync(path.join(env, 'initdb'))) return env;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, 'bin/initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  return undefined;
}

export function ensurePostgres() {
  const found = findPostgresBin();
  if (found) return found;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(
      "kpi-kit: no PostgreSQL found; installing Debian's postgresql with apt-get " +
        "(the data path's tests start a server of their own)…",
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const after = findPostgresBin();
    if (after) return after;
  }
  console.error(
    'kpi-kit: no PostgreSQL server binaries (initdb, pg_ctl) found: ' +
      'run `sudo apt-get install -y postgresql` or set KPI_PG_BIN to their folder.',
  );
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary, as the `postgres` user when we are root (initdb refuses root). */
function run(bin, file, args) {
  const cmd = path.join(bin, file);
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
  else execFileSync(cmd, args, { stdio: 'pipe' });
}

/**
 * Starts a fresh cluster; resolves to { url, dir, stop }. `dir` is readable by the server
 * (for COPY … FROM a file). Trust authentication on 127.0.0.1 only; fsync off (throw-away data).
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error('no PostgreSQL server binaries found (apt-get install -y postgresql, or set KPI_PG_BIN)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-pg-'));
  chmodSync(dir, 0o755);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  const start = () =>
    run(bin, 'pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
  try {
    run(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    start();
  } catch (e) {
    const log = existsSync(path.join(dir, 'server.log'))
      ? readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000)
      : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${e.stderr?.toString() ?? e.message}\n${log}`);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    port,
    stop,
    /** Stops the server as an operator would (fast shutdown: sessions ended), keeping its data. */
    halt: () => run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    /** Starts it again on the same port, with the same data. */
    restart: start,
  };
}
