import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../components/index.js';
import { contrast, parseColor } from '../../src/compute/color.js';
import { WIDGETS } from '../../src/registry.js';
import { loadFixture, mountWidget } from './helpers/util.js';
import { municipalities, weeklyCohorts } from '../data/generators.js';

/**
 * Paths of users the per-widget tests do not walk (issue #20): Windows high contrast
 * (forced colours). Every widget with bars is mounted with a real fixture.
 */
type Widget = HTMLElement & { data: unknown; updateComplete: Promise<boolean> };
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const transparent = (c: string) => c === 'transparent' || /rgba\(.*, 0\)$/.test(c);

const WITH_BARS: [tag: string, fixture: string, marks: string][] = [
  ['kpi-funnel', 'funnel.leads.json', '[part~="bar"], .swatch:not(.lost-swatch)'],
  ['kpi-checkout-friction', 'checkout-friction.modelled.json', '[part~="bar"]'],
  ['kpi-regional-sla', 'regional-sla.states.json', '.bar-p90'],
  ['kpi-channel-view', 'channels.omnichannel.modelled.json', '[part~="bar"], .ov-bar'],
];

describe('forced colours (Windows high contrast)', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  for (const [tag, name, marks] of WITH_BARS) {
    it(`${tag}: every bar and swatch keeps a fill that differs from the card`, async () => {
      const el = await mountWidget<Widget>(tag, await loadFixture(name));
      await emulateMedia({ forcedColors: 'active' });
      const card = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
      const found = $$(el, marks).filter((m) => m.getBoundingClientRect().width > 0);
      expect(found.length > 0, `${tag} shows marks`).to.equal(true);
      for (const m of found) {
        const bg = getComputedStyle(m).backgroundColor;
        expect(!transparent(bg) && bg !== card, `${tag} ${m.className}: ${bg} on ${card}`).to.equal(true);
      }
    });
  }

  it('kpi-regional-sla: the bar track keeps a border and the median tick stands out of the P90 fill', async () => {
    const el = await mountWidget<Widget>('kpi-regional-sla', await loadFixture('regional-sla.states.json'));
    await emulateMedia({ forcedColors: 'active' });
    const track = getComputedStyle($$(el, '.bar')[0]!);
    expect(track.borderTopStyle !== 'none' && !transparent(track.borderTopColor)).to.equal(true);
    const p90 = getComputedStyle($$(el, '.bar-p90')[0]!).backgroundColor;
    const p50 = getComputedStyle($$(el, '.bar-p50')[0]!).backgroundColor;
    expect(p50 !== p90 && !transparent(p50), `${p50} on ${p90}`).to.equal(true);
  });

  it('the pressed option of a toggle is marked by more than bold text', async () => {
    const el = await mountWidget<Widget>('kpi-cohort-grid', await loadFixture('cohort.monthly-customers.json'));
    await emulateMedia({ forcedColors: 'active' });
    const pressed = $$(el, '.seg-toggle [aria-pressed="true"]')[0]!;
    const other = $$(el, '.seg-toggle [aria-pressed="false"]')[0]!;
    expect(Boolean(pressed && other), 'the cohort grid has a toggle').to.equal(true);
    const a = getComputedStyle(pressed);
    const b = getComputedStyle(other);
    expect(
      a.backgroundColor !== b.backgroundColor && a.color !== b.color,
      `${a.backgroundColor}/${a.color} vs ${b.backgroundColor}/${b.color}`,
    ).to.equal(true);
  });
});

