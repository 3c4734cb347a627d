// KpiElement, the base of every widget, through a test-only widget: src timing on a fake clock, locale and theme,
// events and definition, and nothing left behind once it is removed.
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import './helpers/test-element.js';
import type { KpiTestElement } from './helpers/test-element.js';
import { status, untilIdle } from './helpers/test-element-parts.js';
import { loadFixture, shadowText, untilState } from './helpers/util.js';
import { HeldFetch, settle, useFakeClock, useHeldFetch } from './helpers/clock.js';
import { formatDateTime } from '../../src/format/index.js';
import { defineOnce } from '../../src/core/define.js';
import { langListenerCount } from '../../src/core/locale.js';
import type { KpiErrorEvent, KpiSelectEvent } from '../../src/core/events.js';
import type { FunnelDoc } from '../../src/index.js';

let funnel: FunnelDoc;
before(async () => {
  funnel = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
});

describe('KpiElement src timing (fake clock)', () => {
  const t = useFakeClock();
  const h = useHeldFetch();
  const body = () => JSON.stringify(funnel);

  it("times out after `timeout` seconds, not before, and says so in the page's language", async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element locale="pt-BR" timeout="0.2" src="/api/doc.json"></kpi-test-element>`,
    );
    expect(h.net.requests.length).to.equal(1);
    t.clock.tick(199);
    expect(h.net.requests[0]!.signal!.aborted).to.equal(false);
    t.clock.tick(1);
    expect(h.net.requests[0]!.signal!.aborted).to.equal(true);
    await untilState(el, 'error');
    expect(status(el)!.textContent).to.contain('sem resposta em 0,2 s');
  });

  it('a slow response overtaken by a newer src never lands (even when its fetch ignores the abort)', async () => {
    h.net.ignoreAbort = true;
    const el = await fixture<KpiTestElement>(html`<kpi-test-element src="/api/old.json"></kpi-test-element>`);
    el.src = '/api/new.json';
    await el.updateComplete;
    expect(h.net.requests.map((r) => r.url)).to.deep.equal(['/api/old.json', '/api/new.json']);
    h.net.requests[1]!.answer(200, body());
    await untilState(el, 'ready');
    // The old answer arrives last, with another document: it must not replace the new one.
    h.net.requests[0]!.answer(200, JSON.stringify({ ...funnel, title: 'Old answer' }));
    await settle();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal(funnel.title);
  });

  it('refreshes every `refresh` seconds while connected, and never after removal', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element refresh="60" src="/api/doc.json"></kpi-test-element>`,
    );
    h.net.requests[0]!.answer(200, body());
    await untilState(el, 'ready');
    t.clock.tick(59_999);
    expect(h.net.requests.length).to.equal(1);
    t.clock.tick(1);
    expect(h.net.requests.length).to.equal(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy'), 'busy while refreshing').to.equal(
      'true',
    );
    h.net.requests[1]!.answer(200, body());
    await untilIdle(el);
    t.clock.tick(60_000);
    expect(h.net.requests.length).to.equal(3);
    el.remove();
    expect(h.net.requests[2]!.signal!.aborted, 'the refresh in flight is aborted').to.equal(true);
    expect(t.clock.pending, 'no timer left').to.equal(0);
    t.clock.tick(600_000);
    expect(h.net.requests.length).to.equal(3);
  });

  it('a failed refresh keeps the last good data, marked stale with the time it was loaded', async () => {
    const el = document.createElement('kpi-test-element');
    el.setAttribute('locale', 'en');
    el.refresh = 30;
    el.src = '/api/doc.json';
    const errors: KpiErrorEvent[] = [];
    el.addEventListener('kpi-error', (e) => errors.push(e));
    document.body.append(el);
    try {
      await el.updateComplete;
      h.net.requests[0]!.answer(200, body());
      await untilState(el, 'ready');
      t.clock.tick(30_000);
      h.net.requests[1]!.answer(503, 'down');
      await waitUntil(
        () => el.shadowRoot!.querySelector('[part~="status"][role="status"]') !== null,
        'no stale notice',
      );
      expect(el.getAttribute('state')).to.equal('ready');
      expect(shadowText(el)).to.contain('Order placed');
      const notice = el.shadowRoot!.querySelector('[part~="status"]')!.textContent!;
      expect(notice).to.contain('HTTP 503');
      expect(notice).to.contain(formatDateTime('en', new Date(t.clock.now() - 30_000).toISOString()));
      expect(errors.length).to.equal(1);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });
});

