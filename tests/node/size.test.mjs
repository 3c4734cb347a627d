// The size check (scripts/size.mjs) against folders of made-up CDN files: it passes within
// the budgets and fails, printing the numbers, when a file is over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts/size.mjs');

/** Runs the size check over a folder holding `files` (name → gzipped kB wanted; random bytes do not compress). */
function check(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kpi-size-'));
  try {
    for (const [name, kb] of Object.entries(files))
      writeFileSync(path.join(dir, name), randomBytes(Math.round(kb * 1000) - 40));
    return spawnSync(process.execPath, [script, '--dir', dir], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('files within their budgets pass and their sizes are printed', () => {
  const r = check({ 'kpi-kit.js': 40, 'kpi-funnel.js': 20 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /✓ kpi-funnel\.js .* kB gzip {3}budget 30 kB/);
  assert.match(r.stdout, /✓ kpi-kit\.js .* kB gzip {3}budget 56 kB \(\d+ B to spare\)/);
});

test('a single-widget file over 30 kB fails with its size', () => {
  const r = check({ 'kpi-kit.js': 40, 'kpi-funnel.js': 31 });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /✗ kpi-funnel\.js .*3[01]\.\d+ kB gzip {3}budget 30 kB \(\d+ B over\)/);
  assert.match(r.stderr, /1 CDN file\(s\) over the size budget/);
});

// 50 kB for five widgets and 6 kB for showing insights.
test('the whole kit over 56 kB fails with its size, even by a few hundred bytes', () => {
  for (const kb of [56.3, 66]) {
    const r = check({ 'kpi-kit.js': kb, 'kpi-funnel.js': 20 });
    assert.equal(r.status, 1, `${kb} kB passed`);
    assert.match(r.stdout, /✗ kpi-kit\.js .* kB gzip {3}budget 56 kB \(\d+ B over\)/);
    assert.match(r.stderr, /1 CDN file\(s\) over the size budget/);
  }
});

test('the kit may grow by 6 kB for each widget after the fifth', () => {
  const six = { 'kpi-a.js': 20, 'kpi-b.js': 20, 'kpi-c.js': 20, 'kpi-d.js': 20, 'kpi-e.js': 20, 'kpi-f.js': 20 };
  const ok = check({ ...six, 'kpi-kit.js': 61.5 });
  assert.equal(ok.status, 0, ok.stdout);
  assert.match(ok.stdout, /✓ kpi-kit\.js .* kB gzip {3}budget 62 kB/);
  const over = check({ ...six, 'kpi-kit.js': 62.4 });
  assert.equal(over.status, 1);
  assert.match(over.stdout, /✗ kpi-kit\.js .* kB gzip {3}budget 62 kB \(\d+ B over\)/);
});
