// Writes what follows from the widget registry (src/registry.ts), so no other file lists the widgets by hand:
//   package.json          exports, sideEffects and typesVersions for every widget
//   components/index.ts   the module that registers every element (kpi-kit/all and the kit CDN file)
//   types/react.d.ts      React 19 JSX typings, from custom-elements.json (run after the build)
//   src/i18n/<language>.ts  each language's chunk: its shared messages and every widget's
//   src/kinds/all.ts      the maps made from the kind modules (src/kinds/<kind>.ts): schemas, facts, types
//   tests/data/kinds/all.ts  each kind's robustness data (tests/data/kinds/<kind>.ts), for the fast-check suites
//   src/data/paths/all.ts the data paths of the kinds that have one (src/data/paths/<kind>.ts), for the CLI
//   src/insights/all.ts   the insight rules of the kinds that have them (src/insights/<kind>.ts)
//   src/export/all.ts     each kind's CSV table (src/export/<kind>.ts)
//   components/board/tags.ts         each kind's widget tag, for <kpi-board>
//   components/board/widgets.ts      how <kpi-board> loads the widgets it shows (npm: each widget's module)
//   components/board/widgets.cdn.ts  the same in the CDN file kpi-board.js (the widget's file, or the kit for several)
//
//   node scripts/generate.mjs --write   update the files
//   node scripts/generate.mjs --check   fail, naming the file, when one is out of date (npm test runs this)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRegistry, root } from './registry.mjs';
import { reactTypings } from './react-typings.mjs';

const mode = process.argv.includes('--write') ? 'write' : 'check';
const { WIDGETS, ELEMENTS, BOARD } = await loadRegistry();