/** Low-vision paths: non-text contrast of marks and focus rings (WCAG 1.4.11), in light and dark. */
describe('contrast of marks and rings', () => {
  const rgb = (c: string) => parseColor(c)!;
  const ratio = (a: string, b: string) => contrast(rgb(a), rgb(b));

  for (const theme of ['light', 'dark']) {
    // The median and target ticks stand out of both the fill and the track.
    it(`${theme}: SLA P90 fills reach 3:1 against their track; the median and target ticks stand out`, async () => {
      const el = await mountWidget<Widget>(
        'kpi-regional-sla',
        await loadFixture('regional-sla.states.json'),
        `theme="${theme}"`,
      );
      const surface = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
      for (const cell of $$(el, 'td.p90-col')
        .filter((c) => c.querySelector('.bar'))
        .slice(0, 12)) {
        const track = getComputedStyle(cell.querySelector('.bar')!).backgroundColor;
        const fill = getComputedStyle(cell.querySelector('.bar-p90')!).backgroundColor;
        expect(ratio(fill, track), `${cell.className}: ${fill} on ${track}`).to.be.at.least(3);
        for (const tick of ['.bar-p50', '.bar-target']) {
          const cs = getComputedStyle(cell.querySelector(tick)!);
          // The tick itself against the track, and its halo (the surface colour) against the fill it crosses.
          expect(ratio(cs.backgroundColor, track), `${tick} on the track`).to.be.at.least(3);
          expect(
            cs.boxShadow.includes(surface) && ratio(surface, fill) >= 3,
            `${tick} halo ${cs.boxShadow} on ${fill}`,
          ).to.equal(true);
        }
      }
    });

    it(`${theme}: the sort hint arrow is as readable as its header text`, async () => {
      const el = await mountWidget<Widget>(
        'kpi-regional-sla',
        await loadFixture('regional-sla.states.json'),
        `theme="${theme}"`,
      );
      const arrow = $$(el, 'thead th[aria-sort="none"] .arrow')[0]!;
      const th = arrow.closest('th')!;
      expect(getComputedStyle(arrow).opacity).to.equal('1');
      expect(ratio(getComputedStyle(arrow).color, getComputedStyle(th).backgroundColor)).to.be.at.least(4.5);
    });

    it(`${theme}: the cohort grid's focus ring stands out of the darkest cell`, async () => {
      const el = await mountWidget<Widget>(
        'kpi-cohort-grid',
        await loadFixture('cohort.monthly-customers.json'),
        `theme="${theme}"`,
      );
      const surface = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
      const cell = $$(el, 'td[data-c="0"]')[0]!;
      cell.focus();
      // Focus by keyboard paints :focus-visible; a programmatic focus after a key press does too.
      const cs = getComputedStyle(cell);
      expect(cs.boxShadow.includes(surface), cs.boxShadow).to.equal(true);
      expect(ratio(surface, cs.backgroundColor), `ring halo on ${cs.backgroundColor}`).to.be.at.least(3);
    });
  }
});

describe('headings without a title', () => {
  for (const { tag, fixtures } of WIDGETS)
    for (const name of fixtures) {
      it(`${tag}: a document with no title keeps the heading order (axe)`, async () => {
        const doc = await loadFixture<Record<string, unknown>>(name);
        delete doc['title'];
        const el = await mountWidget<Widget>(tag, doc);
        await expect(el).to.be.accessible();
      });
    }
});

/**
 * A reader who doubled the page's font size (200% text): rows grow with it, and the windowed tables still scroll right.
 */
