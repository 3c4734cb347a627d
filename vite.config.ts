import { defineConfig, type Plugin } from 'vite';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cdnDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'dist/cdn');

/** Serves the real CDN build at /cdn/ so the demo embeds the widgets exactly as a customer page would. */
function serveCdn(): Plugin {
  return {
    name: 'kpi-serve-cdn',
    configureServer(server) {
      server.middlewares.use('/cdn', (req, res, next) => {
        // The CDN files and what they load on demand from chunks/ (languages, the CSV export); nothing outside dist/cdn.
        const file = path.join(cdnDir, path.normalize((req.url ?? '').split('?')[0] ?? '').replace(/^(\.\.[/\\])+/, ''));
        if (!file.startsWith(cdnDir + path.sep) || !existsSync(file) || !file.endsWith('.js')) return next();
        res.setHeader('Content-Type', 'application/javascript');
        res.setHeader('Cache-Control', 'no-store');
        createReadStream(file).pipe(res);
      });
    },
  };
}

/**
 * The CSS target of every Vite build here (demo, Storybook): browsers that have light-dark().
 * Lowered for older ones, light-dark() brand tokens become variables (--lightningcss-light/-dark)
 * that nothing defines, and a white label loses its colours in production builds.
 */
export const LIGHT_DARK_BROWSERS = ['chrome123', 'edge123', 'firefox120', 'safari17.5'];

// `npm start` builds dist/cdn, then serves the demo (demo/index.html and demo/embed.html).
// demo/playground.html renders one widget from source, for development and screenshots.
export default defineConfig({
  root: 'demo',
  publicDir: 'public',
  plugins: [serveCdn()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022', cssTarget: LIGHT_DARK_BROWSERS },
});