describe('KpiElement locale and theme', () => {
  it('uses the locale attribute first', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element locale="pt-BR" .data=${funnel}></kpi-test-element>`,
    );
    expect(shadowText(el)).to.contain('Order placed: 8.663');
  });
  it('else the nearest [lang], across shadow roots, and follows changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es"><kpi-test-element .data=${funnel}></kpi-test-element></div>`,
    );
    const el = wrapper.querySelector('kpi-test-element')!;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('1 ene – 30 jun 2018');
    wrapper.setAttribute('lang', 'en-US');
    await waitUntil(() => shadowText(el).includes('8,663'), 'did not follow the lang change');
  });
  it('translates built-in strings', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element locale="pt-BR"></kpi-test-element>`);
    expect(status(el)!.textContent).to.contain('Carregando…');
    el.locale = 'es';
    await el.updateComplete;
    expect(status(el)!.textContent).to.contain('Cargando…');
  });
  it('theme="dark" changes the surface; light is the default with no page CSS', async () => {
    const light = await fixture<KpiTestElement>(
      html`<kpi-test-element theme="light" .data=${funnel}></kpi-test-element>`,
    );
    const dark = await fixture<KpiTestElement>(
      html`<kpi-test-element theme="dark" .data=${funnel}></kpi-test-element>`,
    );
    const bg = (el: KpiTestElement) =>
      getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
    expect(bg(light)).to.equal('rgb(255, 255, 255)');
    expect(bg(dark)).to.not.equal(bg(light));
    await expect(dark).to.be.accessible();
  });
  // A light-only page on a dark OS stays light, a light-dark page follows the OS, `theme` forces one.
  it("follows the page's color-scheme", async () => {
    const bg = (el: KpiTestElement) =>
      getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    try {
      for (const [scheme, theme, expected] of [
        ['only light', '', 'light'],
        ['', '', 'light'],
        ['light dark', '', 'dark'],
        ['only light', 'dark', 'dark'],
        ['light dark', 'light', 'light'],
      ] as const) {
        document.documentElement.style.colorScheme = scheme;
        const el = await fixture<KpiTestElement>(
          html`<kpi-test-element theme=${theme || nothing} .data=${funnel}></kpi-test-element>`,
        );
        expect(
          bg(el) === 'rgb(255, 255, 255)' ? 'light' : 'dark',
          `page ${scheme || '(none)'}, theme ${theme || '(none)'}`,
        ).to.equal(expected);
      }
    } finally {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    }
  });
  it('page tokens restyle it', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element style="--kpi-color-surface: rgb(1, 2, 3)" .data=${funnel}></kpi-test-element>`,
    );
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('KpiElement events and definition', () => {
  it('kpi-select bubbles out of the shadow root with the picked id', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element .data=${funnel}></kpi-test-element>`);
    const picked = oneEvent(document.body, 'kpi-select') as Promise<KpiSelectEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-id="delivered"]')!.click();
    const event = await picked;
    expect(event.detail).to.deep.equal({ type: 'step', id: 'delivered' });
    expect(event.composed).to.equal(true);
  });
  it('defineOnce skips a second definition with one warning', () => {
    const warnings: unknown[] = [];
    const realWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Other extends HTMLElement {}
      class Another extends HTMLElement {}
      expect(() => defineOnce('kpi-test-element', Other)).not.to.throw();
      expect(() => defineOnce('kpi-test-element', Another)).not.to.throw();
      expect(warnings.length).to.equal(1);
    } finally {
      console.warn = realWarn;
    }
  });
});

describe('KpiElement leaves nothing behind', () => {
  const t = useFakeClock();
  it('mount and remove 200 times: no live ResizeObservers, timers or lang listeners', async () => {
    const RealRO = window.ResizeObserver;
    let live = 0;
    class CountingRO extends RealRO {
      private on = false;
      override observe(target: Element, options?: ResizeObserverOptions) {
        if (!this.on) {
          this.on = true;
          live++;
        }
        super.observe(target, options);
      }
      override disconnect() {
        if (this.on) {
          this.on = false;
          live--;
        }
        super.disconnect();
      }
    }
    window.ResizeObserver = CountingRO;
    const net = new HeldFetch();
    net.install();
    const baseline = langListenerCount();
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      for (let i = 0; i < 200; i++) {
        const el = document.createElement('kpi-test-element');
        el.refresh = 30;
        el.src = `/api/doc-${i}.json`;
        host.append(el);
        await el.updateComplete;
        // Every other element loads and so arms its refresh timer; the others are removed mid-load.
        if (i % 2 === 0) {
          net.requests[i]!.answer(200, JSON.stringify(funnel));
          await untilState(el, 'ready');
          expect(t.clock.pending, 'a refresh timer while connected').to.equal(1);
          expect(live, 'a live observer while connected').to.be.greaterThan(0);
        } else {
          expect(t.clock.pending, 'a timeout timer while loading').to.equal(1);
        }
        el.remove();
        expect(t.clock.pending, `timers left after removal #${i}`).to.equal(0);
      }
      await aTimeout(0);
      expect(live).to.equal(0);
      expect(langListenerCount()).to.equal(baseline);
    } finally {
      window.ResizeObserver = RealRO;
      net.uninstall();
    }
  });
});
