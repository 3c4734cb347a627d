import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';
const base = process.env.BASE_URL;
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
for (const [width, scheme, extra] of JSON.parse(process.argv[2])) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  await page.goto(`${base}/${extra ?? ''}`);
  await page.waitForFunction(() => {
    const b = document.querySelector('kpi-board');
    const ws = [...(b?.shadowRoot?.querySelectorAll('[data-widget]') ?? [])];
    return b?.getAttribute('state') === 'ready' && ws.length && ws.every((w) => ['ready', 'empty', 'error'].includes(w.getAttribute('state')));
  }, null, { timeout: 20000 }).catch(() => console.log('never settled'));
  if (process.env.OPEN) {
    await page.evaluate((f) => { const b = document.querySelector('kpi-board'); b.shadowRoot.querySelector(`[data-filter="${f}"] button`).click(); }, process.env.OPEN);
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(300);
  const el = await page.$('.board-demo');
  const name = `/tmp/shots/board-${width}-${scheme}${process.env.OPEN ? '-open' : ''}${extra ? '-q' : ''}.png`;
  const box = await el.boundingBox();
  const h = Number(process.env.CLIP ?? 0);
  await page.screenshot({ path: name, fullPage: true, clip: h ? { x: box.x, y: box.y, width: box.width, height: Math.min(h, box.height) } : box });
  console.log(name);
  await page.close();
}
await browser.close();
