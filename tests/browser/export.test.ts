import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../components/index.js';
import { WIDGETS } from '../../src/registry.js';
import { translator, type Catalog, type Messages } from '../../src/i18n/index.js';
import { CSV_TABLES } from '../../src/export/all.js';
import type { CsvOptions, CsvTable } from '../../src/export/csv.js';
import type { KpiDoc } from '../../src/kinds/contract.js';
import { parseCsv } from '../../src/data/csv.js';
import { loadFixture, mountWidget, visuallyHidden } from './helpers/util.js';

/**
 * Export (issue #37), for every widget and every fixture: `el.export('svg')` parses as XML and holds the title and
 * the visible text; `el.export('png')` is 2× the element and not blank, and looks like the SVG rasterised;
 * `el.export('csv')`, parsed in its locale, holds the numbers of the kind's table; the menu works with the keyboard.
 */
type Widget = HTMLElement & {
  data: unknown;
  updateComplete: Promise<boolean>;
  export(format: 'svg' | 'png' | 'csv'): Promise<Blob>;
  noExport: boolean;
};

/** The text nodes a sighted user sees in the widget (not visually hidden, not in hidden or closed parts). */
function seenTexts(root: ShadowRoot): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent!.replace(/\s+/g, ' ').trim();
    const parent = n.parentElement!;
    // The export menu is not part of the picture.
    if (!text || parent.closest('style, .export') || visuallyHidden(parent)) continue;
    if (parent.getClientRects().length === 0) continue;
    out.push(text);
  }
  return out;
}

/** Two frames and a render: what the widget's size observers start has happened. */
async function settled(el: Widget): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
}

/** RGBA pixels of an image source drawn at `w` × `h`. */
function pixels(source: CanvasImageSource, w: number, h: number): Uint8ClampedArray {
  const c = document.createElement('canvas');
  [c.width, c.height] = [w, h];
  const ctx = c.getContext('2d')!;
  ctx.drawImage(source, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h).data;
}

/** The share of pixels whose colour differs by more than `tolerance` on some channel. */
function differing(a: Uint8ClampedArray, b: Uint8ClampedArray, tolerance = 64): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4)
    if (Math.max(...[0, 1, 2].map((k) => Math.abs(a[i + k]! - b[i + k]!))) > tolerance) n++;
  return n / (a.length / 4);
}

/** A CSV's rows parsed as its locale writes it: `;` and decimal commas in pt-BR, `,` and points in en. */
function readCsv(text: string, locale: 'en' | 'pt-BR'): string[][] {
  const sep = locale === 'en' ? ',' : ';';
  const table = parseCsv(text.replace(/^\uFEFF/, ''), 'export.csv', sep, false);
  return [table.header, ...table.records.map((r) => table.header.map((h) => r.values[h] ?? ''))];
}
const numberOf = (cell: string, locale: 'en' | 'pt-BR') =>
  cell === '' ? null : Number(locale === 'en' ? cell : cell.replace(',', '.'));

