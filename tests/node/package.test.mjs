// The built package, as a Node 20 backend would use it: `import { parseKpi } from 'kpi-kit'`.
// Run after `npm run build` (scripts/test.mjs does both).
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../../scripts/registry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A fixture's path: the project's copy (demo/public/data). */
const fixture = (name) => path.join(root, 'demo/public/data', name);

test('the package root imports in plain Node with no side effects on globals', async () => {
  const before = Object.keys(globalThis).sort();
  const kit = await import('kpi-kit');
  assert.equal(typeof kit.parseKpi, 'function');
  // zod itself keeps its config and registry on globalThis (shared between copies of zod); nothing else may appear.
  const added = Object.keys(globalThis).filter((k) => !before.includes(k) && !k.startsWith('__zod_'));
  assert.deepEqual(added, []);
});

test("a Node backend validates documents with the widgets' own code", async () => {
  const { parseKpi, issueText } = await import('kpi-kit');
  const { FIXTURE_FILES } = await loadRegistry();
  for (const name of FIXTURE_FILES) {
    const r = parseKpi(JSON.parse(readFileSync(fixture(name), 'utf8')));
    assert.equal(r.ok, true, `${name}: ${r.issues.map(issueText).join('; ')}`);
  }
  const bad = parseKpi({
    kind: 'funnel',
    version: 1,
    steps: [
      { id: 'a', label: 'A', count: 1 },
      { id: 'b', label: 'B', count: -4 },
    ],
  });
  assert.deepEqual(bad.issues.map(issueText), ['steps[1].count: expected a non-negative integer, got -4']);
});

