import { expect, fixture } from '@open-wc/testing';
import '../../components/index.js';
import { WIDGETS } from '../../src/registry.js';
import { loadFixture, untilState, visuallyHidden } from './helpers/util.js';

/**
 * Layout, as a reader sees it: every widget with every fixture, at 320 and 1280 px, in en, pt-BR and es.
 * Fails when SVG text falls outside its SVG, when a word (not a hyphenated or spaced phrase) breaks
 * across lines, or when text is cut off by its own box; also with the root font size doubled.
 */

type Widget = HTMLElement & { data: unknown; updateComplete: Promise<boolean> };

/** Every element in the shadow root that a sighted reader sees (visually hidden text and closed popovers left out). */
function visibleElements(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    (n) => n.getClientRects().length > 0 && !visuallyHidden(n),
  );
}

/** SVG text whose box leaves its SVG (cut off at the edge, like "1,4 M BRL" drawn as ".4 M BRL"). */
function svgTextOutside(root: ShadowRoot): string[] {
  const out: string[] = [];
  for (const text of root.querySelectorAll('svg text')) {
    const svg = text.closest('svg')!;
    const t = text.getBoundingClientRect();
    const s = svg.getBoundingClientRect();
    if (t.width === 0) continue;
    if (t.left < s.left - 0.5 || t.right > s.right + 0.5 || t.top < s.top - 0.5 || t.bottom > s.bottom + 0.5) {
      out.push(
        `"${text.textContent}" [${Math.round(t.left - s.left)}…${Math.round(t.right - s.left)} ` +
          `of ${Math.round(s.width)}]`,
      );
    }
  }
  return out;
}

/** SVG labels drawn over each other (axis ticks too close together: "mai. de 2026jul. de 2026"). */
function svgTextOverlap(root: ShadowRoot): string[] {
  const out: string[] = [];
  for (const svg of root.querySelectorAll('svg')) {
    const boxes = [...svg.querySelectorAll('text')]
      .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          out.push(`"${boxes[i]!.text}" over "${boxes[j]!.text}"`);
      }
    }
  }
  return out;
}

/**
 * Words split across lines ("193,10 B / RL"): a run without breaking spaces that lays out on more than one
 * line. Hyphenated words may break at their hyphen; a word wider than its whole box (a 60-character
 * unbroken label) has to break somewhere and is not counted.
 */
function brokenWords(root: ShadowRoot): string[] {
  const out: string[] = [];
  const range = document.createRange();
  for (const el of visibleElements(root)) {
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent) continue;
      const text = node.textContent;
      for (const m of text.matchAll(/[^\s\u200b]+/g)) {
        const word = m[0];
        if (word.length < 2 || /[-‐‑–—/]/.test(word)) continue;
        range.setStart(node, m.index);
        range.setEnd(node, m.index + word.length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size < 2) continue;
        if (range.getBoundingClientRect().width >= el.getBoundingClientRect().width - 1 && word.length > 24) continue;
        out.push(`"${word}" in ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      }
    }
  }
  return out;
}

/** Text cut off by its own box: content wider or taller than an element that hides its overflow (not a scroll box). */
function clippedText(root: ShadowRoot): string[] {
  const out: string[] = [];
  for (const el of visibleElements(root)) {
    if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
    const cs = getComputedStyle(el);
    const hides = (v: string) => v === 'hidden' || v === 'clip';
    const overX = el.scrollWidth > el.clientWidth + 1 && hides(cs.overflowX);
    const overY = el.scrollHeight > el.clientHeight + 2 && hides(cs.overflowY) && cs.display !== 'inline';
    if ((overX || overY) && el.clientWidth > 0)
      out.push(
        `"${el.textContent!.trim().slice(0, 40)}" in ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ` +
          `(${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
      );
  }
  return out;
}

const LOCALES = ['en-US', 'pt-BR', 'es'];
/**
 * Width and root font size: a phone and a desktop at the default size, and a desktop reader who doubled
 * the font size (200% text, WCAG 1.4.4). The widget's text then is 28 px.
 */
/** Attributes that show more of a widget (the cohort grid's average curve). */
const SHOW_ALL: Readonly<Record<string, string>> = { 'kpi-cohort-grid': 'curve' };
const CASES: readonly (readonly [width: number, rootFont: string])[] = [
  [320, ''],
  [1280, ''],
  [1280, '32px'],
];

describe('layout: no clipped, cut or split text, with every fixture, width and language', function () {
  this.timeout(120000);
  for (const w of WIDGETS) {
    for (const file of [...w.fixtures, ...Object.values(w.portuguese ?? {})]) {
      it(`<${w.tag}> ${file}`, async () => {
        const doc = await loadFixture(file);
        const problems: string[] = [];
        for (const [width, rootFont] of CASES) {
          document.documentElement.style.fontSize = rootFont;
          for (const locale of LOCALES) {
            const wrap = await fixture<HTMLDivElement>(
              `<div style="width: ${width}px">` +
                `<${w.tag} locale="${locale}" theme="light" ${SHOW_ALL[w.tag] ?? ''}></${w.tag}>` +
                `</div>`,
            );
            const el = wrap.firstElementChild as Widget;
            el.data = doc;
            await untilState(el, 'ready');
            // The size controller re-renders once it has measured the box.
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            await el.updateComplete;
            const root = el.shadowRoot!;
            for (const p of [
              ...svgTextOutside(root).map((x) => `svg text outside: ${x}`),
              ...svgTextOverlap(root).map((x) => `svg text overlaps: ${x}`),
              ...brokenWords(root).map((x) => `word split: ${x}`),
              ...clippedText(root).map((x) => `clipped: ${x}`),
            ]) {
              problems.push(`${width}px${rootFont ? ` (root ${rootFont})` : ''} ${locale}: ${p}`);
            }
            wrap.remove();
          }
        }
        document.documentElement.style.fontSize = '';
        expect([...new Set(problems)], problems.slice(0, 12).join('\n')).to.deep.equal([]);
      });
    }
  }
});
