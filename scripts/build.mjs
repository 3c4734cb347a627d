// `npm run build`:
//   dist/lib/        the npm build: ESM, lit / d3 / zod left as dependencies
//   dist/cli/        main.js, what bin/kpi-kit.mjs runs: the CLI (src/cli) in one file
// dist/cdn/ self-contained ES modules for a <script type="module">: kpi-kit.js (all widgets) and one per widget
//   dist/types/      .d.ts files
//   dist/schema/     one JSON Schema per KPI kind, from the zod schemas
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { shortMessagesPlugin } from './short-messages.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { loadKinds, loadRegistry } from './registry.mjs';
import { describe } from './schema-docs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const only = process.argv.includes('--no-types') ? 'no-types' : '';

/** The elements' folders (the widgets', then the board's), from the registry (src/registry.ts). */
export async function widgetEntries() {
  const { ELEMENTS } = await loadRegistry();
  return ELEMENTS.map((w) => w.folder);
}

/** The widgets' kinds (each kind's view model is src/view/<kind>.ts), and the board's files of the same layers. */
async function widgetKinds() {
  const { WIDGETS } = await loadRegistry();
  return [...WIDGETS.map((w) => w.kind), 'board'];
}

/** Packages the library imports, not bundled: the widgets' dependencies, the data path's drivers, the server's. */
const EXTERNAL = ['lit', '@lit', 'lit-html', 'lit-element', String.raw`d3-[\w-]+`, 'zod', 'internmap'];
const DATA_PACKAGES = ['@duckdb/node-api', 'pg', 'hono', '@hono/node-server', 'jose', 'lru-cache', 'playwright-core'];
const external = (id) => new RegExp(`^(${[...EXTERNAL, ...DATA_PACKAGES, 'node:.*'].join('|')})(/|$)`).test(id);
const shared = { configFile: false, logLevel: 'warn', root, esbuild: { target: 'es2022' } };

async function buildLib(widgets) {
  const entry = {
    index: path.join(root, 'src/index.ts'),
    node: path.join(root, 'src/node.ts'),
    all: path.join(root, 'components/index.ts'),
  };
  for (const w of widgets) entry[w] = path.join(root, `components/${w}/define.ts`);
  await build({
    ...shared,
    build: {
      outDir: path.join(dist, 'lib'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        external,
        output: { preserveModules: true, preserveModulesRoot: root, entryFileNames: '[name].js' },
      },
    },
  });
}

/**
 * dist/cli/main.js: what `bin/kpi-kit.mjs` runs, the CLI's commands (src/cli) in one file (their modules, zod and
 * d3 bundled; the drivers and the server's packages left to import). The CLI starts once per build: the ESM
 * loader's resolving and reading of the ~200 files of dist/lib was most of its import time (issue #39).
 */
