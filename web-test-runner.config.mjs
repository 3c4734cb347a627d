import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const projectFixtures = path.resolve(root, 'demo/public/data');

/**
 * A local test backend (no outside network) for `src` tests:
 *   /fixtures/<name>.json          a fixture from the project (demo/public/data)
 *   /api/status/<code>             an empty response with that status
 *   /api/slow/<ms>/<name>.json     a fixture after a delay
 *   /api/text                      a body that is not JSON
 *   /api/auth/<name>.json          a fixture, or 401 without `authorization: Bearer kpi-test-token`
 *   /api/counter/<key>             counts requests per key; GET /api/counter/<key>/count reads it
 *   /api/sequence/<key>/<a>,<b>…   answers the n-th request with the n-th item: a fixture name or a status code
 */
const counters = new Map();

/**
 * `kpi-kit serve`'s handler (the built one, dist/lib/node.js) over the server tests' two stores (the Olist sample
 * split by region, with generated checkout events), mounted at /kpi for the board's tests; made on the first
 * request, so the other tests never start DuckDB.
 */
let kpiHandler;
async function kpi() {
  kpiHandler ??= (async () => {
    const kit = await import('./dist/lib/node.js');
    const { tenantRows } = await import('./tests/data/serve-fixture.mjs');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { orders, events, frictions } = tenantRows(kit, root);
    const dir = mkdtempSync(path.join(tmpdir(), 'kpi-board-'));
    const file = (name, text) => (writeFileSync(path.join(dir, name), text), path.join(dir, name));
    const handler = kit.createKpiHandler({
      orders: file('orders.csv', kit.ordersToCsv(orders)),
      events: file('events.csv', kit.rowsToCsv(events, kit.tableColumns(kit.TABLES.events))),
      frictions: file('frictions.csv', kit.rowsToCsv(frictions, kit.tableColumns(kit.TABLES.frictions))),
    });
    await handler.ready();
    return handler;
  })();
  return kpiHandler;
}
async function readFixture(name) {
  const file = path.join(projectFixtures, path.basename(name));
  return existsSync(file) ? readFile(file, 'utf8') : undefined;
}

/** The policy the strict-page test serves (issue: strict CSP and Trusted Types). */
export const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'";

/** Koa middleware for the routes above, and /csp/ (a page served under STRICT_CSP). */
async function testBackend(ctx, next) {
  const p = ctx.path;
  if (p === '/csp/page.html' || p === '/csp/page.js') {
    const file = path.join(root, 'tests', p);
    ctx.set('Cache-Control', 'no-store');
    if (p.endsWith('.html')) ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.type = p.endsWith('.html') ? 'text/html' : 'application/javascript';
    ctx.body = await readFile(file, 'utf8');
    return;
  }
  if (p.startsWith('/kpi/')) {
    const handler = await kpi();
    const response = await handler(new Request(`http://test${p}${ctx.querystring ? `?${ctx.querystring}` : ''}`));
    ctx.status = response.status;
    ctx.set('Cache-Control', 'no-store');
    ctx.type = response.headers.get('content-type') ?? 'application/json';
    ctx.body = await response.text();
    return;
  }
  if (!p.startsWith('/fixtures/') && !p.startsWith('/data/') && !p.startsWith('/api/')) return next();
  ctx.set('Cache-Control', 'no-store');
  const send = async (item) => {
    if (/^\d{3}$/.test(item)) {
      ctx.status = Number(item);
      ctx.type = 'text/plain';
      ctx.body = `status ${item}`;
      return;
    }
    const body = await readFixture(item);
    if (body === undefined) {
      ctx.status = 404;
      ctx.body = 'no such fixture';
      return;
    }
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = body;
  };
  let m;
  // /data/ as the demo and Storybook serve the same files (the static board's widgets read them there).
  if ((m = p.match(/^\/(?:fixtures|data)\/([\w.-]+\.json)$/))) return send(m[1]);
  if ((m = p.match(/^\/api\/status\/(\d{3})$/))) return send(m[1]);
  if ((m = p.match(/^\/api\/slow\/(\d+)\/([\w.-]+\.json)$/))) {
    await new Promise((r) => setTimeout(r, Number(m[1])));
    return send(m[2]);
  }
  // A token-protected endpoint: 401 without `authorization: Bearer kpi-test-token`.
  if ((m = p.match(/^\/api\/auth\/([\w.-]+\.json)$/))) {
    if (ctx.get('authorization') !== 'Bearer kpi-test-token') {
      ctx.status = 401;
      ctx.statusText = 'Unauthorized';
      ctx.body = 'unauthorized';
      return;
    }
    return send(m[1]);
  }
  if (p === '/api/text') {
    ctx.type = 'application/json';
    ctx.body = 'this is not json {';
    return;
  }
  if ((m = p.match(/^\/api\/counter\/([\w-]+)\/count$/))) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: counters.get(m[1]) ?? 0 });
    return;
  }
  if ((m = p.match(/^\/api\/counter\/([\w-]+)\/([\w.-]+\.json)$/))) {
    counters.set(m[1], (counters.get(m[1]) ?? 0) + 1);
    return send(m[2]);
  }
  if ((m = p.match(/^\/api\/sequence\/([\w-]+)\/([\w.,-]+)$/))) {
    const n = counters.get(m[1]) ?? 0;
    counters.set(m[1], n + 1);
    const items = m[2].split(',');
    return send(items[Math.min(n, items.length - 1)]);
  }
  return next();
}

