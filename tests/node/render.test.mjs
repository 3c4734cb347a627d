// kpi-kit render and digest (issue #37): every demo document drawn by its widget in this machine's Chromium, as a
// PNG at 2× device pixels (its size read from the file's header, not blank) and as an SVG; a digest of a board made of
// static files: one inline picture per widget, its sentences as text, no script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.join(root, 'demo/public/data');
const dir = mkdtempSync(path.join(tmpdir(), 'kpi-render-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const kpiKit = (...args) =>
  promisify(execFile)(process.execPath, [path.join(root, 'bin/kpi-kit.mjs'), ...args], { encoding: 'utf8' });
const documents = readdirSync(data).filter((f) => f.endsWith('.json') && !f.startsWith('board.'));

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

test('render: a PNG of every demo document at 2× its width, and an SVG', { timeout: 240_000 }, async () => {
  assert.ok(existsSync(path.join(root, 'dist/cdn/kpi-kit.js')), 'the CDN build (npm test builds it first)');
  // Three at a time: each run starts its own Chromium.
  const queue = [...documents];
  const work = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const out = path.join(dir, f.replace(/\.json$/, '.png'));
      const locale = f.includes('pt-BR') ? 'pt-BR' : 'en';
      const { stderr } = await kpiKit('render', path.join(data, f), '--out', out, '--width', '640', '--locale', locale);
      assert.match(stderr, /PNG written to/);
      const png = readFileSync(out);
      assert.deepEqual([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
      const [w, h] = pngSize(png);
      assert.equal(w, 1280, `${f}: 640 CSS px at 2×`);
      assert.ok(h > 400 && png.length > 20_000, `${f}: a picture (${w}×${h}, ${png.length} bytes)`);
    }
  };
  await Promise.all([work(), work(), work()]);
  const svg = path.join(dir, 'forecast.svg');
  await kpiKit('render', path.join(data, 'forecast.monthly-revenue.json'), '--out', svg, '--theme', 'dark');
  const text = readFileSync(svg, 'utf8');
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(text, /<title>Monthly revenue<\/title>/);
  assert.doesNotMatch(text, /<script|part="export"/);
});

test('render: a usage error without --out, a refusal of an invalid document naming its path', async () => {
  await assert.rejects(kpiKit('render', path.join(data, documents[0])), (e) => e.code === 2);
  const bad = path.join(dir, 'bad.json');
  await import('node:fs').then((fs) =>
    fs.writeFileSync(bad, JSON.stringify({ kind: 'funnel', version: 1, steps: [{ id: 'a', label: 'A', count: -1 }] })),
  );
  await assert.rejects(kpiKit('render', bad, '--out', path.join(dir, 'x.png')), (e) => {
    assert.equal(e.code, 1);
    assert.match(e.stderr, /document 1: steps/);
    return true;
  });
});

test('digest: a board of static files as e-mail-safe HTML, each widget a picture and its sentences', async () => {
  const out = path.join(dir, 'digest.html');
  const { stderr } = await kpiKit('digest', path.join(data, 'board.static.json'), '--out', out, '--locale', 'pt-BR');
  assert.match(stderr, /3 widgets in/);
  const html = readFileSync(out, 'utf8');
  assert.equal(html.match(/<img src="data:image\/png;base64,/g)?.length, 3);
  assert.doesNotMatch(html, /<script|<style|<link|https?:\/\//);
  assert.match(html, /<h1[^>]*>Painel estático<\/h1>/);
  // Each widget's sentences, as text, in the page's language.
  assert.match(html, /<li>A conversão total é de 75,1%/);
  assert.ok((html.match(/<li>/g) ?? []).length >= 6);
});
