import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../components/index.js';
import { WIDGETS } from '../../src/registry.js';
import { INSIGHT_RULES } from '../../src/insights/all.js';
import { loadFixture, mountWidget } from './helpers/util.js';

/**
 * What a screen-reader user hears from each widget (issue #40), read from the accessibility tree in order
 * (Playwright's ARIA snapshot, which enters shadow roots), on a pt-BR and an en page.
 */
type Widget = HTMLElement & { data: unknown; updateComplete: Promise<boolean> };

/** Every string in a document. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

/** The widget's accessibility tree, one node a line, as Playwright writes it. */
const heard = async (tag: string): Promise<string[]> =>
  ((await executeServerCommand('aria-snapshot', { selector: tag })) as string).split('\n');

for (const w of WIDGETS) {
  for (const locale of ['pt-BR', 'en']) {
    const file = (locale === 'pt-BR' && w.portuguese?.[w.fixtures[0]]) || w.fixtures[0];
    describe(`<${w.tag}> heard on a ${locale} page (${file})`, () => {
      it('its name first: a region named by its kind and title, then the title, then the insights', async () => {
        const doc = await loadFixture<{ title: string }>(file);
        const el = await mountWidget<Widget>(w.tag, doc, `locale="${locale}"`);
        const lines = await heard(w.tag);
        const name = el.shadowRoot!.querySelector('[role="region"]')!.getAttribute('aria-label')!;
        expect(name.endsWith(` · ${doc.title}`), name).to.equal(true);
        expect(lines[0]).to.equal(`- region ${JSON.stringify(name)}:`);
        expect(lines[1]!.trim()).to.equal(`- heading ${JSON.stringify(doc.title)} [level=2]`);
        // The insights (a kind with insight rules) come before any control, chart or table.
        const insights = lines.findIndex((l) => /^\s*- list "(Destaques|Insights)"/.test(l));
        if (!(w.kind in INSIGHT_RULES)) return void expect(insights).to.equal(-1);
        const firstControl = lines.findIndex((l) =>
          /^\s*- (button|group|combobox|table|grid|slider|textbox|figure)\b/.test(l),
        );
        expect(insights, lines.slice(0, 12).join('\n')).to.be.greaterThan(1);
        expect(insights).to.be.lessThan(firstControl);
      });

      it('each figure said at most twice outside the insights (a summary) and the tables (the full grid)', async () => {
        await mountWidget<Widget>(w.tag, await loadFixture(file), `locale="${locale}"`);
        const lines = await heard(w.tag);
        const counts = new Map<string, number>();
        let skip = -1;
        for (const l of lines) {
          const depth = l.search(/\S/);
          if (skip >= 0 && depth > skip) continue;
          skip = /^\s*- '?(list "(Destaques|Insights)"|table\b|grid\b)/.test(l) ? depth : -1;
          if (skip >= 0) continue;
          for (const m of l.match(/(R\$\s?)?[+-]?\d[\d.,]*(\s?(%|p\.p\.))?/g) ?? []) {
            const k = m.trim();
            if (k.length > 2 && !/^\d{4}$/.test(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
          }
        }
        expect([...counts].filter(([, n]) => n > 2)).to.deep.equal([]);
      });

      it('no symbol of the kit read as a word (arrows), no bare dash for a blank cell', async () => {
        const doc = await loadFixture(file);
        await mountWidget<Widget>(w.tag, doc, `locale="${locale}"`);
        let text = (await heard(w.tag)).join('\n');
        // The document's own text (a metric "order placed → delivered") is the author's: left out.
        for (const s of strings(doc).sort((a, b) => b.length - a.length)) text = text.split(s).join('');
        expect(text.match(/.*[→←↑↓▲▼].*/g) ?? []).to.deep.equal([]);
        expect(text.match(/.*- cell "—".*/g) ?? []).to.deep.equal([]);
      });
    });
  }
}

describe('<kpi-forecast> heard', () => {
  for (const [locale, words] of [
    ['pt-BR', /\(Período em curso: Fechamento projetado R\$\s[\d.]+, R\$\s[\d.]+ (acima|abaixo)\)/],
    ['en', /\(Running period: Projected close R\$[\d,]+, R\$[\d,]+ (ahead|short)\)/],
  ] as const)
    it(`${locale}: the table's running period says its projected close and the gap, as the tiles do`, async () => {
      await mountWidget<Widget>(
        'kpi-forecast',
        await loadFixture('forecast.monthly-revenue.json'),
        `locale="${locale}"`,
      );
      const rows = (await heard('kpi-forecast')).filter((l) => /^\s*- '?row "/.test(l));
      expect(
        rows.filter((r) => words.test(r)),
        rows.join('\n'),
      ).to.have.length(1);
    });
});

describe("data first: a table's rows within five Tab presses of the widget's first stop", () => {
  for (const [tag, file, row] of [
    ['kpi-regional-sla', 'regional-sla.states.pt-BR.json', 'tr.region'],
    ['kpi-channel-view', 'channels.omnichannel.modelled.json', 'tbody tr[data-key]'],
  ] as const)
    it(`${tag}: the sort buttons are one stop (← → between them), then the rows`, async () => {
      const el = await mountWidget<Widget>(tag, await loadFixture(file), 'locale="pt-BR"');
      const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
      el.shadowRoot!.querySelector<HTMLElement>('[part~="insights"] li')!.focus();
      const path: string[] = [];
      while (!active()?.matches(row) && path.length < 12) {
        await sendKeys({ press: 'Tab' });
        path.push(active()?.textContent?.trim().slice(0, 20) ?? active()?.localName ?? 'outside');
      }
      expect(path.length, path.join(' | ')).to.be.at.most(5);
      // Back to the sort buttons: one stop, the arrows move along them.
      await sendKeys({ press: 'Shift+Tab' });
      const first = active()!;
      expect(first.matches('.sortbtn')).to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
      expect(active()!.matches('.sortbtn') && active() !== first).to.equal(true);
      expect(el.shadowRoot!.querySelectorAll('.sortbtn[tabindex="0"]')).to.have.length(1);
    });
});

describe('<kpi-funnel> heard: each figure once with its meaning', () => {
  it('pt-BR: a step button names its figures in order; the comparison period is not repeated per step', async () => {
    await mountWidget<Widget>('kpi-funnel', await loadFixture('funnel.fulfilment.pt-BR.json'), 'locale="pt-BR"');
    const lines = await heard('kpi-funnel');
    expect(lines.map((l) => l.trim())).to.include(
      '- button "Pedido aprovado 8.661 100% da primeira etapa +0,1 p.p. na conversão em relação à comparação"',
    );
    expect(lines.map((l) => l.trim())).to.include(
      '- button "Pedido realizado 8.663 100% da primeira etapa +39,5% na quantidade em relação à comparação"',
    );
    // Named by the insights, the summary, the legend and the table's column: not once more per step (it was 9 times).
    expect(lines.filter((l) => l.includes('181 dias anteriores')).length).to.be.at.most(4);
  });
});

describe('<kpi-regional-sla>: the totals reachable by a key', () => {
  it('End on the last region, or Ctrl+End anywhere, goes to the totals row; ArrowUp comes back', async () => {
    const el = await mountWidget<Widget>(
      'kpi-regional-sla',
      await loadFixture('regional-sla.states.pt-BR.json'),
      'locale="pt-BR"',
    );
    const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
    el.shadowRoot!.querySelector<HTMLElement>('tr.region[tabindex="0"]')!.focus();
    await sendKeys({ press: 'Control+End' });
    expect(active()!.matches('tr.totals'), active()?.className).to.equal(true);
    expect(active()!.textContent).to.contain('Total');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    const last = active()!;
    expect(last.matches('tr.region')).to.equal(true);
    await sendKeys({ press: 'End' });
    expect(active()!.matches('tr.totals')).to.equal(true);
  });
});

describe('<kpi-checkout-friction> heard', () => {
  it('pt-BR: a step button says what its rate is', async () => {
    await mountWidget<Widget>(
      'kpi-checkout-friction',
      await loadFixture('checkout-friction.modelled.json'),
      'locale="pt-BR"',
    );
    const lines = await heard('kpi-checkout-friction');
    const step = lines.find((l) => /- '?button "Shipping /.test(l));
    expect(String(step), lines.filter((l) => l.includes('button')).join('\n')).to.match(
      /Shipping 25% abandonaram nesta etapa/,
    );
  });
});

// The tag from the registry (a file that names every tag is a list of widgets, which only the registry may be).
const cohortTag = WIDGETS.find((w) => w.kind === 'cohort')!.tag;

describe('the cohort grid heard', () => {
  it('pt-BR: "ainda não" once per cohort, not once per period that has not come', async () => {
    const doc = await loadFixture<{ cohorts: unknown[] }>('cohort.monthly-customers.json');
    await mountWidget<Widget>(cohortTag, doc, 'locale="pt-BR"');
    const said = (await heard(cohortTag)).filter((l) => /- gridcell "ainda não"/.test(l)).length;
    expect(said).to.be.greaterThan(0);
    expect(said).to.be.at.most(doc.cohorts.length);
  });
});