/** package.json with the registry's widgets in exports, sideEffects and typesVersions (other keys kept in place). */
function packageJson(text) {
  const pkg = JSON.parse(text);
  const exports = {
    '.': { types: './dist/types/src/index.d.ts', import: './dist/lib/index.js' },
    // The data path's SQL engines for Node (DuckDB, PostgreSQL; optional drivers).
    './node': { types: './dist/types/src/node.d.ts', import: './dist/lib/node.js' },
    './all': { types: './dist/types/components/index.d.ts', import: './dist/lib/all.js' },
  };
  for (const w of ELEMENTS) {
    exports[`./${w.folder}`] = {
      types: `./dist/types/components/${w.folder}/define.d.ts`,
      import: `./dist/lib/${w.folder}.js`,
    };
  }
  Object.assign(exports, {
    './react': { types: './types/react.d.ts' },
    './cdn/*': './dist/cdn/*',
    './schema/*': './dist/schema/*',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  });
  pkg.exports = exports;
  pkg.sideEffects = [
    './components/index.ts',
    './components/*/define.ts',
    './dist/lib/all.js',
    ...ELEMENTS.map((w) => `./dist/lib/${w.folder}.js`),
    './dist/lib/components/index.js',
    './dist/lib/components/*/define.js',
    './dist/cdn/*.js',
  ];
  pkg.typesVersions = {
    '*': {
      node: ['dist/types/src/node.d.ts'],
      all: ['dist/types/components/index.d.ts'],
      ...Object.fromEntries(ELEMENTS.map((w) => [w.folder, [`dist/types/components/${w.folder}/define.d.ts`]])),
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function componentsIndex() {
  return [
    '/**',
    ' * Registers every kpi-kit element. This file and the `define.ts` files are the',
    ' * only modules with side effects. Generated from src/registry.ts by',
    ' * scripts/generate.mjs: do not edit.',
    ' */',
    ...ELEMENTS.map((w) => `export * from './${w.folder}/define.js';`),
    "// The widgets' base class, for kit-wide settings such as `KpiElement.fetcher`.",
    "export { KpiElement } from '../src/core/kpi-element.js';",
    '',
  ].join('\n');
}

/** `checkout-friction` → `checkoutFriction`. */
const identifier = (kind) => kind.replace(/-(\w)/g, (_, c) => c.toUpperCase());

const pascal = (kind) => identifier(kind).replace(/^\w/, (c) => c.toUpperCase());

/** `src/kinds/all.ts`: every kind module's exports, and the maps by kind that the rest of the kit reads. */
function kindsIndex() {
  const kinds = WIDGETS.map((w) => w.kind);
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  const map = (pick) => kinds.map((k) => `  ${key(k)}: ${pick(k)};`);
  return [
    '/**',
    ' * Every kind, from its module (src/kinds/<kind>.ts): its public API, and the maps by kind the rest',
    ' * of the kit reads. Generated from src/registry.ts by scripts/generate.mjs: do not edit.',
    ' */',
    ...kinds.map((k) => `import * as ${identifier(k)} from './${k}.js';`),
    '',
    ...kinds.map((k) => `export * from './${k}.js';`),
    '',
    '/** The zod schema of each kind of KPI document. */',
    'export const schemas = {',
    ...kinds.map((k) => `  ${key(k)}: ${identifier(k)}.${identifier(k)}Schema,`),
    '} as const;',
    '',
    '/** The kinds of KPI document. */',
    'export type KpiKind = keyof typeof schemas;',
    '',
    "/** Each kind's facts (its JSON Schema's descriptions, the code it loads on demand), for the build. */",
    'export const KIND_FACTS = {',
    ...kinds.map((k) => `  ${key(k)}: ${identifier(k)}.${identifier(k)}Kind,`),
    '} as const;',
    '',
    '/** The typed document of each kind. */',
    'export interface KpiDocMap {',
    ...map((k) => `${identifier(k)}.${pascal(k)}Kind['doc']`),
    '}',
    '',
    '/**',
    " * What each widget's `kpi-select` says the user picked: `type` names the thing, `id` its id in the",
    ' * document, and further fields qualify it. Narrow on `type` (a discriminated union).',
    ' */',
    'export interface KpiSelections {',
    ...map((k) => `${identifier(k)}.${pascal(k)}Kind['selection']`),
    '}',
    '',
    "/** Each widget's English messages, which every other language's are checked against. */",
    'export interface WidgetEnglish {',
    ...map((k) => `${identifier(k)}.${pascal(k)}Kind['english']`),
    '}',
    '',
  ].join('\n');
}

/**
 * A generated module that gathers one export of each kind's own module (`<folder>/<kind>.ts`) into a map by kind, in
 * the registry's order: `value(identifier)` names the export, `imported(identifier)` what is imported for it. `some`:
 * only the kinds that have the module (a kind without a data path has no `src/data/paths/<kind>.ts`).
 */
function kindMap({ folder, some = false, head, imported, reexport = [], doc, name, value }) {
  const kinds = WIDGETS.map((w) => w.kind).filter((k) => !some || existsSync(path.join(root, folder, `${k}.ts`)));
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  return [
    ...head,
    ...kinds.map((k) => `import ${imported(identifier(k))} from './${k}.js';`),
    '',
    ...(reexport.length ? [...reexport, ...kinds.map((k) => `export * from './${k}.js';`), ''] : []),
    ...(doc ? [doc] : []),
    `export const ${name} = {`,
    ...kinds.map((k) => `  ${key(k)}: ${value(identifier(k))},`),
    '} as const;',
    '',
  ].join('\n');
}

/** The opening comment of a generated map, from its lines. */
const mapHead = (...lines) => ['/**', ...lines.map((l) => ` * ${l}`), ' */'];

/**
 * `src/data/paths/all.ts`: each kind's data path (`<kind>Path` in src/data/paths/<kind>.ts), for `kpi-kit build` and
 * `sql`.
 */
const dataPaths = () =>
  kindMap({
    folder: 'src/data/paths',
    some: true,
    head: mapHead(
      'The data path of every kind that has one (src/data/paths/<kind>.ts), by kind: what `kpi-kit build`',
      'and `kpi-kit sql` run. Generated from src/registry.ts by scripts/generate.mjs: do not edit.',
    ),
    imported: (id) => `{ ${id}Path }`,
    reexport: ["export * from './common.js';"],
    doc: "/** Each kind's data path, in the registry's order. */",
    name: 'DATA_PATHS',
    value: (id) => `${id}Path`,
  });

/** `src/insights/all.ts`: each kind's insight rules (`<kind>Insights` in src/insights/<kind>.ts), for `insights()`. */
const insightRules = () =>
  kindMap({
    folder: 'src/insights',
    some: true,
    head: mapHead(
      'The insight rules of every kind that has them (src/insights/<kind>.ts), by kind: what `insights()`',
      'runs. Generated from src/registry.ts by scripts/generate.mjs: do not edit.',
    ),
    imported: (id) => `{ ${id}Insights }`,
    doc: "/** Each kind's insight rules, in the registry's order. */",
    name: 'INSIGHT_RULES',
    value: (id) => `${id}Insights`,
  });

/** `src/export/all.ts`: each kind's CSV table (`<kind>Csv` in src/export/<kind>.ts), for `el.export('csv')`. */
const csvTables = () =>
  kindMap({
    folder: 'src/export',
    head: mapHead(
      "Each kind's CSV table (src/export/<kind>.ts), by kind: what a widget's `export('csv')` writes. Generated from",
      'src/registry.ts by scripts/generate.mjs: do not edit.',
    ),
    imported: (id) => `{ ${id}Csv }`,
    doc: "/** Each kind's CSV table, in the registry's order. */",
    name: 'CSV_TABLES',
    value: (id) => `${id}Csv`,
  });

/** `tests/data/kinds/all.ts`: each kind's required fields, rules and valid extremes, for the robustness suites. */
const testKinds = () =>
  kindMap({
    folder: 'tests/data/kinds',
    head: [
      "/** Each kind's robustness data, by kind. " +
        'Generated from src/registry.ts by scripts/generate.mjs: do not edit. */',
    ],
    imported: (id) => `* as ${id}`,
    name: 'TEST_KINDS',
    value: (id) => id,
  });

/** The languages besides English: the folders of src/i18n other than `en`. */
const LANGUAGE_FOLDERS = readdirSync(path.join(root, 'src/i18n'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'en')
  .map((d) => d.name)
  .sort();

/** Each language's message files besides `base`: one per kind, then the board's. */
const MESSAGE_FILES = [...WIDGETS.map((w) => w.kind), BOARD.folder];

/** `components/board/tags.ts`: each kind's widget tag, for the board (and its loaders). */
function boardTags() {
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  return [
    "/** Each kind's widget tag, for <kpi-board>. " +
      'Generated from src/registry.ts by scripts/generate.mjs: do not edit. */',
    "import type { KpiKind } from '../../src/kinds/all.js';",
    '',
    'export const TAGS: Record<KpiKind, string> = {',
    ...WIDGETS.map((w) => `  ${key(w.kind)}: '${w.tag}',`),
    '};',
    '',
  ].join('\n');
}

/** `components/board/widgets.ts`: each widget's module, loaded when a board shows one. */
function boardWidgets() {
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  return [
    '/**',
    " * How <kpi-board> loads the widgets it shows in the npm build: each widget's module, which a bundler splits (the",
    ' * CDN files put their own loader in place of this one, see scripts/build.mjs). Generated from src/registry.ts by',
    ' * scripts/generate.mjs: do not edit.',
    ' */',
    "import type { KpiKind } from '../../src/kinds/all.js';",
    "import { TAGS } from './tags.js';",
    '',
    'const MODULES: Record<KpiKind, () => Promise<unknown>> = {',
    ...WIDGETS.map((w) => `  ${key(w.kind)}: () => import('../${w.folder}/define.js'),`),
    '};',
    '',
    '/** Loads the widgets of `kinds` that the page has not defined yet. */',
    'export function loadWidgets(kinds: readonly KpiKind[]): Promise<unknown> {',
    '  return Promise.all(kinds.filter((k) => !customElements.get(TAGS[k])).map((k) => MODULES[k]()));',
    '}',
    '',
  ].join('\n');
}

/**
 * `components/board/widgets.cdn.ts`: the same for the CDN file kpi-board.js, from beside it: one widget's own file,
 * or the kit (kpi-kit.js) when it needs several, so a board with six widgets loads the kit plus the board. Its file
 * names follow from the tags (`kpi-<folder>.js` is the tag's file), so it lists nothing itself.
 */
function boardWidgetsCdn() {
  return [
    '/**',
    " * How the CDN file kpi-board.js loads the widgets it shows: the widget's own file beside it for one, the",
    ' * kit (kpi-kit.js, every widget) for several. scripts/build.mjs puts it in place of ./widgets.js there.',
    ' * Generated by scripts/generate.mjs: do not edit.',
    ' */',
    "import type { KpiKind } from '../../src/kinds/all.js';",
    "import { KIT_LOADED_BY_BOARD } from '../../src/core/define.js';",
    "import { TAGS } from './tags.js';",
    '',
    '/** Loads the widgets of `kinds` that the page has not defined yet. */',
    'export function loadWidgets(kinds: readonly KpiKind[]): Promise<unknown> {',
    '  const missing = kinds.filter((k) => !customElements.get(TAGS[k]));',
    '  if (!missing.length) return Promise.resolve();',
    '  if (missing.length > 1) KIT_LOADED_BY_BOARD.on = true;',
    "  const file = missing.length === 1 ? `./${TAGS[missing[0]!]}.js` : './kpi-kit.js';",
    '  return import(/* @vite-ignore */ new URL(file, import.meta.url).href);',
    '}',
    '',
  ].join('\n');
}

/** `src/i18n/<language>.ts`: the one module (and CDN chunk) a page loads for a language. */
function languageChunk(lang) {
  return () =>
    [
      `/** Every built-in string in ${lang}: the chunk a page loads when it first needs ${lang} (see loadLanguage). */`,
      '// Generated from src/registry.ts and the files of src/i18n/' + lang + '/ by scripts/generate.mjs: do not edit.',
      "import type { LocaleFile } from './index.js';",
      `import base from './${lang}/base.js';`,
      ...MESSAGE_FILES.map((k) => `import ${identifier(k)} from './${lang}/${k}.js';`),
      '',
      'export default {',
      '  base,',
      ...MESSAGE_FILES.map((k) => `  ${/-/.test(k) ? `'${k}': ${identifier(k)}` : k},`),
      '} satisfies LocaleFile;',
      '',
    ].join('\n');
}

const outputs = [
  ['package.json', packageJson],
  ['components/index.ts', componentsIndex],
  ['src/kinds/all.ts', kindsIndex],
  ['src/data/paths/all.ts', dataPaths],
  ['src/insights/all.ts', insightRules],
  ['src/export/all.ts', csvTables],
  ['components/board/tags.ts', boardTags],
  ['components/board/widgets.ts', boardWidgets],
  ['components/board/widgets.cdn.ts', boardWidgetsCdn],
  ['tests/data/kinds/all.ts', testKinds],
  ...LANGUAGE_FOLDERS.map((lang) => [`src/i18n/${lang}.ts`, languageChunk(lang)]),
];
if (!process.argv.includes('--no-react')) outputs.push(['types/react.d.ts', () => reactTypings(ELEMENTS, BOARD)]);

let stale = 0;
for (const [file, make] of outputs) {
  const full = path.join(root, file);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : '';
  const next = make(current);
  if (next === current) continue;
  if (mode === 'write') {
    writeFileSync(full, next);
    console.log(`generate: wrote ${file}`);
  } else {
    stale++;
    console.error(`generate: ${file} is out of date with src/registry.ts; run \`node scripts/generate.mjs --write\``);
  }
}
if (stale) process.exit(1);
if (mode === 'check')
  console.log(
    'generate: package.json, components/index.ts, components/board/{tags,widgets*}.ts, src/kinds/all.ts, ' +
      'src/data/paths/all.ts, src/insights/all.ts, src/export/all.ts, ' +
      'tests/data/kinds/all.ts, ' +
      'the language chunks and types/react.d.ts match the registry',
  );
