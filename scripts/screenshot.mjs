// Screenshots of widgets in headless Chromium (playwright-core + Debian's chromium).
// Usage: node scripts/screenshot.mjs <out-dir> <name>=<playground query> ...
// Needs the demo server (`npm start`) on 127.0.0.1:5173, or BASE_URL.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const [outDir, ...shots] = process.argv.slice(2);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:5173';
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
for (const shot of shots) {
  const [name, query] = shot.split(/=(.*)/s);
  const params = new URLSearchParams(query);
  const width = Number(params.get('vw') ?? params.get('width') ?? 1280);
  const page = await browser.newPage({
    viewport: { width: width + 32, height: 400 },
    deviceScaleFactor: 1,
    colorScheme: params.get('theme') === 'dark' ? 'dark' : 'light',
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[${name}] ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(`${base}/playground.html?${query}`);
  await page
    .waitForFunction(
      () => {
        const el = document.querySelector('#stage > *');
        return el && ['ready', 'empty', 'error'].includes(el.getAttribute('state') ?? '');
      },
      null,
      { timeout: 15000 },
    )
    .catch(() => console.log(`[${name}] never settled`));
  if (params.get('hover')) {
    const sel = params.get('hover');
    await page.evaluate((s) => {
      const el = document.querySelector('#stage > *');
      const t = el?.shadowRoot?.querySelector(s);
      t?.focus();
    }, sel);
  }
  await page.waitForTimeout(150);
  const file = path.join(outDir, `${name}.png`);
  // Crop to the widget (and anything it overflows into, e.g. a tooltip), plus the page margin.
  const box = await page.evaluate(() => {
    const el = document.querySelector('#stage > *');
    let bottom = el ? el.getBoundingClientRect().bottom : 200;
    // Visually hidden text (the tables for screen readers) is clipped to nothing: it does not count.
    for (const n of el?.shadowRoot?.querySelectorAll('*') ?? [])
      if (!n.closest('.sr-only')) bottom = Math.max(bottom, n.getBoundingClientRect().bottom);
    return { bottom: Math.ceil(bottom) };
  });
  const maxH = Number(params.get('maxh') ?? 100000);
  await page.setViewportSize({ width: width + 32, height: Math.min(maxH, Math.max(120, box.bottom + 16)) });
  await page.screenshot({ path: file });
  console.log(file);
  await page.close();
}
await browser.close();
