import { expect, fixture } from '@open-wc/testing';
import fc from 'fast-check';
import '../../components/index.js';
import { KPI_KINDS, type KpiKind } from '../../src/index.js';
import { byKind } from '../../src/registry.js';
import type { KpiElement } from '../../src/core/kpi-element.js';
import type { KpiRegionalSla } from '../../components/regional-sla/kpi-regional-sla.js';
import { VALID, XSS, withHostileText } from '../data/extremes.js';
import { assertNoBadText, insideScroller, loadFixture, shadowText, visuallyHidden } from '../browser/helpers/util.js';

const SEED = 20261127;
const TAGS = byKind((w) => w.tag);
const FIXTURE = byKind((w) => w.fixtures[0]);

/** Accessible names and labels in the shadow root that could show a leaked value. */
function accessibleText(el: Element): string {
  return [...el.shadowRoot!.querySelectorAll('[aria-label], [title]')]
    .map((n) => `${n.getAttribute('aria-label') ?? ''} ${n.getAttribute('title') ?? ''}`)
    .join(' ');
}

/** Elements whose text is clipped outside their own box (not scroll containers, not visually hidden text). */
function overflowing(el: Element): string[] {
  const base = el.shadowRoot!.querySelector('[part~="base"]') as HTMLElement;
  const out: string[] = [];
  if (base.scrollWidth > base.clientWidth + 1) {
    const right = base.getBoundingClientRect().right + 1;
    const culprits = [...base.querySelectorAll('*')]
      .filter((n) => n.getBoundingClientRect().right > right && !visuallyHidden(n) && !insideScroller(n))
      .map(
        (n) =>
          `${n.tagName.toLowerCase()}.${[...n.classList].join('.')}[${Math.round(n.getBoundingClientRect().width)}]`,
      );
    out.push(`base ${base.scrollWidth} > ${base.clientWidth}: ${culprits.slice(0, 4).join(' ')}`);
  }
  return out;
}

describe('valid extremes render ready, with no NaN, undefined or overflow', () => {
  for (const kind of KPI_KINDS) {
    it(`${kind}`, async () => {
      const wrap = await fixture<HTMLDivElement>(
        `<div style="width: 360px"><${TAGS[kind]} locale="pt-BR"></${TAGS[kind]}></div>`,
      );
      const el = wrap.firstElementChild as KpiElement<KpiKind>;
      await fc.assert(
        fc.asyncProperty(VALID[kind], async (doc) => {
          el.data = doc as never; // untyped on purpose: the widget validates it
          await el.updateComplete;
          await new Promise((r) => requestAnimationFrame(r));
          await el.updateComplete;
          expect(
            el.issues.map((i) => `${i.pathText}: ${i.message}`),
            'generator made an invalid document',
          ).to.deep.equal([]);
          expect(['ready', 'empty']).to.include(el.getAttribute('state'));
          assertNoBadText(el);
          const names = accessibleText(el);
          for (const bad of ['NaN', 'Infinity', 'undefined', 'null'])
            expect(names, `accessible names contain ${bad}`).not.to.contain(bad);
          const over = overflowing(el);
          if (over.length) throw new Error(over.join('; '));
        }),
        { seed: SEED, numRuns: 25, endOnFailure: true, includeErrorInReport: true },
      );
    });
  }
});

describe('hostile labels show as text and never run', () => {
  for (const kind of KPI_KINDS) {
    it(`${kind}: every free-text field is an XSS payload`, async () => {
      const doc = withHostileText(await loadFixture(FIXTURE[kind]), XSS);
      const el = await fixture<KpiElement<KpiKind>>(`<${TAGS[kind]} locale="en-US"></${TAGS[kind]}>`);
      el.data = doc as never; // untyped on purpose: the widget validates it
      await el.updateComplete;
      // The size controller re-renders on the next frame once it has measured the box.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('ready');
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('img, script, iframe, b#injected, [onerror], [onload]').length).to.equal(0);
      expect([...root.querySelectorAll('svg')].every((s) => !s.hasAttribute('onload'))).to.equal(true);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      // Every payload the document carries is on the page as text (a forecast has three text fields, a funnel dozens).
      const text = shadowText(el);
      const placed = new Set(
        JSON.stringify(doc)
          .match(/"(title|subtitle|label|group)":"((?:[^"\\]|\\.)*)"/g)!
          .map((m) => JSON.parse(`{${m}}`) as Record<string, string>)
          .map((o) => Object.values(o)[0]!),
      );
      expect(placed.size, 'payloads placed').to.be.greaterThan(0);
      for (const payload of placed) expect(text.includes(payload), payload).to.equal(true);
    });
  }
  it('CSV export neutralises formula prefixes in hostile labels', async () => {
    const doc = withHostileText(await loadFixture('regional-sla.states.json'), XSS);
    const el = await fixture<KpiRegionalSla>('<kpi-regional-sla locale="en-US"></kpi-regional-sla>');
    el.data = doc as never; // untyped on purpose: the widget validates it
    await el.updateComplete;
    const csv = await el.toCSV();
    expect(csv).to.contain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).to.contain("'+SUM(1");
    for (const line of csv.split('\r\n').slice(1)) {
      for (const field of line.split(',')) expect(/^[=+@]/.test(field), field).to.equal(false);
    }
  });
});
