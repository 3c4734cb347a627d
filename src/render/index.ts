/**
 * `kpi-kit render` and `kpi-kit digest`: a KPI document drawn by its widget in the machine's Chromium, headless, for
 * e-mail digests and chat messages. The page loads the kit's CDN build from the package (`dist/cdn`, served to the page
 * by the renderer itself: nothing is fetched from a network), sets the document, and waits for the widget to be ready.
 * A PNG is Chromium's own picture of the widget at 2× device pixels; an SVG is the widget's `export('svg')`. The
 * browser is driven through `playwright-core` (an optional package, like the database drivers) and is the machine's
 * Chromium or Chrome (`CHROME_PATH`, else the usual places), never a downloaded one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseKpi, type KpiDoc } from '../kinds/contract.js';
import { issueText } from '../schema/parse.js';
import { WIDGET } from '../registry.js';
import { insights } from '../insights/index.js';
import CHROMIUM_PATHS from './chromium-paths.json';

/** Where a Chromium or Chrome usually is (one list, which the tests' finder, scripts/chromium.mjs, reads too). */
const CHROMIUM: readonly string[] = CHROMIUM_PATHS;

/** The machine's Chromium: `CHROME_PATH`, else the first of the usual places; a plain message when there is none. */
export function chromiumPath(): string {
  const found = [process.env['CHROME_PATH'], ...CHROMIUM].find((p) => p && existsSync(p));
  if (!found) throw new Error('no Chromium or Chrome found: install chromium, or set CHROME_PATH to a Chrome binary');
  return found;
}

export interface RenderOptions {
  /** The widget's width in CSS pixels (default 800). */
  width?: number;
  /** The widget's language (default en). */
  locale?: string;
  theme?: 'light' | 'dark';
  /** Draws the widget without its sentences (a digest lists them as text beside the picture). */
  noInsights?: boolean;
  /** The kit's CDN build: a folder holding kpi-kit.js and chunks/. */
  cdn: string;
}

/** A rendered widget: its picture and what a reader of a digest gets beside it. */
export interface Rendered {
  png?: Buffer;
  svg?: string;
  title: string;
  /** The widget's sentences (its document's own, else `insights()`), in its language. */
  sentences: string[];
}

const ORIGIN = 'http://kpi-kit.render';

/** Errors of a missing optional package, in the data path's words. */
async function playwright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new Error('kpi-kit render needs the optional package playwright-core: npm install playwright-core');
  }
}

/**
 * Draws each of `docs` (KPI documents, validated first) as its widget would show it, as `format`; one browser for all.
 * A document that does not validate is refused with its problems' JSON paths.
 */
export async function renderDocuments(
  docs: readonly unknown[],
  format: 'png' | 'svg',
  o: RenderOptions,
): Promise<Rendered[]> {
  const valid = docs.map((d, i) => {
    const r = parseKpi(d);
    if (!r.ok) throw new Error(`document ${i + 1}: ${r.issues.map(issueText).join('; ')}`);
    return r.doc as KpiDoc;
  });
  const kit = path.join(o.cdn, 'kpi-kit.js');
  if (!existsSync(kit)) throw new Error(`${kit}: no such file (the kit's CDN build)`);
  const { chromium } = await playwright();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const width = o.width ?? 800;
    const context = await browser.newContext({
      deviceScaleFactor: 2,
      viewport: { width: width + 32, height: 600 },
      colorScheme: o.theme ?? 'light',
      locale: o.locale ?? 'en',
    });
    // The kit's files from the package; any other request is refused (no network).
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = path.join(o.cdn, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
      if (url.origin !== ORIGIN || !file.startsWith(o.cdn) || !existsSync(file)) return route.abort();
      return route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' });
    });
    const out: Rendered[] = [];
    for (const doc of valid) {
      const page = await context.newPage();
      const tag = WIDGET[doc.kind].tag;
      const lang = o.locale ?? 'en';
      const html =
        `<!doctype html><html lang="${lang}"><body style="margin:0;padding:16px;background:Canvas">` +
        `<script type="module" src="${ORIGIN}/kpi-kit.js"></script>` +
        `<${tag} no-export ${o.noInsights ? 'no-insights' : ''} theme="${o.theme ?? 'light'}" ` +
        `style="display:block;width:${width}px"></${tag}></body></html>`;
      await page.route(`${ORIGIN}/`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
      await page.goto(`${ORIGIN}/`);
      const state = await page.evaluate(
        async ([t, d]) => {
          await customElements.whenDefined(t);
          const el = document.querySelector(t) as HTMLElement & { data: unknown; updateComplete: Promise<unknown> };
          el.data = d;
          await el.updateComplete;
          return el.getAttribute('state');
        },
        [tag, doc] as const,
      );
      if (state !== 'ready' && state !== 'empty') throw new Error(`the ${tag} widget is ${state}, not ready`);
      const sentences = (doc.insights ?? insights(doc, { locale: lang })).map((i) => i.text);
      const item: Rendered = { title: doc.title ?? tag, sentences };
      if (format === 'png') item.png = await page.locator(tag).screenshot();
      else
        item.svg = await page.evaluate(async (t) => {
          const el = document.querySelector(t) as HTMLElement & { export(f: string): Promise<Blob> };
          return (await el.export('svg')).text();
        }, tag);
      out.push(item);
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * An e-mail-safe HTML page of rendered widgets: one table column, inline styles, each widget's title, its picture
 * (an inline PNG, as wide as it was drawn, `alt` its title and sentences) and its sentences as a list; no script.
 */
export function digestHtml(items: readonly Rendered[], o: { title: string; lang: string; width: number }): string {
  const font = 'font-family:Arial,Helvetica,sans-serif;color:#1b2230';
  const rows = items.map((it) => {
    const alt = [it.title, ...it.sentences].join(' ');
    const img = it.png
      ? `<img src="data:image/png;base64,${it.png.toString('base64')}" width="${o.width}" alt="${escape(alt)}" ` +
        `style="display:block;width:100%;max-width:${o.width}px;height:auto;border:0">`
      : '';
    const list = it.sentences.length
      ? `<ul style="margin:8px 0 0;padding-left:20px;${font};font-size:14px;line-height:20px">` +
        it.sentences.map((s) => `<li>${escape(s)}</li>`).join('') +
        '</ul>'
      : '';
    return (
      `<tr><td style="padding:16px 0;border-top:1px solid #dde2ea">` +
      `<h2 style="margin:0 0 8px;${font};font-size:18px;line-height:24px">${escape(it.title)}</h2>` +
      `${img}${list}</td></tr>`
    );
  });
  return (
    `<!doctype html>\n<html lang="${escape(o.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(o.title)}</title></head>\n` +
    `<body style="margin:0;padding:0;background:#f3f5f8">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f5f8"><tr>` +
    `<td align="center" style="padding:24px 12px">` +
    `<table role="presentation" width="${o.width}" cellpadding="0" cellspacing="0" ` +
    `style="max-width:${o.width}px;width:100%;background:#ffffff;padding:0 16px">` +
    `<tr><td style="padding:16px 0 8px"><h1 style="margin:0;${font};font-size:22px;line-height:28px">` +
    `${escape(o.title)}</h1></td></tr>\n${rows.join('\n')}\n</table></td></tr></table></body></html>\n`
  );
}
