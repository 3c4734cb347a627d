// The README's code compiles as written: every ```ts, ```tsx and ```js block is type-checked, each as
// a module of a fresh app that depends on the built package (node_modules/kpi-kit → this
// repository, after `npm run build`), and on hono and jose for the server's snippets, under
// `strict`, as a Vite app's tsconfig has it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The fenced code blocks of a Markdown text in these languages, with the line each starts on; indented ones (in a list)
 * too.
 */
export function codeBlocks(markdown, languages = ['ts', 'tsx', 'js']) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w+)\s*$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, lang] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^${indent}\`\`\`\\s*$`).test(lines[j]); j++)
      body.push(lines[j].slice(indent.length));
    if (languages.includes(lang)) blocks.push({ lang, line: i + 1, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Type-checks each block as its own module of a fresh app; returns tsc's exit status and output with README lines. */
function typeCheck(blocks) {
  const app = mkdtempSync(path.join(tmpdir(), 'kpi-readme-'));
  try {
    mkdirSync(path.join(app, 'node_modules'));
    symlinkSync(root, path.join(app, 'node_modules/kpi-kit'), 'dir');
    // The server snippets mount the handler in Hono and sign a token with jose, as an app using them has them.
    mkdirSync(path.join(app, 'node_modules/@hono'));
    for (const dep of ['hono', '@hono/node-server', 'jose'])
      symlinkSync(path.join(root, 'node_modules', dep), path.join(app, 'node_modules', dep), 'dir');
    writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'readme-app', private: true, type: 'module', dependencies: { 'kpi-kit': '*' } }),
    );
    const files = blocks.map((b, i) => {
      const name = `readme-${String(i).padStart(2, '0')}-line-${b.line}.${b.lang}`;
      // `export {}` keeps a block without imports a module (top-level await, no globals shared between blocks).
      writeFileSync(path.join(app, name), `${b.code}\nexport {};\n`);
      return name;
    });
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          allowJs: true,
          checkJs: true,
          skipLibCheck: true,
          jsx: 'react-jsx',
          typeRoots: [path.join(root, 'node_modules/@types')],
          types: ['node'],
        },
        files,
      }),
    );
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', app, '--pretty', 'false'],
      { encoding: 'utf8' },
    );
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

test('codeBlocks finds fenced blocks, indented ones too, with their lines', () => {
  const md = 'a\n```ts\nconst x = 1;\n```\n- item\n\n  ```js\n  y();\n  ```\n```sh\nnpm test\n```\n';
  assert.deepEqual(codeBlocks(md), [
    { lang: 'ts', line: 2, code: 'const x = 1;' },
    { lang: 'js', line: 7, code: 'y();' },
  ]);
});

test('every TypeScript and JavaScript snippet of the README compiles, strict, against the built package', () => {
  const blocks = codeBlocks(readFileSync(path.join(root, 'README.md'), 'utf8'));
  assert.ok(blocks.length >= 4, `found ${blocks.length} snippets`);
  const r = typeCheck(blocks);
  assert.equal(r.status, 0, r.output);
});

test('the check is real: a document of the wrong shape, or an element of the wrong kind, does not compile', () => {
  const r = typeCheck([
    {
      lang: 'ts',
      line: 1,
      code:
        "import { defineKpi } from 'kpi-kit';\n" +
        "const doc = defineKpi('funnel', { version: 1, cohorts: [] });\nconsole.log(doc);",
    },
    {
      lang: 'ts',
      line: 2,
      code:
        "import 'kpi-kit/funnel';\nimport { defineKpi } from 'kpi-kit';\n" +
        "document.createElement('kpi-funnel').data = defineKpi('cohort', " +
        "{ version: 1, period: 'month', measure: 'customers', cohorts: [] });",
    },
    {
      lang: 'ts',
      line: 3,
      code:
        "import 'kpi-kit/funnel';\n" +
        "const doc = { kind: 'funnel', version: 1, steps: [] };\ndocument.createElement('kpi-funnel').data = doc;",
    },
  ]);
  assert.notEqual(r.status, 0);
  for (const line of [1, 2, 3])
    assert.match(r.output, new RegExp(`readme-0${line - 1}-line-${line}\\.ts\\(\\d+,\\d+\\): error`), r.output);
});
