import { defineConfig } from 'vite';

// `npm start` serves the demo (demo/index.html) with the widgets from source.
// The library and CDN builds are driven by scripts/build.mjs.
export default defineConfig({
  root: 'demo',
  publicDir: 'public',
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
  esbuild: { target: 'es2022' },
});
