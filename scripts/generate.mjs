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

/** The attributes a JSX user sets, typed by the element's own property (`KpiFunnel['percentOf']`). */
function reactTypings() {
  const manifestFile = path.join(root, 'custom-elements.json');
  if (!existsSync(manifestFile)) throw new Error('custom-elements.json is missing: run `npm run build` first');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  const base = new Set(['data', 'src', 'refresh', 'timeout', 'locale', 'theme', 'state']);
  const lines = [];
  const imports = [];
  for (const w of ELEMENTS) {
    const d = decls.find((x) => x.tagName === w.tag);
    if (!d) throw new Error(`custom-elements.json has no <${w.tag}>: is its class documented with @tag?`);
    if (d.name !== w.className)
      throw new Error(`<${w.tag}> is ${d.name} in the manifest, ${w.className} in src/registry.ts`);
    const names = w === BOARD ? `${w.className}, KpiBoardChangeDetail` : w.className;
    imports.push(`import type { ${names} } from '../dist/types/components/${w.folder}/kpi-${w.folder}.js';`);
    const own = (d.attributes ?? []).filter((a) => !base.has(a.name) && a.fieldName);
    const props = own.map(
      (a) => `${/^[a-z]+$/i.test(a.name) ? a.name : `'${a.name}'`}?: ${w.className}['${a.fieldName}'];`,
    );
    // The board: its manifest and fetcher are properties only, and it fires kpi-board-change.
    if (w === BOARD)
      props.push(
        `manifest?: ${w.className}['manifest'];`,
        `fetcher?: ${w.className}['fetcher'];`,
        "'onkpi-board-change'?: (event: CustomEvent<KpiBoardChangeDetail>) => void;",
      );
    const extra = props.length ? ` & {\n        ${props.join('\n        ')}\n      }` : '';
    lines.push(`      '${w.tag}': KpiProps<${w.className}>${extra};`);
  }
  return `/**
 * JSX typings for React 19: \`import type {} from 'kpi-kit/react'\` (or add it to
 * \`compilerOptions.types\`) and the kpi-kit elements type-check in TSX, with
 * their properties and \`onkpi-select\` / \`onkpi-error\` handlers.
 *
 * React 19 sets an object prop such as \`data\` as a property on custom elements
 * and wires \`on<event-name>\` props to custom events.
 *
 * Generated from custom-elements.json and src/registry.ts by scripts/generate.mjs: do not edit.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KpiErrorEvent, KpiSelectEvent } from '../dist/types/src/core/events.js';
${imports.join('\n')}

/** Attributes and properties every kpi-kit element takes in JSX. */
interface KpiProps<E> extends DetailedHTMLProps<HTMLAttributes<E>, E> {
  data?: E extends { data: infer D } ? D : unknown;
  src?: string;
  refresh?: number | string;
  timeout?: number | string;
  locale?: string;
  theme?: 'light' | 'dark';
  'onkpi-select'?: (event: KpiSelectEvent) => void;
  'onkpi-error'?: (event: KpiErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${lines.join('\n')}
    }
  }
}
`;
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
 * `src/data/paths/all.ts`: each kind's data path (`<kind>Path` in src/data/paths/<kind>.ts), for `kpi-kit build` and
 * `sql`.
 */
function dataPaths() {
  const kinds = WIDGETS.map((w) => w.kind).filter((k) => existsSync(path.join(root, 'src/data/paths', `${k}.ts`)));
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  return [
    '/**',
    ' * The data path of every kind that has one (src/data/paths/<kind>.ts), by kind: what `kpi-kit build`',
    ' * and `kpi-kit sql` run. Generated from src/registry.ts by scripts/generate.mjs: do not edit.',
    ' */',
    ...kinds.map((k) => `import { ${identifier(k)}Path } from './${k}.js';`),
    '',
    "export * from './common.js';",
    ...kinds.map((k) => `export * from './${k}.js';`),
    '',
    "/** Each kind's data path, in the registry's order. */",
    'export const DATA_PATHS = {',
    ...kinds.map((k) => `  ${key(k)}: ${identifier(k)}Path,`),
    '} as const;',
    '',
  ].join('\n');
}

/** `src/insights/all.ts`: each kind's insight rules (`<kind>Insights` in src/insights/<kind>.ts), for `insights()`. */
function insightRules() {
  const kinds = WIDGETS.map((w) => w.kind).filter((k) => existsSync(path.join(root, 'src/insights', `${k}.ts`)));
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  return [
    '/**',
    ' * The insight rules of every kind that has them (src/insights/<kind>.ts), by kind: what `insights()`',
    ' * runs. Generated from src/registry.ts by scripts/generate.mjs: do not edit.',
    ' */',
    ...kinds.map((k) => `import { ${identifier(k)}Insights } from './${k}.js';`),
    '',
    "/** Each kind's insight rules, in the registry's order. */",
    'export const INSIGHT_RULES = {',
    ...kinds.map((k) => `  ${key(k)}: ${identifier(k)}Insights,`),
    '} as const;',
    '',
  ].join('\n');
}

/** `src/export/all.ts`: each kind's CSV table (`<kind>Csv` in src/export/<kind>.ts), for `el.export('csv')`. */
function csvTables() {
  const kinds = WIDGETS.map((w) => w.kind);
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  return [
    '/**',
    " * Each kind's CSV table (src/export/<kind>.ts), by kind: what a widget's `export('csv')` writes. Generated from",
    ' * src/registry.ts by scripts/generate.mjs: do not edit.',
    ' */',
    ...kinds.map((k) => `import { ${identifier(k)}Csv } from './${k}.js';`),
    '',
    "/** Each kind's CSV table, in the registry's order. */",
    'export const CSV_TABLES = {',
    ...kinds.map((k) => `  ${key(k)}: ${identifier(k)}Csv,`),
    '} as const;',
    '',
  ].join('\n');
}

/** `tests/data/kinds/all.ts`: each kind's required fields, rules and valid extremes, for the robustness suites. */
function testKinds() {
  const kinds = WIDGETS.map((w) => w.kind);
  const key = (k) => (/-/.test(k) ? `'${k}'` : k);
  return [
    "/** Each kind's robustness data, by kind. Generated from src/registry.ts by scripts/generate.mjs: do not edit. */",
    ...kinds.map((k) => `import * as ${identifier(k)} from './${k}.js';`),
    '',
    'export const TEST_KINDS = {',
    ...kinds.map((k) => `  ${key(k)}: ${identifier(k)},`),
    '} as const;',
    '',
  ].join('\n');
}

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
if (!process.argv.includes('--no-react')) outputs.push(['types/react.d.ts', reactTypings]);

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
