// The widget registry (src/registry.ts) for Node scripts, which cannot import TypeScript on Node 20:
// loaded through Vite's module runner.
import { runnerImport } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @returns {Promise<{ WIDGETS: readonly { kind: string; tag: string; folder: string; className: string; fixtures:
 * readonly string[]; portuguese?: Record<string, string>; wide?: boolean }[]; FIXTURE_FILES: readonly string[] }>}
 */
export async function loadRegistry() {
  return load('src/registry.ts');
}

/** The kind modules' maps (src/kinds/all.ts, generated): `KIND_FACTS` (docs, lazy code) and `schemas`, by kind. */
export async function loadKinds() {
  return load('src/kinds/all.ts');
}

async function load(file) {
  // Vite sets NODE_ENV while it runs; a later build in the same process would then bundle Lit's dev mode.
  const env = process.env.NODE_ENV;
  try {
    const { module } = await runnerImport(path.join(root, file), { configFile: false, logLevel: 'silent', root });
    return module;
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}
