// The repository stands alone: a plain clone, with nothing beside it, passes `npm ci && npm test`
// and runs `npm start`. No tracked file may reach outside the repository for data or docs; the
// only mentions of the workplace's ../shared allowed are the comparisons that check a project
// copy still equals its original where that folder happens to be present (and skip otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The two modules that build the path of ../shared, for the tests that compare a project copy with it (each behind an
 * existence check).
 */
const COMPARISONS = new Set(['tests/unit/fixtures.ts', 'tests/data/olist.ts']);
/** Code that builds a path to ../shared (a string starting with ../ that reaches it). */
const CODE_PATH = /['"`](\.\.\/)+shared\b|['"`]\.\.['"`],\s*['"`]shared['"`]/;
/** Docs that send a reader to ../shared: a link, or the design notes a clone does not have. */
const DOC_PATH = /\]\((\.\.\/)+shared\b|\.\.\/shared\/design\b/;

test('no tracked file reads or links ../shared, except the comparisons with a project copy', () => {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  assert.ok(files.length > 100, 'git ls-files lists the repository');
  const offenders = files.filter((f) => {
    if (COMPARISONS.has(f) || /\.(gz|png|parquet|json)$/.test(f) || f === 'tests/node/standalone.test.mjs')
      return false;
    const text = readFileSync(path.join(root, f), 'utf8');
    return (f.endsWith('.md') ? DOC_PATH : CODE_PATH).test(text);
  });
  assert.deepEqual(offenders, []);
});

test('the patterns catch what they are for', () => {
  assert.ok(CODE_PATH.test("new URL('../../../shared/data/olist/', import.meta.url)"));
  assert.ok(CODE_PATH.test("path.resolve(root, '../shared/fixtures', name)"));
  assert.ok(!CODE_PATH.test("it('the copies are identical to ../shared/fixtures')"));
  assert.ok(DOC_PATH.test('(`../shared/design/data-path.md`)'));
  assert.ok(DOC_PATH.test('[notes](../shared/fixtures/README.md)'));
  assert.ok(!DOC_PATH.test('[notes](docs/data-path.md)'));
});