const executablePath = ensureChromium();

/**
 * `executeServerCommand('aria-snapshot', { selector })`: Playwright's ARIA snapshot of the first element that matches
 * (it enters shadow roots), the accessibility tree in the order a screen reader reads it.
 */
const ariaSnapshot = {
  name: 'aria-snapshot',
  async executeCommand({ command, payload, session }) {
    if (command !== 'aria-snapshot') return undefined;
    return session.browser.getPage(session.id).locator(payload.selector).first().ariaSnapshot();
  },
};

/**
 * `executeServerCommand('rasterise-svg', { svg, width, height })`: the SVG document `svg` drawn by Chromium as an image
 * (an `<img>` of it in a page of its own, at 2 device pixels per CSS pixel), as a base64 PNG: how a user's viewer shows
 * an exported SVG, to compare with the widget's own PNG (a page's canvas cannot read back an SVG with HTML in it).
 */
const rasteriseSvg = {
  name: 'rasterise-svg',
  async executeCommand({ command, payload, session }) {
    if (command !== 'rasterise-svg') return undefined;
    const browser = session.browser.getPage(session.id).context().browser();
    const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: payload.width, height: payload.height } });
    try {
      const page = await context.newPage();
      const src = `data:image/svg+xml;base64,${Buffer.from(payload.svg).toString('base64')}`;
      await page.setContent(`<!doctype html><body style="margin:0"><img src="${src}"></body>`);
      await page.locator('img').evaluate((img) => img.decode());
      return (await page.locator('img').screenshot()).toString('base64');
    } finally {
      await context.close();
    }
  },
};

export default {
  rootDir: root,
  files: ['tests/browser/**/*.test.ts', 'tests/robustness/**/*.test.ts', 'tests/frameworks/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [testBackend],
  plugins: [esbuildPlugin({ ts: true, tsconfig: path.join(root, 'tsconfig.json'), target: 'es2022' }), ariaSnapshot, rasteriseSvg],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      // expose-gc and precise memory info: the leak test measures the JS heap after a forced GC.
      launchOptions: {
        executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
      },
      createBrowserContext: ({ browser }) => browser.newContext({ locale: 'en-US', timezoneId: 'UTC' }),
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args?.[0] ?? '').includes('Lit is in dev mode'),
};