for (const w of WIDGETS) {
  describe(`<${w.tag}>: export`, () => {
    for (const file of w.fixtures) {
      it(`${file}: SVG as XML with the title and every text seen; PNG 2× and not blank, like the SVG`, async () => {
        const doc = await loadFixture<KpiDoc>(file);
        const el = await mountWidget<Widget>(w.tag, doc, 'locale="pt-BR"', 900);
        await settled(el);
        const seen = seenTexts(el.shadowRoot!);
        const svg = await (await el.export('svg')).text();
        const xml = new DOMParser().parseFromString(svg, 'image/svg+xml');
        expect(svg, 'no export button in the picture').to.not.contain('part="export"');
        expect(xml.querySelector('parsererror'), 'the SVG parses').to.equal(null);
        const text = (xml.documentElement.textContent ?? '').replace(/\s+/g, ' ');
        expect(xml.querySelector('title')!.textContent).to.contain((doc as { title?: string }).title ?? '');
        for (const t of seen) expect(text, `the SVG holds "${t}"`).to.contain(t);

        const png = await el.export('png');
        expect(png.type).to.equal('image/png');
        const box = el.getBoundingClientRect();
        const bitmap = await createImageBitmap(png);
        expect([bitmap.width, bitmap.height]).to.deep.equal([Math.ceil(box.width * 2), Math.ceil(box.height * 2)]);
        const painted = pixels(bitmap, bitmap.width, bitmap.height);
        const colours = new Set<number>();
        for (let i = 0; i < painted.length; i += 4 * 97)
          colours.add((painted[i]! << 16) | (painted[i + 1]! << 8) | painted[i + 2]!);
        expect(colours.size, 'the PNG is not blank').to.be.greaterThan(8);

        // The SVG as Chromium draws it as an image (in a page of its own, at 2×) looks like the PNG.
        const size = { width: Math.ceil(box.width), height: Math.ceil(box.height) };
        const shot = (await executeServerCommand('rasterise-svg', { svg, ...size })) as string;
        const image = await createImageBitmap(new Blob([Uint8Array.from(atob(shot), (c) => c.charCodeAt(0))]));
        const rasterised = pixels(image, bitmap.width, bitmap.height);
        const share = differing(painted, rasterised);
        expect(share, `${(share * 100).toFixed(1)}% of the pixels differ`).to.be.lessThan(0.06);
      });

      it(`${file}: CSV in en and pt-BR holds the numbers of its table, with a BOM`, async () => {
        const doc = await loadFixture<KpiDoc>(file);
        const catalog = (customElements.get(w.tag) as unknown as { strings: Catalog<Messages> }).strings;
        const make = CSV_TABLES[doc.kind] as (doc: KpiDoc, o: CsvOptions<Messages>) => CsvTable;
        for (const locale of ['en', 'pt-BR'] as const) {
          const el = await mountWidget<Widget>(w.tag, doc, `locale="${locale}"`);
          // The table as the widget shows it (the SLA's rows, the channels' order, the forecast's outlook), in en.
          const shown = (el as unknown as { exportShown(): unknown }).exportShown();
          const want = make(doc, { t: translator(catalog, 'en'), locale: 'en', shown });
          const file = await el.export('csv');
          const bytes = new Uint8Array(await file.arrayBuffer());
          expect([...bytes.slice(0, 3)], 'UTF-8 BOM').to.deep.equal([0xef, 0xbb, 0xbf]);
          const rows = readCsv(await file.text(), locale);
          expect(rows.length).to.equal(want.rows.length);
          want.rows.slice(1).forEach((row, r) =>
            row.forEach((v, c) => {
              const got = rows[r + 1]![c]!;
              if (want.text.has(c)) return;
              const n = numberOf(got, locale);
              if (v === null) expect(got, `row ${r + 1}, column ${c}: nothing`).to.equal('');
              else
                expect(n, `row ${r + 1}, column ${c}`).to.be.closeTo(
                  v as number,
                  1e-4 * Math.max(1, Math.abs(v as number)),
                );
            }),
          );
          expect(rows[0]!.length).to.equal(want.rows[0]!.length);
        }
      });
    }

    it('the menu: Enter opens it on its first choice, the arrows move, Escape closes and goes back', async () => {
      const doc = await loadFixture<KpiDoc>(w.fixtures[0]!);
      const wrap = await fixture<HTMLDivElement>(
        `<div style="width: 900px"><${w.tag} locale="en-US"></${w.tag}></div>`,
      );
      const el = wrap.querySelector(w.tag) as Widget;
      el.data = doc;
      await el.updateComplete;
      const button = el.shadowRoot!.querySelector('[part~="export"]') as HTMLButtonElement;
      expect(button.textContent).to.equal('Export');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.focus();
      await sendKeys({ press: 'Enter' });
      const items = () => [...el.shadowRoot!.querySelectorAll('[role="menuitem"]')] as HTMLElement[];
      // The menu's code loads on the first use: wait (frame by frame) until the first choice has the focus.
      for (let i = 0; i < 300 && el.shadowRoot!.activeElement !== items()[0]; i++)
        await new Promise((r) => requestAnimationFrame(r));
      expect(items().map((i) => i.textContent)).to.deep.equal(['SVG image', 'PNG image', 'CSV data']);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(items()[0]);
      await sendKeys({ press: 'ArrowDown' });
      expect(el.shadowRoot!.activeElement).to.equal(items()[1]);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(el.shadowRoot!.activeElement).to.equal(items()[2]);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(items()).to.have.length(0);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      // no-export hides the button; export() still works.
      el.noExport = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="export"]')).to.equal(null);
      expect((await el.export('csv')).size).to.be.greaterThan(10);
    });

    it('export() rejects while there is nothing to show', async () => {
      const el = await mountWidget<Widget>(w.tag, { kind: 'nope' });
      let error: unknown;
      await el.export('png').catch((e: unknown) => (error = e));
      expect(String(error)).to.contain('nothing to export: the widget is error');
    });
  });
}
