import { expect, fixture } from '@open-wc/testing';
import '../../components/index.js';
import { loadFixture } from './helpers/util.js';
import { BOARD, ELEMENTS } from '../../src/registry.js';

interface Decl {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
type LitCtor = CustomElementConstructor & {
  elementProperties: Map<string, { attribute?: boolean | string; state?: boolean }>;
  elementStyles: { cssText?: string; styleSheet?: CSSStyleSheet }[];
};

// The board's static fixture: plain files, so it renders here with no server.
const FIXTURE: Record<string, string> = Object.fromEntries(
  ELEMENTS.map((w) => [w.tag, w === BOARD ? BOARD.fixtures[1] : w.fixtures[0]]),
);
/** What each element fires: every widget kpi-error and kpi-select, the board kpi-error and kpi-board-change. */
const EVENTS = (tag: string) => (tag === BOARD.tag ? ['kpi-board-change', 'kpi-error'] : ['kpi-error', 'kpi-select']);

/** custom-elements.json is written by `npm run build`, which `npm test` runs first. */
async function manifest(): Promise<Decl[]> {
  const res = await fetch('/custom-elements.json');
  expect(res.ok, 'custom-elements.json is missing: run `npm run build`').to.equal(true);
  const m = (await res.json()) as { modules: { declarations?: Decl[] }[] };
  return m.modules.flatMap((x) => x.declarations ?? []).filter((d) => d.tagName);
}

describe('the Custom Elements Manifest describes every element', () => {
  it('lists every element of the registry', async () => {
    expect((await manifest()).map((d) => d.tagName).sort()).to.deep.equal(Object.keys(FIXTURE).sort());
  });

  for (const tag of Object.keys(FIXTURE)) {
    it(`<${tag}>: every attribute, event, rendered part and own CSS property`, async () => {
      const decl = (await manifest()).find((d) => d.tagName === tag)!;
      const ctor = customElements.get(tag) as LitCtor;
      const attrs = new Set((decl.attributes ?? []).map((a) => a.name));
      for (const [name, opts] of ctor.elementProperties) {
        if (opts.state || opts.attribute === false) continue;
        const attr = typeof opts.attribute === 'string' ? opts.attribute : name.toLowerCase();
        expect(attrs.has(attr), `attribute ${attr} (property ${name}) is not in the manifest`).to.equal(true);
      }
      expect((decl.events ?? []).map((e) => e.name).sort()).to.deep.equal(EVENTS(tag));

      const el = await fixture<HTMLElement & { data: unknown; manifest?: unknown; updateComplete: Promise<boolean> }>(
        `<${tag} locale="en-US"></${tag}>`,
      );
      const doc = await loadFixture(FIXTURE[tag]!);
      if (tag === BOARD.tag) el.manifest = doc;
      else el.data = doc;
      await el.updateComplete;
      const parts = new Set((decl.cssParts ?? []).map((p) => p.name));
      const rendered = new Set(
        [...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/)),
      );
      for (const p of rendered) expect(parts.has(p), `part "${p}" is rendered but not in the manifest`).to.equal(true);

      const css = ctor.elementStyles
        .map((s) => s.cssText ?? [...(s.styleSheet?.cssRules ?? [])].map((r) => r.cssText).join('\n'))
        .join('\n');
      const own = new Set(
        [...css.matchAll(/var\((--kpi-(?:funnel|checkout|cohort|sla|channel|board)-[\w-]+)/g)].map((m) => m[1]!),
      );
      const documented = new Set((decl.cssProperties ?? []).map((p) => p.name));
      for (const p of own) expect(documented.has(p), `${p} is used but not documented`).to.equal(true);
    });
  }
});
