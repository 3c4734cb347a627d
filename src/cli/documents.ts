/**
 * The commands that read documents: `check` (each problem with its JSON path), `insights` (what a document shows, in
 * sentences), `render` (its widget drawn headless, PNG or SVG) and `digest` (an e-mail-safe page of pictures and
 * sentences, from documents or a board manifest).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, oneOf, UsageError, type Flags } from '../data/paths/common.js';
import { insights as insightsOf } from '../insights/index.js';
import { parseKpi, type KpiDoc } from '../kinds/contract.js';
import { digestHtml, renderDocuments, type RenderOptions } from '../render/index.js';
import { issueText } from '../schema/parse.js';
import type { Args } from './args.js';
import { intFlag, log, read, writeAtomic } from './io.js';

const LOCALES = ['en', 'pt-BR', 'es'];

/** A file's valid KPI document, else an error naming the file. */
function readDocument(file: string): KpiDoc {
  const result = parseKpi(read(file));
  if (!result.ok) throw new Error(`${file}: not a valid KPI document (kpi-kit check ${file} says why)`);
  return result.doc;
}

/** `kpi-kit check <file>`: a document or a board manifest, each problem with its JSON path (exit status 1). */
export function check({ positional: [file] }: Args): void {
  if (!file) throw new UsageError('kpi-kit check <document.json>');
  // A board manifest (kind "board") is checked as one; anything else as a KPI document.
  const input = read(file);
  let board = false;
  try {
    board = JSON.parse(input)?.kind === 'board';
  } catch {
    board = false;
  }
  const result = board ? parseKpi(input, 'board') : parseKpi(input);
  if (!result.ok) {
    const n = result.issues.length;
    process.stderr.write(
      `${file}: ${n} problem${n > 1 ? 's' : ''}\n${result.issues.map((i) => `  ${issueText(i)}`).join('\n')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${file}: a valid ${result.doc.kind} document\n`);
}

/** `kpi-kit insights <file>`: the sentences as text, Markdown or JSON (with each insight's facts and marks). */
export function insights({ options, positional: [file] }: Args): void {
  if (!file)
    throw new UsageError(
      'kpi-kit insights <document.json> [--locale en|pt-BR|es] [--format text|markdown|json] ' +
        '[--compare-to <earlier.json>]',
    );
  const format = oneOf('format', flag(options, 'format') ?? 'text', ['text', 'markdown', 'json']);
  const locale = oneOf('locale', flag(options, 'locale') ?? 'en', LOCALES);
  const doc = readDocument(file);
  // --compare-to: a document of the same kind to compare with (a funnel without a comparison of its own uses it).
  const earlier = flag(options, 'compare-to');
  const compareTo = earlier === undefined ? undefined : readDocument(earlier);
  if (compareTo && compareTo.kind !== doc.kind)
    throw new UsageError(`--compare-to: expected a ${doc.kind} document, got ${compareTo.kind}`);
  const list = insightsOf(doc, { locale, compareTo });
  const title = doc.title ?? doc.kind;
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify(list, null, 2)}\n`
      : format === 'markdown'
        ? `**${title}**\n\n${list.map((i) => `- ${i.text}`).join('\n')}\n`
        : `${list.map((i) => i.text).join('\n')}\n`,
  );
}

/** The options of render and digest, checked; the kit's CDN build from this package. */
function renderOptions(options: Flags, width: number): RenderOptions & { width: number; locale: string } {
  return {
    width: intFlag(options, 'width', width, 240, 2400),
    locale: oneOf('locale', flag(options, 'locale') ?? 'en', LOCALES),
    theme: oneOf('theme', flag(options, 'theme') ?? 'light', ['light', 'dark']),
    // dist/cli/main.js → dist/cdn.
    cdn: fileURLToPath(new URL(/* @vite-ignore */ '../cdn', import.meta.url)),
  };
}

/** `kpi-kit render <file> --out <png|svg>`: the widget drawn in this machine's Chromium. */
export async function render({ options, positional: [file] }: Args): Promise<void> {
  const out = flag(options, 'out');
  if (!file || !out || !/\.(png|svg)$/i.test(out))
    throw new UsageError(
      'kpi-kit render <document.json> --out <file.png|file.svg> [--width 800] [--locale …] [--theme …]',
    );
  const format = out.toLowerCase().endsWith('.svg') ? 'svg' : 'png';
  const [r] = await renderDocuments([JSON.parse(read(file))], format, renderOptions(options, 800));
  writeAtomic(out, r!.png ?? r!.svg ?? '');
  log(`${r!.title}: ${format.toUpperCase()} written to ${out}`);
}

/**
 * The file a board widget's `src` names, read from disk: relative to the manifest, or (a path from the site's root,
 * `/data/x.json`) below the nearest folder above the manifest that holds it; undefined for a URL or a missing file.
 */
export function boardFile(manifest: string, src: string): string | undefined {
  const clean = src.split(/[?#]/)[0]!;
  if (/^[a-z][a-z0-9+.-]*:/i.test(clean)) return undefined;
  const dir = path.dirname(path.resolve(manifest));
  if (!clean.startsWith('/')) return existsSync(path.resolve(dir, clean)) ? path.resolve(dir, clean) : undefined;
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, clean))) return path.join(d, clean);
    if (path.dirname(d) === d) return undefined;
  }
}

/** `kpi-kit digest <files…> --out <html>`: each widget's picture and its sentences, in one e-mail-safe page. */
export async function digest({ options, positional: files }: Args): Promise<void> {
  const out = flag(options, 'out');
  if (!files.length || !out) throw new UsageError('kpi-kit digest <board.json | document.json …> --out <digest.html>');
  const docs: unknown[] = [];
  let title = flag(options, 'title');
  for (const file of files) {
    const doc = JSON.parse(read(file));
    if (doc?.kind !== 'board') {
      docs.push(doc);
      continue;
    }
    // A board: its widgets' documents, each a file beside the manifest (a served URL cannot be read here).
    const board = parseKpi(doc, 'board');
    if (!board.ok) throw new Error(`${file}: not a valid board manifest (kpi-kit check ${file} says why)`);
    title ??= board.doc.title;
    for (const w of board.doc.widgets) {
      const src = boardFile(file, w.src);
      if (!src) log(`${w.id}: ${w.src} is not a file beside the board; left out`);
      else docs.push(JSON.parse(read(src)));
    }
  }
  if (!docs.length) throw new Error('no widget to put in the digest');
  const o = renderOptions(options, 640);
  // The sentences are listed as text under each picture (read where images are blocked), so not drawn in it.
  const items = await renderDocuments(docs, 'png', { ...o, noInsights: true });
  writeAtomic(out, digestHtml(items, { title: title ?? 'kpi-kit digest', lang: o.locale, width: o.width }));
  log(`${items.length} widget${items.length === 1 ? '' : 's'} in ${out}`);
}