async function buildCli() {
  await build({
    ...shared,
    build: {
      outDir: path.join(dist, 'cli'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: { entry: { main: path.join(root, 'src/cli/main.ts') }, formats: ['es'] },
      rolldownOptions: {
        external: (id) =>
          new RegExp(`^(${[...DATA_PACKAGES, 'chdb', '@clickhouse/client', 'node:.*'].join('|')})(/|$)`).test(id),
        output: { entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  });
}

/**
 * The CDN entry for `widgets`: imports their data modules first, grouped by
 * kind (strings, schemas, computations, view models, styles; each group led by
 * its shared base module), then the elements' base and own modules, then the define modules. Rolldown
 * emits modules in import order, so like text ends up side by side and gzip
 * (with its 32 KB window) finds the repeats: about 1.3 kB off the whole kit.
 */
/**
 * What the kinds load on demand (their kind modules' `lazy`): each entry a self-contained chunk, its modules never
 * imported up front.
 */
const { KIND_FACTS } = await loadKinds();
const LAZY_CODE = [
  ...Object.values(KIND_FACTS).flatMap((f) => (f.lazy ? [f.lazy] : [])),
  // Every widget's insights (the rules and sentences of src/insights, no forecast engine): src/core/insights.ts.
  { entry: 'src/lazy/insights.ts', chunk: 'chunks/insights.js', modules: [] },
  // Every widget's export (the SVG copy, the PNG painter, each kind's CSV table): src/core/export.ts.
  { entry: 'src/lazy/export.ts', chunk: 'chunks/export.js', modules: [] },
];
const LAZY = new Set(LAZY_CODE.flatMap((l) => l.modules.map((m) => path.join(root, m))));

export function cdnEntryCode(widgets, kinds, entryFile) {
  const comp = (w, f) => path.join(root, 'components', w, f);
  const files = [
    path.join(root, 'src/i18n/index.ts'),
    ...kinds.map((k) => path.join(root, 'src/i18n/en', `${k}.ts`)),
    path.join(root, 'src/schema/index.ts'),
    ...kinds.map((k) => path.join(root, 'src/schema', `${k}.ts`)),
    ...readdirSync(path.join(root, 'src/compute'))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => path.join(root, 'src/compute', f)),
    ...kinds.map((k) => path.join(root, 'src/view', `${k}.ts`)),
    path.join(root, 'src/theme/tokens.ts'),
    ...widgets.map((w) => comp(w, `kpi-${w}.styles.ts`)),
    ...readdirSync(path.join(root, 'src/theme'))
      .filter((f) => f.endsWith('.ts') && f !== 'tokens.ts')
      .sort()
      .map((f) => path.join(root, 'src/theme', f)),
    // The elements' shared base, then each element's own modules (not its define module, which comes last, nor the
    // board's widget loader, which each CDN build puts in place its own way).
    ...readdirSync(path.join(root, 'src/core'))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => path.join(root, 'src/core', f)),
    ...widgets.flatMap((w) =>
      readdirSync(path.join(root, 'components', w))
        .filter((f) => /\.ts$/.test(f) && !/^(define|widgets)|\.styles\./.test(f))
        .sort()
        .map((f) => comp(w, f)),
    ),
  ].filter((f) => existsSync(f) && !LAZY.has(f));
  return [...files.map((f) => `import ${JSON.stringify(f)};`), `export * from ${JSON.stringify(entryFile)};`].join(
    '\n',
  );
}

function orderedEntry(code) {
  const id = '\0kpi-cdn-entry';
  return {
    name: 'kpi-cdn-entry',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith('kpi-cdn-entry') ? id : null),
    load: (source) => (source === id ? code : null),
  };
}

/**
 * A second minifier over rolldown's output: Terser (safe options only)
 * drops the leftover annotation comments and finds a little more to fold,
 * about 0.5 kB gzip per file.
 */
async function terse(file) {
  const { minify } = await import('terser');
  let code = readFileSync(file, 'utf8');
  // Twice: the second run folds what the first one's mangling and inlining opened up (~70 B gzip on the kit).
  for (let i = 0; i < 2; i++) {
    const out = await minify(code, {
      module: true,
      ecma: 2020,
      toplevel: true,
      compress: { passes: 3 },
      mangle: true,
      format: { comments: false },
    });
    code = out.code ?? code;
  }
  writeFileSync(file, code);
}

/**
 * Code a widget loads on demand (a kind module's `lazy`, e.g. the forecast engine: model fitting,
 * the outlook, and the forecast's view model and chart layout, which only run on an outlook) is
 * built on its own into its chunk (chunks/forecast-engine.js): self-contained (the few formatting
 * helpers it shares with the widgets are copied in), so the kit and kpi-forecast.js load the same
 * file and it imports nothing from either. In their builds the widget's import() of the entry
 * stays a plain import of that file.
 */
function lazyExternal() {
  const entries = new Map(LAZY_CODE.map((l) => [path.join(root, l.entry), l.chunk]));
  const names = new Set(LAZY_CODE.map((l) => path.basename(l.entry, '.ts')));
  return {
    name: 'kpi-lazy-external',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !names.has(path.basename(source).replace(/\.(js|ts)$/, ''))) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const chunk = resolved && entries.get(resolved.id);
      return chunk ? { id: `./${chunk}`, external: true } : null;
    },
  };
}

/** KPI_READABLE=1: CDN files left unminified (production code, readable names), for profiling by hand. */
const readable = process.env.KPI_READABLE === '1';

/** One production ES module into dist/cdn/`file` from `entry` (what every CDN file shares), then Terser. */
async function cdnBuild(entry, file, plugins = [], output = {}) {
  await build({
    ...shared,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [minifyTemplatesPlugin(), shortMessagesPlugin(), ...plugins],
    build: {
      outDir: path.join(dist, 'cdn'),
      emptyOutDir: false,
      target: 'es2022',
      minify: !readable,
      sourcemap: false,
      lib: { entry, formats: ['es'], fileName: () => file },
      rolldownOptions: { output: { minify: !readable, ...output } },
    },
  });
  if (!readable) await terse(path.join(dist, 'cdn', file));
}

async function buildLazy() {
  for (const l of LAZY_CODE) await cdnBuild(path.join(root, l.entry), l.chunk);
}

/**
 * How the board gets its widgets in a CDN file: in kpi-board.js it loads them from beside it (one widget's file, or
 * the kit for several: components/board/widgets.cdn.ts); in the kit they are all there already, so it loads nothing
 * (the npm build's dynamic imports would split the kit into chunks).
 */