describe('200% text (a 32 px root)', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = '';
  });

  it('the widget text follows the root font size', async () => {
    document.documentElement.style.fontSize = '32px';
    const el = await mountWidget<Widget>('kpi-funnel', await loadFixture('funnel.leads.json'));
    expect(getComputedStyle(el).fontSize).to.equal('28px');
  });

  it('SLA with 500 regions: rows twice as tall, End reaches the last region, in view and focused', async () => {
    const doc = municipalities(500);
    const small = await mountWidget<Widget>('kpi-regional-sla', doc);
    const smallRow = $$(small, 'tr.region')[0]!.getBoundingClientRect().height;
    document.documentElement.style.fontSize = '32px';
    const el = await mountWidget<Widget>('kpi-regional-sla', doc);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const row = $$(el, 'tr.region')[0]!;
    expect(row.getBoundingClientRect().height).to.be.closeTo(smallRow * 2, 2);
    row.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const active = el.shadowRoot!.activeElement as HTMLElement;
    expect(
      active.matches('tr.region') && active.getAttribute('aria-rowindex') === String(500 + 2),
      active.getAttribute('aria-rowindex') ?? active.tagName,
    ).to.equal(true);
    const box = el.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect();
    const r = active.getBoundingClientRect();
    expect(
      r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
      `row ${r.top}…${r.bottom} in ${box.top}…${box.bottom}`,
    ).to.equal(true);
  });

  it('cohort grid with 104 weekly cohorts: rows grow, PageDown keeps the active cell in view', async () => {
    document.documentElement.style.fontSize = '32px';
    const el = await mountWidget<Widget>('kpi-cohort-grid', weeklyCohorts(104));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const cell = $$(el, 'td[data-r="0"][data-c="0"]')[0]!;
    expect(cell.getBoundingClientRect().height).to.be.closeTo(2.3 * 28, 2);
    cell.focus();
    for (let k = 0; k < 6; k++) await sendKeys({ press: 'PageDown' });
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset['r']).to.equal('60');
    await el.updateComplete;
    const active = el.shadowRoot!.activeElement as HTMLElement;
    const box = el.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect();
    const r = active.getBoundingClientRect();
    expect(
      r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
      `cell ${r.top}…${r.bottom} in ${box.top}…${box.bottom}`,
    ).to.equal(true);
  });
});

describe('axe in the loading and error states, light and dark, en and pt-BR', () => {
  for (const { tag } of WIDGETS) {
    it(`${tag}`, async () => {
      for (const attrs of ['theme="light"', 'theme="dark" locale="pt-BR"']) {
        const broken = await mountWidget<Widget>(tag, { kind: 'nonsense', version: 1 }, attrs);
        expect(broken.getAttribute('state')).to.equal('error');
        await expect(broken).to.be.accessible();
        // Loading for as long as the test looks: a fetcher that never answers (no server delay to race).
        const { fixture } = await import('@open-wc/testing');
        const wrap = await fixture<HTMLDivElement>(`<div><${tag} ${attrs}></${tag}></div>`);
        const loading = wrap.firstElementChild as Widget & { fetcher?: typeof fetch; src?: string };
        loading.fetcher = () => new Promise<Response>(() => {});
        loading.src = '/never.json';
        await loading.updateComplete;
        expect(loading.getAttribute('state')).to.equal('loading');
        await expect(loading).to.be.accessible();
        expect(loading.getAttribute('state')).to.equal('loading');
      }
    });
  }
});

/** A white-label theme that squares everything: `--kpi-radius: 0` reaches every corner, not only the card's. */
describe('--kpi-radius: 0', () => {
  for (const { tag, fixtures } of WIDGETS) {
    it(`${tag}: no rounded corner anywhere (circles stay circles)`, async () => {
      const el = await mountWidget<Widget>(tag, await loadFixture(fixtures[0]), 'style="--kpi-radius: 0"');
      const rounded = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .map((n) => [n, getComputedStyle(n).borderTopLeftRadius] as const)
        .filter(([, r]) => r !== '0px' && r !== '50%')
        .map(([n, r]) => `${n.tagName.toLowerCase()}.${[...n.classList].join('.')} ${r}`);
      expect(rounded, rounded.slice(0, 8).join('\n')).to.deep.equal([]);
    });
  }
});

