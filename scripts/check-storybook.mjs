// Checks the production Storybook (storybook-static, after `npm run build-storybook`) as a
// designer meets it: a Docs page per widget, every story renders with no page error, the
// agency brand visible in every white-label story, no private or protected member in the
// manifest the Docs tables and controls come from, and controls a designer understands (see
// controlProblems). CI runs it after the Storybook build.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { loadRegistry } from './registry.mjs';
import { controlProblems } from './storybook-controls.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'storybook-static');
if (!existsSync(path.join(dir, 'index.json'))) {
  console.error('check-storybook: no storybook-static/index.json: run `npm run build-storybook` first.');
  process.exit(1);
}
const problems = [];
let controlsChecked = 0;
const { ELEMENTS } = await loadRegistry();
const entries = Object.values(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')).entries);
for (const w of ELEMENTS) {
  if (!entries.some((e) => e.type === 'docs' && e.id.startsWith(`widgets-${w.folder}--`)))
    problems.push(`no Docs page for ${w.tag}`);
}
const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
for (const m of manifest.modules) {
  for (const d of m.declarations ?? []) {
    for (const member of d.members ?? []) {
      if (member.name.startsWith('#') || member.privacy === 'private' || member.privacy === 'protected')
        problems.push(`${d.name}: ${member.name} is ${member.privacy ?? 'private'} but in the manifest`);
    }
  }
}

/** Each element's fields: attribute name → the property it sets, for telling one property shown twice. */
const fieldOf = new Map();
for (const m of manifest.modules) {
  for (const d of m.declarations ?? []) {
    if (!d.tagName) continue;
    const fields = new Map();
    for (const a of d.attributes ?? []) fields.set(a.name, a.fieldName ?? a.name);
    for (const f of d.members ?? []) if (f.kind === 'field' && !fields.has(f.name)) fields.set(f.name, f.name);
    fieldOf.set(d.tagName, fields);
  }
}

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const file = path.join(
    dir,
    path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, ''),
  );
  if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
  res
    .writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' })
    .end(readFileSync(file));
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
    const settled = await page
      .waitForFunction(
        () => {
          const el = [...document.querySelectorAll('#storybook-root *')].find(
            (n) => n.tagName.includes('-') && n.hasAttribute('state'),
          );
          return Boolean(el && ['ready', 'empty', 'error', 'loading'].includes(el.getAttribute('state')));
        },
        null,
        { timeout: 10_000 },
      )
      .then(
        () => true,
        () => false,
      );
    const height = await page.evaluate(
      () => document.querySelector('#storybook-root')?.getBoundingClientRect().height ?? 0,
    );
    if (!settled || height < 20) problems.push(`${story.id}: nothing rendered (height ${height})`);
    if (errors.length) problems.push(`${story.id}: page error ${errors.join(' | ')}`);
    const { tag, rows } = await page.evaluate(async (id) => {
      const loaded = await window.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId: id });
      const control = (c) =>
        c === false || c === undefined || c === null || c.disable ? false : typeof c === 'string' ? c : c.type;
      return {
        tag:
          loaded.component ??
          [...document.querySelectorAll('#storybook-root *')].find(
            (n) => n.tagName.includes('-') && n.hasAttribute('state'),
          )?.localName,
        rows: Object.entries(loaded.argTypes).map(([key, t]) => ({
          key,
          category: t.table?.category,
          control: control(t.control),
          shown: !t.table?.disable,
          description: t.description ?? '',
          type: t.type?.name,
          defaultSummary: t.table?.defaultValue?.summary,
        })),
      };
    }, story.id);
    controlsChecked += rows.filter((r) => r.shown && r.control).length;
    for (const p of controlProblems(rows, fieldOf.get(tag))) problems.push(`${story.id}: ${p}`);
    if (story.id.endsWith('--white-label')) {
      const look = await page.evaluate(() => {
        const el = [...document.querySelectorAll('#storybook-root *')].find(
          (n) => n.tagName.includes('-') && n.hasAttribute('state'),
        );
        const b = el?.shadowRoot?.querySelector('[part~="base"]');
        return b ? { bg: getComputedStyle(b).backgroundColor, font: getComputedStyle(b).fontFamily } : null;
      });
      // The brand's surface (a widget's card), or its second surface (the board, under its widgets' cards).
      if (!look || !['rgb(251, 250, 247)', 'rgb(241, 238, 230)'].includes(look.bg) || !look.font.includes('Georgia'))
        problems.push(`${story.id}: the brand is not visible (${JSON.stringify(look)})`);
    }
    page.off('pageerror', onError);
  }
  console.log(
    `check-storybook: ${stories.length} stories, ${entries.filter((e) => e.type === 'docs').length} Docs pages ` +
      `and ${controlsChecked} controls checked`,
  );
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(
    `check-storybook: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
