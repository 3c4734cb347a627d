// The built package, as a Node 20 backend would use it: `import { parseKpi } from 'kpi-kit'`.
// Run after `npm run build` (scripts/test.mjs does both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = existsSync(path.resolve(root, '../shared/fixtures')) ? path.resolve(root, '../shared/fixtures') : path.join(root, 'demo/public/data');

test('the package root imports in plain Node with no side effects on globals', async () => {
  const before = Object.keys(globalThis).sort();
  const kit = await import('kpi-kit');
  assert.equal(typeof kit.parseKpi, 'function');
  // zod itself keeps its config and registry on globalThis (shared between copies of zod); nothing else may appear.
  const added = Object.keys(globalThis).filter((k) => !before.includes(k) && !k.startsWith('__zod_'));
  assert.deepEqual(added, []);
});

test('a Node backend validates documents with the widgets\' own code', async () => {
  const { parseKpi, issueText } = await import('kpi-kit');
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.json'))) {
    const r = parseKpi(JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')));
    assert.equal(r.ok, true, `${name}: ${r.issues.map(issueText).join('; ')}`);
  }
  const bad = parseKpi({ kind: 'funnel', version: 1, steps: [{ id: 'a', label: 'A', count: 1 }, { id: 'b', label: 'B', count: -4 }] });
  assert.deepEqual(bad.issues.map(issueText), ['steps[1].count: expected a non-negative integer, got -4']);
});

test('the build writes one JSON Schema per kind', async () => {
  const { KPI_KINDS } = await import('kpi-kit');
  for (const kind of KPI_KINDS) {
    const file = path.join(root, 'dist/schema', `${kind}.schema.json`);
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.properties.kind.const, kind);
    assert.ok(schema.required.includes('kind') && schema.required.includes('version'));
  }
});