function boardCdnWidgets(file) {
  const none = '\0kpi-board-widgets-in-kit';
  return {
    name: 'kpi-board-cdn-widgets',
    enforce: 'pre',
    resolveId: (source, importer) =>
      source === './widgets.js' && importer?.endsWith(path.join('components', 'board', 'kpi-board.ts'))
        ? file === 'kpi-board'
          ? path.join(root, 'components/board/widgets.cdn.ts')
          : none
        : null,
    load: (id) => (id === none ? 'export const loadWidgets = () => Promise.resolve();' : null),
  };
}

async function buildCdn(name, entryFile, widgets, kinds = []) {
  // Only the whole kit gains from the grouping: a single widget has one of each already.
  const entry = widgets.length > 1 ? [orderedEntry(cdnEntryCode(widgets, kinds, entryFile))] : [];
  // One file per widget (or the kit), plus what loads on demand from beside it: one file per
  // language other than English (chunks/pt-BR.js, chunks/es.js) and the SLA's CSV export.
  const plugins = [lazyExternal(), boardCdnWidgets(name), ...entry];
  await cdnBuild(entry.length ? 'kpi-cdn-entry' : entryFile, `${name}.js`, plugins, {
    chunkFileNames: 'chunks/[name].js',
  });
  if (!readable)
    for (const f of readdirSync(path.join(dist, 'cdn', 'chunks'))) await terse(path.join(dist, 'cdn', 'chunks', f));
}

async function writeSchemas() {
  const lib = await import(pathToFileURL(path.join(dist, 'lib/index.js')).href);
  const { WIDGETS, BOARD } = await loadRegistry();
  const z = await import('zod/mini');
  const out = path.join(dist, 'schema');
  mkdirSync(out, { recursive: true });
  // Every KPI kind's document, and the board manifest.
  const facts = { ...KIND_FACTS, board: lib.BOARD_FACTS };
  const examples = { ...Object.fromEntries(WIDGETS.map((w) => [w.kind, w.fixtures[0]])), board: BOARD.fixtures[0] };
  for (const [kind, schema] of Object.entries({ ...lib.schemas, board: lib.boardSchema })) {
    const json = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      // The keywords of the rules that run as refinements (which toJSONSchema cannot see); see schemaKeywords.
      override: (ctx) => {
        Object.assign(ctx.jsonSchema, lib.schemaKeywords.get(ctx.zodSchema));
        // ISO 4217: the codes Intl knows, as parseKpi checks them at run time.
        if (ctx.zodSchema === lib.currency) ctx.jsonSchema.enum = Intl.supportedValuesOf('currency');
      },
    });
    // Formats, so a JSON Schema validator that checks them rejects what parseKpi rejects (2018-02-30):
    // every string with the pattern of an ISO date or date-time, wherever zod wrote it.
    const formats = {
      [lib.schemaKeywords.get(lib.isoDate).pattern]: 'date',
      [lib.schemaKeywords.get(lib.isoDateTime).pattern]: 'date-time',
    };
    const addFormats = (node) => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'string' && formats[node.pattern]) node.format = formats[node.pattern];
      for (const child of Object.values(node)) addFormats(child);
    };
    addFormats(json);
    json.$id = `https://kpi-kit.dev/schema/v1/${kind}.schema.json`;
    json.title = `kpi-kit ${kind} document (contract version 1)`;
    // A description on every property (the kind module's docs, src/kinds/<kind>.ts) and the kind's first fixture as a
    // valid example.
    const missing = describe(json, facts[kind].docs);
    if (missing.length) throw new Error(`${kind}: no description for ${missing.join(', ')}`);
    const example = examples[kind];
    if (example) json.examples = [JSON.parse(readFileSync(path.join(root, 'demo/public/data', example), 'utf8'))];
    writeFileSync(path.join(out, `${kind}.schema.json`), `${JSON.stringify(json, null, 2)}\n`);
  }
  return Object.keys(facts);
}

const t0 = Date.now();
rmSync(dist, { recursive: true, force: true, maxRetries: 2 });
const widgets = await widgetEntries();
await buildLib(widgets);
await buildCli();
await buildCdn('kpi-kit', path.join(root, 'components/index.ts'), widgets, await widgetKinds());
await buildLazy();
for (const w of widgets) await buildCdn(`kpi-${w}`, path.join(root, `components/${w}/define.ts`), [w]);
if (only !== 'no-types')
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
    cwd: root,
  });
const kinds = await writeSchemas();
// The Custom Elements Manifest (custom-elements.json), from the JSDoc: Storybook, the README's API section and editors
// read it.
execFileSync(
  path.join(root, 'node_modules/.bin/cem'),
  ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
  { stdio: 'inherit', cwd: root },
);
console.log(
  `kpi-kit: built lib, cdn (kpi-kit.js + ${widgets.length} elements), types and ${kinds.length} JSON Schemas ` +
    `in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