test('a Node job turns rows into a forecast, with the fit, in plain Node (no database, no browser)', async () => {
  const { buildForecast, forecastSeries, parseKpi } = await import('kpi-kit');
  const orders = Array.from({ length: 120 }, (_, i) => ({
    order_id: `o${i}`,
    customer_id: `c${i % 30}`,
    ordered_at: new Date(Date.UTC(2026, 0, 1 + i * 2)).toISOString(),
    amount: 100 + (i % 7) * 10,
  }));
  const doc = buildForecast(orders, { granularity: 'month', title: 'Revenue' });
  assert.equal(parseKpi(doc).ok, true);
  const fit = forecastSeries(
    doc.points.filter((p) => !p.partial).map((p) => p.actual),
    { horizon: 3 },
  );
  assert.equal(fit.forecast.length, 3);
  assert.ok(fit.forecast.every((f) => Number.isFinite(f.value) && f.lower <= f.value && f.value <= f.upper));
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

test('the JSON Schemas keep the rules the zod schemas check in code: integer counts, enums, maps', () => {
  // The rules themselves, without the descriptions the build adds to every property (scripts/schema-docs.mjs).
  const bare = (node) =>
    JSON.parse(JSON.stringify(node, (k, v) => (k === 'description' || k === 'examples' ? undefined : v)));
  const read = (kind) => bare(JSON.parse(readFileSync(path.join(root, 'dist/schema', `${kind}.schema.json`), 'utf8')));
  const funnel = read('funnel');
  assert.deepEqual(funnel.properties.steps.items.properties.count.anyOf[0], {
    type: 'integer',
    minimum: 0,
    maximum: 1e15,
  });
  const channels = read('channels');
  assert.deepEqual(channels.properties.metrics.items.properties.format, {
    type: 'string',
    enum: ['currency', 'integer', 'number', 'percent', 'duration'],
  });
  const values = channels.properties.channels.items.properties.values;
  assert.equal(values.type, 'object');
  assert.deepEqual(values.additionalProperties.anyOf[1], { type: 'null' });
  assert.equal(read('checkout-friction').properties.steps.items.properties.entered.type, 'integer');
  // Rules that run as zod refinements reach the JSON Schemas through schemaKeywords.
  const step = funnel.properties.steps;
  assert.equal(step.minItems, 2);
  assert.deepEqual(step.items.properties.id, { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' });
  assert.deepEqual(step.items.properties.label, { type: 'string', maxLength: 200 });
  assert.deepEqual(funnel.properties.currency, {
    type: 'string',
    pattern: '^[A-Z]{3}$',
    enum: Intl.supportedValuesOf('currency'),
  });
  assert.deepEqual(funnel.properties.period.properties.from, {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    format: 'date',
  });
  assert.deepEqual(step.items.properties.medianSecondsFromPrevious, { type: 'number', minimum: 0, maximum: 1e10 });
  assert.deepEqual(channels.properties.totals.additionalProperties, { type: 'number', minimum: -1e15, maximum: 1e15 });
});

test('every export in package.json points at a built file', async () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const targets = typeof target === 'string' ? [target] : Object.values(target);
    for (const t of targets) {
      if (t.includes('*')) {
        const dir = path.join(root, path.dirname(t));
        assert.ok(existsSync(dir) && readdirSync(dir).length > 0, `${subpath} → ${t}`);
      } else if (!t.endsWith('custom-elements.json')) {
        assert.ok(existsSync(path.join(root, t)), `${subpath} → ${t} is missing`);
      }
    }
  }
});

test('the npm build leaves lit, d3 and zod to the package manager, and the CDN build bundles everything', async () => {
  const lib = readFileSync(path.join(root, 'dist/lib/components/funnel/kpi-funnel.js'), 'utf8');
  assert.match(lib, /from ["']lit["']/);
  for (const name of readdirSync(path.join(root, 'dist/cdn')).filter((f) => f.endsWith('.js'))) {
    const cdn = readFileSync(path.join(root, 'dist/cdn', name), 'utf8');
    assert.doesNotMatch(cdn, /\bfrom\s*["'](lit|zod|d3-[\w-]+)/, `${name} imports a bare package`);
    assert.doesNotMatch(cdn, /\bimport\(["'](lit|zod|d3-)/, `${name} imports a bare package`);
  }
});

// What loads later (languages, the CSV export, insights) are chunks that import nothing.
test('each CDN file stands alone: no static import', () => {
  const cdn = path.join(root, 'dist/cdn');
  for (const name of readdirSync(cdn).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(path.join(cdn, name), 'utf8');
    assert.doesNotMatch(
      code,
      /(^|[;}])\s*(import\s*[\w{*]|export\s*[\w{*][^;]*\bfrom\b)/,
      `${name} imports statically: its size would not be what a page downloads`,
    );
    for (const [, chunk] of code.matchAll(/import\("\.\/(chunks\/[\w.-]+\.js)"\)/g))
      assert.ok(existsSync(path.join(cdn, chunk)), `${name} loads ${chunk}, which is missing`);
  }
  const chunks = readdirSync(path.join(cdn, 'chunks'));
  assert.deepEqual(chunks.sort(), [
    'cohort-curve.js',
    'es.js',
    'export.js',
    'forecast-engine.js',
    'insights.js',
    'pt-BR.js',
  ]);
  for (const name of chunks) {
    const code = readFileSync(path.join(cdn, 'chunks', name), 'utf8');
    assert.doesNotMatch(
      code,
      // `import{…}`, `import("…")`, `import"…"` or `import x`; not a word that starts with it (`importance`).
      /\bimport(\s*[{*("'`]|\s+[\w$])/,
      `chunks/${name} imports something: shared code would have left the main files`,
    );
  }
});

test('the package root exports the pure core for a backend: compute, view models, languages on demand', async () => {
  const kit = await import('kpi-kit');
  for (const name of [
    'computeFunnel',
    'computeCohort',
    'slaRows',
    'funnelView',
    'channelsView',
    'slaCsv',
    'formatValue',
    'loadLanguage',
    'WIDGETS',
  ])
    assert.ok(name in kit, name);
  const doc = JSON.parse(readFileSync(fixture('funnel.fulfilment.json'), 'utf8'));
  await kit.loadLanguage('pt-BR');
  const total = kit.computeFunnel(doc);
  const view = kit.funnelView(doc, total, kit.computeComparison(doc, total), undefined, {
    percentOf: 'first',
    scale: 'linear',
    locale: 'pt-BR',
    t: kit.translator(kit.funnelStrings, 'pt-BR'),
  });
  assert.equal(view.summary.overallLabel, 'Conversão total');
  assert.equal(view.steps[0].count, '8.663');
});

test('npm pack ships the package and nothing else (no Storybook, demo, tests or sources), with its licence', () => {
  const out = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const files = JSON.parse(out.stdout)[0].files.map((f) => f.path);
  const allowed = (f) =>
    /^(dist\/(lib|types|cdn|schema)\/|dist\/cli\/main\.js$|types\/react\.d\.ts$|bin\/kpi-kit\.mjs$)/.test(f) ||
    /^(LICENSE|README\.md|package\.json|custom-elements\.json)$/.test(f);
  assert.deepEqual(
    files.filter((f) => !allowed(f)),
    [],
  );
  for (const must of [
    'LICENSE',
    'dist/cdn/kpi-kit.js',
    'dist/cdn/chunks/pt-BR.js',
    'dist/lib/index.js',
    'dist/types/src/index.d.ts',
    'types/react.d.ts',
    'bin/kpi-kit.mjs',
    'dist/cli/main.js',
  ])
    assert.ok(files.includes(must), must);
});

// Every locked package accepts the Node running the tests (Node 20 here and in CI).
test('npm ci prints no engine warning', async () => {
  const { default: semver } = await import('semver');
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const refuse = Object.entries(lock.packages)
    .filter(([name, p]) => name && p.engines?.node && !semver.satisfies(process.versions.node, p.engines.node))
    .map(([name, p]) => `${name} wants Node ${p.engines.node}`);
  assert.deepEqual(refuse, []);
});
