import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import './helpers/test-element.js';
import type { KpiTestElement } from './helpers/test-element.js';
import { clone, loadFixture, shadowText, untilState } from './helpers/util.js';
import { HeldFetch, settle, useFakeClock, useHeldFetch } from './helpers/clock.js';
import { formatDateTime } from '../../src/format/index.js';
import { defineOnce } from '../../src/core/define.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import { langListenerCount } from '../../src/core/locale.js';
import type { KpiErrorEvent, KpiSelectEvent } from '../../src/core/events.js';
import type { FunnelDoc } from '../../src/index.js';

let funnel: FunnelDoc;
before(async () => {
  funnel = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
});

const status = (el: KpiTestElement) => el.shadowRoot!.querySelector('[part~="status"]');
/** Waits until the widget has no request in flight (its card is no longer aria-busy). */
const untilIdle = (el: KpiTestElement) =>
  waitUntil(
    () => el.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false',
    'still loading',
  );
const chart = (el: KpiTestElement) => el.shadowRoot!.querySelector('[part~="chart"]');

describe('KpiElement states', () => {
  it('is loading with no input, with a polite status and reserved height', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element></kpi-test-element>`);
    expect(el.getAttribute('state')).to.equal('loading');
    expect(status(el)!.getAttribute('role')).to.equal('status');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(150);
    await expect(el).to.be.accessible();
  });

  it('is ready with a valid document set as a property', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element .data=${funnel} locale="en-US"></kpi-test-element>`,
    );
    expect(el.getAttribute('state')).to.equal('ready');
    expect(shadowText(el)).to.contain('Order placed: 8,663');
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal(funnel.title);
    expect(el.matches(':state(ready)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is empty when no step has a count', async () => {
    const doc = clone(funnel);
    doc.steps.forEach((s) => {
      s.count = null;
    });
    const el = await fixture<KpiTestElement>(html`<kpi-test-element .data=${doc} locale="en-US"></kpi-test-element>`);
    expect(el.getAttribute('state')).to.equal('empty');
    expect(status(el)!.textContent).to.contain('No data for this period.');
    expect(chart(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows every issue with its path in an alert, fires kpi-error, and renders nothing else', async () => {
    const doc = clone(funnel) as unknown as { steps: { count: unknown; label: unknown }[] };
    doc.steps[3]!.count = -4;
    doc.steps[1]!.label = 42;
    const el = document.createElement('kpi-test-element');
    const errored = oneEvent(el, 'kpi-error') as Promise<KpiErrorEvent>;
    el.data = doc as never; // untyped on purpose: the widget validates it
    document.body.append(el);
    const event = await errored;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(event.detail.source).to.equal('data');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.issues.map((i) => i.pathText)).to.have.members(['steps[3].count', 'steps[1].label']);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('part')).to.equal('status');
    expect(alert.textContent).to.contain('steps[3].count: expected a non-negative integer, got -4');
    expect(alert.textContent).to.contain('steps[1].label');
    expect(chart(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="header"]')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('the error panel’s heading does not skip a level (it is the card’s first heading)', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element .data=${{ kind: 'funnel', version: 1, steps: [] }}></kpi-test-element>`,
    );
    expect(el.getAttribute('state')).to.equal('error');
    const headings = [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName);
    expect(headings).to.deep.equal(['H2']);
  });

  it('recovers from error to ready when valid data arrives', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element .data=${{ kind: 'funnel' }}></kpi-test-element>`);
    expect(el.getAttribute('state')).to.equal('error');
    el.data = funnel;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(el.issues).to.deep.equal([]);
  });

  it('names a newer contract version', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element .data=${{ ...funnel, version: 2 }}></kpi-test-element>`,
    );
    expect(el.getAttribute('state')).to.equal('error');
    expect(status(el)!.textContent).to.contain('upgrade kpi-kit');
  });

  it('lists at most 12 issues and counts the rest', async () => {
    const doc = clone(funnel) as unknown as { steps: unknown[]; comparison?: unknown; segments?: unknown };
    delete doc.comparison;
    delete doc.segments;
    doc.steps = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, label: 'x', count: -1 }));
    const el = await fixture<KpiTestElement>(html`<kpi-test-element .data=${doc} locale="en"></kpi-test-element>`);
    expect(el.shadowRoot!.querySelectorAll('[role="alert"] li').length).to.equal(13);
    expect(status(el)!.textContent).to.contain('and 18 more problems');
    // Thousands of problems: the count is formatted in the page's locale.
    doc.steps = Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, label: 'x', count: -1 }));
    const many = await fixture<KpiTestElement>(html`<kpi-test-element .data=${doc} locale="pt-BR"></kpi-test-element>`);
    expect(status(many)!.textContent).to.contain('e mais 1.988 problemas');
  });

  it('never throws on hostile input', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element></kpi-test-element>`);
    const hostile: unknown[] = [
      42,
      'text',
      [],
      true,
      { kind: 'funnel', version: 1, steps: 'x'.repeat(1_000_000) },
      Object.create(null),
    ];
    for (const input of hostile) {
      el.data = input as never; // untyped on purpose: the widget validates it
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('error');
    }
  });
});

describe('KpiElement data attribute', () => {
  it('parses JSON text', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element data=${JSON.stringify(funnel)}></kpi-test-element>`,
    );
    expect(el.getAttribute('state')).to.equal('ready');
  });
  it('reports text that is not JSON at the root', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element data="{not json"></kpi-test-element>`);
    expect(el.getAttribute('state')).to.equal('error');
    expect(el.issues[0]!.pathText).to.equal('(root)');
    expect(status(el)!.textContent).to.contain('expected JSON text in the data attribute');
  });
});

describe('KpiElement src', () => {
  it('loads a document: loading, then ready', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element src="/api/slow/150/funnel.fulfilment.json"></kpi-test-element>`,
    );
    expect(el.getAttribute('state')).to.equal('loading');
    await untilState(el, 'ready');
    expect(shadowText(el)).to.contain('Order placed');
    await expect(el).to.be.accessible();
  });

  it('shows an HTTP failure as an error and fires kpi-error with source src', async () => {
    const el = document.createElement('kpi-test-element');
    const errored = oneEvent(el, 'kpi-error') as Promise<KpiErrorEvent>;
    el.setAttribute('locale', 'en');
    el.src = '/api/status/500';
    document.body.append(el);
    const event = await errored;
    expect(event.detail.source).to.equal('src');
    await untilState(el, 'error');
    expect(status(el)!.textContent).to.contain('HTTP 500');
    await expect(el).to.be.accessible();
    el.remove();
  });

  // Schema problems are marked English; a failed load is in Portuguese, without "(root)".
  it('on a pt-BR page the error panel speaks each line in its language', async () => {
    const bad = await fixture<KpiTestElement>(html`<kpi-test-element locale="pt-BR"></kpi-test-element>`);
    bad.data = { kind: 'funnel', version: 1, steps: [{ id: 'a', label: 'A', count: -4 }] } as never;
    await untilState(bad, 'error');
    const line = status(bad)!.querySelector('li')!;
    expect(line.lang).to.equal('en');
    expect(line.textContent).to.contain('steps[0].count: expected');
    expect(status(bad)!.closest('[lang]')!.getAttribute('lang')).to.equal('pt-BR');
    const failed = await fixture<KpiTestElement>(
      html`<kpi-test-element locale="pt-BR" src="/api/status/404"></kpi-test-element>`,
    );
    await untilState(failed, 'error');
    const li = status(failed)!.querySelector('li')!;
    expect(li.lang).to.equal('pt-BR');
    expect(li.textContent!.startsWith('Não foi possível carregar'), li.textContent!).to.equal(true);
    expect(li.querySelector('code')).to.equal(null);
    await expect(failed).to.be.accessible();
  });

  it("a token-protected backend: 401 is a clear error; the element's fetcher adds the token and it loads", async () => {
    const denied = await fixture<KpiTestElement>(
      html`<kpi-test-element locale="en" src="/api/auth/funnel.fulfilment.json"></kpi-test-element>`,
    );
    await untilState(denied, 'error');
    expect(status(denied)!.textContent).to.contain('HTTP 401');
    const calls: string[] = [];
    const el = document.createElement('kpi-test-element');
    el.fetcher = (url, init) => {
      calls.push(String(url));
      return fetch(url, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), authorization: 'Bearer kpi-test-token' },
      });
    };
    el.src = '/api/auth/funnel.fulfilment.json';
    document.body.append(el);
    try {
      await untilState(el, 'ready');
      expect(calls).to.deep.equal(['/api/auth/funnel.fulfilment.json']);
      expect(shadowText(el)).to.contain('Order placed');
    } finally {
      el.remove();
    }
  });

  it("a kit-wide fetcher (KpiElement.fetcher) serves widgets without one; an element's own still wins", async () => {
    const seen: string[] = [];
    const withToken =
      (who: string): typeof fetch =>
      (url, init) => {
        seen.push(who);
        return fetch(url, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), authorization: 'Bearer kpi-test-token' },
        });
      };
    KpiElement.fetcher = withToken('kit');
    try {
      const a = await fixture<KpiTestElement>(
        html`<kpi-test-element locale="en" src="/api/auth/funnel.fulfilment.json"></kpi-test-element>`,
      );
      await untilState(a, 'ready');
      const b = document.createElement('kpi-test-element');
      b.fetcher = withToken('own');
      b.src = '/api/auth/funnel.leads.json';
      document.body.append(b);
      await untilState(b, 'ready');
      b.remove();
      expect(seen).to.deep.equal(['kit', 'own']);
    } finally {
      KpiElement.fetcher = undefined;
    }
    const denied = await fixture<KpiTestElement>(
      html`<kpi-test-element locale="en" src="/api/auth/funnel.fulfilment.pt-BR.json"></kpi-test-element>`,
    );
    await untilState(denied, 'error');
  });

  it('reports a body that is not JSON', async () => {
    const el = await fixture<KpiTestElement>(html`<kpi-test-element locale="en" src="/api/text"></kpi-test-element>`);
    await untilState(el, 'error');
    expect(status(el)!.textContent).to.contain('the response is not valid JSON');
  });

  it('reports a valid response of the wrong kind by path', async () => {
    const el = await fixture<KpiTestElement>(
      html`<kpi-test-element src="/fixtures/cohort.monthly-customers.json"></kpi-test-element>`,
    );
    await untilState(el, 'error');
    expect(el.issues[0]!.pathText).to.equal('kind');
  });

  it('aborts the request when removed, and reloads when put back', async () => {
    const signals: AbortSignal[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      return realFetch(input, init);
    };
    try {
      const el = await fixture<KpiTestElement>(
        html`<kpi-test-element src="/api/slow/800/funnel.fulfilment.json"></kpi-test-element>`,
      );
      const parent = el.parentElement!;
      expect(signals.length).to.equal(1);
      el.remove();
      expect(signals[0]!.aborted).to.equal(true);
      parent.append(el);
      await untilState(el, 'ready');
      expect(signals.length).to.equal(2);
    } finally {
      window.fetch = realFetch;
    }
  });
});

/** Timeouts, refreshes and races, driven by a fake clock and held answers: exact, with no waiting on the wall clock. */
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
