// Bundles the React 19 test page (React ships CommonJS, so it needs a bundler; the Vue page loads Vue's browser build
// directly).
import { build } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  configFile: false,
  logLevel: 'warn',
  root,
  define: { 'process.env.NODE_ENV': '"production"' },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(root, 'tests/frameworks/dist'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    lib: {
      entry: path.join(root, 'tests/frameworks/react-page.tsx'),
      formats: ['es'],
      fileName: () => 'react-page.js',
    },
  },
});
console.log('built tests/frameworks/dist/react-page.js');
