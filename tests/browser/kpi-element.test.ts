// KpiElement, the base of every widget, through a test-only widget: its states, the data attribute and src (fetch,
// errors, refresh). Timing on a fake clock, locale and theme, events and what it leaves behind:
// kpi-element-life.test.ts.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './helpers/test-element.js';
import type { KpiTestElement } from './helpers/test-element.js';
import { chart, status } from './helpers/test-element-parts.js';
import { clone, loadFixture, shadowText, untilState } from './helpers/util.js';
import { KpiElement } from '../../src/core/kpi-element.js';
import type { KpiErrorEvent } from '../../src/core/events.js';
import type { FunnelDoc } from '../../src/index.js';

let funnel: FunnelDoc;
before(async () => {
  funnel = await loadFixture<FunnelDoc>('funnel.fulfilment.json');
});

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
