// What the command line's tests share: the CLI run as a user runs it (a child process of bin/kpi-kit.mjs), a
// scratch folder per test file, the raw Olist sample, and a throw-away PostgreSQL loaded with files.
import { test } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The raw Olist sample the project keeps (gzipped, as `kpi-kit import olist` reads it).
export const OLIST = path.join(root, 'data/olist');
/** `kpi-kit <args>`, waited for: { status, stdout, stderr }. */
export const run = (...args) =>
  spawnSync(process.execPath, [path.join(root, 'bin/kpi-kit.mjs'), ...args], { encoding: 'utf8' });
/** `run`, without blocking this process (a server of the test's own answers the command). */
export const runAsync = (...args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/kpi-kit.mjs'), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

/**
 * A scratch folder for this test file, removed after its tests: `dir`, and `file(name, text?)`, its path in the folder
 * (written when text is given).
 */
export function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kpi-cli-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name, text) => {
    const f = path.join(dir, name);
    if (text !== undefined) writeFileSync(f, text);
    return f;
  };
  return { dir, file };
}

/** A throw-away PostgreSQL server with each [table, columns, CSV file] created and loaded; the caller stops it. */
export async function postgresWith(tables) {
  const { startPostgres } = await import('../../scripts/postgres.mjs');
  const server = await startPostgres();
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  for (const [table, columns, file] of tables) {
    const copy = path.join(server.dir, path.basename(file));
    copyFileSync(file, copy);
    chmodSync(copy, 0o644);
    await client.query(`CREATE TABLE ${table} (${columns})`);
    await client.query(`COPY ${table} FROM '${copy}' WITH (FORMAT csv, HEADER true)`);
  }
  await client.end();
  return server;
}
