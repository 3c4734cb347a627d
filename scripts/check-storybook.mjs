// Checks the production Storybook (storybook-static, after `npm run build-storybook`) as a
// designer meets it: a Docs page per widget, every story renders with no page error, the
// agency brand visible in every white-label story, and no private or protected member in the
// manifest the Docs tables and controls come from. CI runs it after the Storybook build.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { loadRegistry } from './registry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'storybook-static');
if (!existsSync(path.join(dir, 'index.json'))) {
  console.error('check-storybook: no storybook-static/index.json: run `npm run build-storybook` first.');
  process.exit(1);
}
const problems = [];
const { WIDGETS } = await loadRegistry();
const entries = Object.values(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')).entries);
for (const w of WIDGETS) {
  if (!entries.some((e) => e.type === 'docs' && e.id.startsWith(`widgets-${w.folder}--`))) problems.push(`no Docs page for ${w.tag}`);
}
const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
for (const m of manifest.modules) {
  for (const d of m.declarations ?? []) {
    for (const member of d.members ?? []) {
      if (member.name.startsWith('#') || member.privacy === 'private' || member.privacy === 'protected') problems.push(`${d.name}: ${member.name} is ${member.privacy ?? 'private'} but in the manifest`);
    }
  }
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, ''));
  if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const stories = entries.filter((e) => e.type === 'story');
  for (const story of stories) {
    const errors = [];
    const onError = (e) => errors.push(e.message);
    page.on('pageerror', onError);
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    const settled = await page.waitForFunction(() => {
      const el = [...document.querySelectorAll('#storybook-root *')].find((n) => n.tagName.includes('-') && n.hasAttribute('state'));
      return Boolean(el && ['ready', 'empty', 'error', 'loading'].includes(el.getAttribute('state')));
    }, null, { timeout: 10_000 }).then(() => true, () => false);
    const height = await page.evaluate(() => document.querySelector('#storybook-root')?.getBoundingClientRect().height ?? 0);
    if (!settled || height < 20) problems.push(`${story.id}: nothing rendered (height ${height})`);
    if (errors.length) problems.push(`${story.id}: page error ${errors.join(' | ')}`);
    if (story.id.endsWith('--white-label')) {
      const look = await page.evaluate(() => {
        const el = [...document.querySelectorAll('#storybook-root *')].find((n) => n.tagName.includes('-') && n.hasAttribute('state'));
        const b = el?.shadowRoot?.querySelector('[part~="base"]');
        return b ? { bg: getComputedStyle(b).backgroundColor, font: getComputedStyle(b).fontFamily } : null;
      });
      if (!look || look.bg !== 'rgb(251, 250, 247)' || !look.font.includes('Georgia')) problems.push(`${story.id}: the brand is not visible (${JSON.stringify(look)})`);
    }
    page.off('pageerror', onError);
  }
  console.log(`check-storybook: ${stories.length} stories, ${entries.filter((e) => e.type === 'docs').length} Docs pages checked`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(`check-storybook: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