/** One tab stop per list (roving tabindex): arrows move it, Tab leaves the list. */
describe('lists hold one tab stop', () => {
  const LISTS: [tag: string, fixture: string, list: string, item: string][] = [
    ['kpi-channel-view', 'channels.omnichannel.modelled.json', 'ol.mixlist', 'button'],
    ['kpi-channel-view', 'channels.omnichannel.modelled.json', 'tbody', 'tr[data-key]'],
    ['kpi-checkout-friction', 'checkout-friction.modelled.json', 'ol.flow', 'button'],
    ['kpi-checkout-friction', 'checkout-friction.modelled.json', 'ol.causes', 'button'],
  ];
  for (const [tag, name, list, item] of LISTS) {
    it(`${tag} ${list}: one stop; Down, End and Up move it; Tab leaves the list`, async () => {
      const el = await mountWidget<Widget>(tag, await loadFixture(name), 'locale="pt-BR"');
      const box = el.shadowRoot!.querySelector(list)!;
      const items = () => [...box.querySelectorAll<HTMLElement>(item)];
      const stops = () => items().filter((n) => n.tabIndex === 0);
      expect(items().length > 2 && stops().length === 1 && stops()[0] === items()[0]).to.equal(true);
      items()[0]!.focus();
      const active = () => el.shadowRoot!.activeElement;
      await sendKeys({ press: 'ArrowDown' });
      expect(active()).to.equal(items()[1]);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(active() === items()[items().length - 1] && stops().length === 1 && stops()[0] === active()).to.equal(
        true,
      );
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(active() === items()[items().length - 2] && stops()[0] === active()).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(active() === null || !box.contains(active())).to.equal(true);
    });
  }

  it('kpi-checkout-friction: ranking by revenue keeps the stop on the same cause', async () => {
    const el = await mountWidget<Widget>('kpi-checkout-friction', await loadFixture('checkout-friction.modelled.json'));
    const causes = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('ol.causes button')];
    causes()[2]!.focus();
    const id = causes()[2]!.dataset['key'];
    (el as unknown as { rankBy: string }).rankBy = 'revenue';
    await el.updateComplete;
    const stops = causes().filter((n) => n.tabIndex === 0);
    expect(stops.length === 1 && stops[0]!.dataset['key'] === id).to.equal(true);
  });
});

/**
 * The done-when matrix of #20: every widget's ready state in light and dark, at 320 and 1280 px, on a
 * pt-BR page: axe clean, every list or grid with exactly one tab stop, and every tab stop reachable.
 */
describe('ready state: light and dark, 320 and 1280 px, pt-BR', function () {
  this.timeout(120000);
  /** The containers that hold a roving tab stop, per widget (those present at that width). */
  const ROVING = [
    '.steps',
    '.multiples',
    'table.map',
    'ol.flow',
    'ol.causes',
    'table[part~="table"]',
    'ol.mixlist',
    '[role="slider"]',
  ];
  for (const { tag, fixtures, portuguese } of WIDGETS) {
    it(`${tag}`, async () => {
      const doc = await loadFixture(portuguese?.[fixtures[0]] ?? fixtures[0]);
      for (const theme of ['light', 'dark']) {
        for (const width of [320, 1280]) {
          const el = await mountWidget<Widget>(tag, doc, `locale="pt-BR" theme="${theme}"`, width);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          await el.updateComplete;
          expect(el.getAttribute('state'), `${theme} ${width}`).to.equal('ready');
          for (const sel of ROVING) {
            for (const box of el.shadowRoot!.querySelectorAll(sel)) {
              // A data table for screen readers has no tab stop to hold.
              if (!box.matches('[tabindex]') && !box.querySelector('[tabindex]')) continue;
              // A table's sort buttons hold a stop of their own (one for the header row).
              const stops = [...box.querySelectorAll<HTMLElement>('[tabindex="0"]:not(.sortbtn)')];
              const own = box.getAttribute('tabindex') === '0' ? 1 : 0;
              expect(stops.length + own, `${tag} ${sel} at ${width} px ${theme}`).to.equal(1);
              const sorts = box.querySelectorAll('.sortbtn');
              if (sorts.length)
                expect(box.querySelectorAll('.sortbtn[tabindex="0"]').length, `${tag} sort buttons`).to.equal(1);
            }
          }
          await expect(el).to.be.accessible();
        }
      }
    });
  }
});
