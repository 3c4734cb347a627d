// A white label must survive a production build: the demo's brand sheet writes its tokens with light-dark(),
// which a CSS step lowering it for older browsers turns into variables nothing defines (issue #16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, runnerImport } from 'vite';
import path from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function buildBrand(cssTarget) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kpi-brand-'));
  try {
    const entry = path.join(dir, 'entry.js');
    writeFileSync(
      entry,
      `import css from ${JSON.stringify(`${path.join(root, 'demo/brand.css')}?inline`)}; export default css;`,
    );
    const env = process.env.NODE_ENV;
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      root,
      build: { write: false, minify: true, cssTarget, lib: { entry, formats: ['es'], fileName: 'brand' } },
    });
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
    return [out]
      .flat()
      .flatMap((o) => o.output)
      .map((c) => c.code ?? '')
      .join('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the brand sheet keeps light-dark() in a production build with the project CSS target', async () => {
  const { module } = await runnerImport(path.join(root, 'vite.config.ts'), {
    configFile: false,
    logLevel: 'silent',
    root,
  });
  const kept = await buildBrand(module.LIGHT_DARK_BROWSERS);
  assert.match(kept, /light-dark\(#0f766e,\s*#5fd4c4\)/);
  assert.doesNotMatch(kept, /--lightningcss-light/);
  // The same build for older browsers lowers it into the broken variables: what the target prevents.
  const lowered = await buildBrand('chrome100');
  assert.match(lowered, /--lightningcss-light/);
});

// The README's claim, whatever the target.
test('esbuild and plain CSS keep light-dark() brand tokens as written', async () => {
  const esbuild = await import('esbuild');
  const { readFileSync } = await import('node:fs');
  const sheet = readFileSync(path.join(root, 'demo/brand.css'), 'utf8');
  for (const target of ['chrome100', 'safari15', 'firefox100', 'es2020']) {
    const { code } = esbuild.transformSync(sheet, { loader: 'css', minify: true, target });
    assert.match(code, /light-dark\(#0f766e,\s*#5fd4c4\)/, target);
    assert.doesNotMatch(code, /lightningcss/, target);
  }
});
