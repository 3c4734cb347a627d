// Layers only point down. Each folder of src/ is a layer; a module may import its own layer and
// the layers before it in LAYERS, never one after it (type-only imports and import() included):
//
//   schema → format → i18n → compute → layout → view → data → lazy → kinds → registry → theme → core
//   → (entries) → components
//
// The kind modules (src/kinds/) name each kind's parts below them; the registry (src/registry.ts)
// adds each kind's widget; the entries (src/index.ts, src/node.ts) gather the layers for the
// package; nothing in src/ imports from components/, which only display.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The layers, bottom first. */
export const LAYERS = [
  ...['schema', 'format', 'i18n', 'compute', 'layout', 'view', 'data', 'lazy', 'kinds', 'registry', 'theme', 'core'],
  ...['entries', 'components'],
];

/** The layer of a file (a path from the repository root), or undefined outside src/ and components/. */
export function layerOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'components') return 'components';
  if (parts[0] !== 'src') return undefined;
  if (file === 'src/registry.ts') return 'registry';
  if (parts.length === 2) return 'entries';
  if (!LAYERS.includes(parts[1])) throw new Error(`${file}: src/${parts[1]} is not a layer; add it to LAYERS in tests/node/layers.test.mjs`);
  return parts[1];
}

/** The relative module specifiers a source imports (static, type-only, re-exports and import()), comments left out. */
export function importsOf(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  for (const m of code.matchAll(/\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)|^\s*import\s*['"](\.[^'"]+)['"]/gm)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

/** Each import that points up: `from → to (layer → layer)`. */
export function layerProblems(sources) {
  const problems = [];
  for (const [file, text] of sources) {
    const from = layerOf(file);
    if (!from) continue;
    for (const spec of importsOf(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const to = layerOf(target);
      if (to && LAYERS.indexOf(to) > LAYERS.indexOf(from)) problems.push(`${file} → ${target} (${from} imports ${to})`);
    }
  }
  return problems;
}

const tracked = () =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'src', 'components'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => /\.ts$/.test(f));

test('no import in src/ or components/ points up a layer', () => {
  const files = tracked();
  assert.ok(files.length > 50, 'git ls-files lists the sources');
  assert.deepEqual(layerProblems(files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')])), []);
});

test('the check catches an import that points up, in each of its forms', () => {
  const up = [
    ['src/view/funnel.ts', "import type { FunnelMessages } from '../../components/funnel/strings.js';"],
    ['src/compute/x.ts', "export { forecastView } from '../view/forecast.js';"],
    ['src/i18n/index.ts', "const load = () => import('../core/loader.js');"],
    ['src/schema/index.ts', "import '../registry.js';"],
  ];
  assert.equal(layerProblems(up).length, up.length);
  const down = [
    ['src/view/funnel.ts', "import { tone } from '../compute/common.js';\n// from '../core/x.js' in a comment"],
    ['components/funnel/kpi-funnel.ts', "import { KpiElement } from '../../src/core/kpi-element.js';"],
    ['src/index.ts', "export * from './view/funnel.js';"],
  ];
  assert.deepEqual(layerProblems(down), []);
  assert.throws(() => layerOf('src/widgets/x.ts'), /not a layer/);
});
