import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/index.js';
import { WIDGETS } from '../../src/registry.js';
import { insights, type KpiDoc } from '../../src/index.js';
import { clone, loadFixture, mountWidget } from './helpers/util.js';

/**
 * The insights above each widget's chart (issue #36), as a keyboard and screen-reader user meets them:
 * the sentences come right after the title, Tab reaches the first, focusing one highlights its marks,
 * the arrows move between them, Escape takes the highlight away and focus back.
 */
type Widget = HTMLElement & { data: unknown; updateComplete: Promise<boolean>; noInsights: boolean };
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const sentences = (el: Element) => $$(el, '[part~="insights"] li');
const lit = (el: Element) => $$(el, '[data-hl]').map((e) => e.dataset['mark']);
const active = (el: Element) => el.shadowRoot!.activeElement;

/** The text of the shadow root in document order, as a screen reader walks it, each with whether it is a title's. */
function spoken(el: Element): { text: string; title: boolean }[] {
  const out: { text: string; title: boolean }[] = [];
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent!.trim();
    const hidden = n.parentElement!.closest('[aria-hidden="true"], [hidden], style');
    if (text && !hidden) out.push({ text, title: Boolean(n.parentElement!.closest('.titles')) });
  }
  return out;
}

for (const w of WIDGETS) {
  describe(`<${w.tag}>: insights`, () => {
    let doc: KpiDoc;
    before(async () => {
      doc = await loadFixture<KpiDoc>(w.fixtures[0]);
    });

    it('shows the sentences of insights() in the page language, right after the title', async () => {
      for (const locale of ['en', 'pt-BR']) {
        const el = await mountWidget<Widget>(w.tag, doc, `locale="${locale}"`);
        const want = insights(doc, { locale }).map((i) => i.text);
        expect(want.length).to.be.greaterThan(0);
        expect(sentences(el).map((li) => li.textContent)).to.deep.equal(want);
        const text = spoken(el);
        const first = text.findIndex((t) => t.text === want[0]);
        // The title first, then nothing but the subtitle and the period line before the first sentence.
        expect(text[0]!.text).to.equal((doc as { title?: string }).title);
        expect(first).to.be.greaterThan(0);
        expect(text.slice(0, first).every((t) => t.title)).to.equal(true);
      }
    });

    it('Tab reaches the first sentence and highlights its marks; the arrows move; Escape goes back', async () => {
      const wrap = await fixture<HTMLDivElement>(
        `<div style="width: 1100px"><button id="before">before</button><${w.tag} locale="en-US"></${w.tag}></div>`,
      );
      const el = wrap.querySelector(w.tag) as Widget;
      el.data = doc;
      await el.updateComplete;
      const list = insights(doc, { locale: 'en-US' });
      const before = wrap.querySelector('#before') as HTMLButtonElement;
      before.focus();
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(active(el)).to.equal(sentences(el)[0]);
      const marks = list[0]!.marks;
      expect(lit(el).length, 'marked elements').to.be.greaterThan(0);
      for (const m of lit(el)) expect(marks).to.include(m);
      expect(el.shadowRoot!.querySelector('[data-marking]')).to.not.equal(null);
      if (list.length > 1) {
        await sendKeys({ press: 'ArrowDown' });
        await el.updateComplete;
        expect(active(el)).to.equal(sentences(el)[1]);
        for (const m of lit(el)) expect(list[1]!.marks).to.include(m);
        // One Tab stop: the one focused last.
        expect(sentences(el).map((li) => li.tabIndex)).to.deep.equal(list.map((_, i) => (i === 1 ? 0 : -1)));
        await sendKeys({ press: 'Home' });
        await el.updateComplete;
        expect(active(el)).to.equal(sentences(el)[0]);
      }
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(document.activeElement).to.equal(before);
      expect(lit(el)).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[data-marking]')).to.equal(null);
    });

    it('pointing at a sentence highlights its marks, leaving the list clears them', async () => {
      const el = await mountWidget<Widget>(w.tag, doc);
      const [li] = sentences(el);
      li!.dispatchEvent(new MouseEvent('mouseenter'));
      await el.updateComplete;
      expect(lit(el).length).to.be.greaterThan(0);
      li!.parentElement!.dispatchEvent(new MouseEvent('mouseleave'));
      await el.updateComplete;
      expect(lit(el)).to.deep.equal([]);
      // Hidden while a sentence is pointed at: the highlight goes with it.
      li!.dispatchEvent(new MouseEvent('mouseenter'));
      await el.updateComplete;
      el.noInsights = true;
      await el.updateComplete;
      expect(lit(el)).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[data-marking]')).to.equal(null);
    });

    it('no-insights hides them; the document’s own insights are shown instead of worked-out ones', async () => {
      const el = await mountWidget<Widget>(w.tag, doc, 'no-insights');
      expect(el.shadowRoot!.querySelector('[part~="insights"]')).to.equal(null);
      el.noInsights = false;
      await el.updateComplete;
      expect(sentences(el).length).to.be.greaterThan(0);
      const own = clone(doc) as KpiDoc & { insights: unknown };
      own.insights = [{ id: 'own', text: 'Frase do <b>backend</b>.', marks: [], lang: 'pt-BR' }];
      el.data = own;
      await el.updateComplete;
      expect(sentences(el).map((li) => [li.textContent, li.lang, li.children.length])).to.deep.equal([
        ['Frase do <b>backend</b>.', 'pt-BR', 0],
      ]);
    });
  });
}

describe('insights on a forecast', () => {
  it('focusing the sentence about the running period draws its period on the chart', async () => {
    const doc = await loadFixture<KpiDoc>('forecast.monthly-revenue.json');
    const el = await mountWidget<Widget>('kpi-forecast', doc);
    expect($$(el, 'rect.hl')).to.have.length(0);
    sentences(el)[0]!.focus();
    await el.updateComplete;
    expect($$(el, 'rect.hl')).to.have.length(1);
  });
});
