import { expect, waitUntil } from '@open-wc/testing';
import '../../components/index.js';
import { KPI_KINDS, type KpiKind } from '../../src/index.js';
import { byKind, otherKindFixture } from '../../src/registry.js';
import { loadFixture, untilState } from '../browser/helpers/util.js';
import { HeldFetch, settle, useFakeClock } from '../browser/helpers/clock.js';

const TAGS = byKind((w) => w.tag);
const FIXTURE = byKind((w) => w.fixtures[0]);
/** A valid document of another kind, for the "wrong kind" case. */
const OTHER = byKind((w) => otherKindFixture(w.kind));

type El = HTMLElement & { updateComplete: Promise<boolean>; issues: { pathText: string; message: string }[] };

function mount(kind: KpiKind, attrs: Record<string, string>): El {
  const el = document.createElement(TAGS[kind]) as El;
  el.setAttribute('locale', 'en-US');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}
/** The text of the widget's status panels (error, stale notice). */
const alertOrStatus = (el: El) =>
  [...el.shadowRoot!.querySelectorAll('[part~="status"]')].map((n) => n.textContent).join(' ');
const alertText = (el: El) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
const title = (el: El) => el.shadowRoot!.querySelector('[part~="title"]')?.textContent ?? '';

describe('flaky backends, for every widget', function () {
  // Timeouts and refreshes run on a fake clock: exact, with no waiting on the wall clock.
  const t = useFakeClock();
  this.timeout(30000);
  for (const kind of KPI_KINDS) {
    describe(kind, () => {
      it('HTTP 500: error with the status', async () => {
        const el = mount(kind, { src: '/api/status/500' });
        await untilState(el, 'error');
        expect(alertText(el)).to.contain('HTTP 500');
        el.remove();
      });
      it('timeout: error that says so', async () => {
        const el = mount(kind, { src: `/api/slow/3000/${FIXTURE[kind]}`, timeout: '0.2' });
        await el.updateComplete;
        t.clock.tick(200);
        await untilState(el, 'error');
        expect(alertText(el)).to.contain('no answer within 0.2 s');
        el.remove();
      });
      it('invalid JSON', async () => {
        const el = mount(kind, { src: '/api/text' });
        await untilState(el, 'error');
        expect(alertText(el)).to.contain('not valid JSON');
        el.remove();
      });
      it('a valid document of the wrong kind: error at "kind"', async () => {
        const el = mount(kind, { src: `/fixtures/${OTHER[kind]}` });
        await untilState(el, 'error');
        expect(el.issues[0]!.pathText).to.equal('kind');
        el.remove();
      });
      it('a slow response overtaken by a newer src never lands', async () => {
        const [mine, other] = [await loadFixture(FIXTURE[kind]), await loadFixture(OTHER[kind])];
        const net = new HeldFetch();
        net.ignoreAbort = true;
        net.install();
        try {
          const el = mount(kind, { src: `/api/slow/${OTHER[kind]}` });
          await el.updateComplete;
          el.setAttribute('src', `/fixtures/${FIXTURE[kind]}`);
          await el.updateComplete;
          const [old, current] = net.requests;
          current!.answer(200, JSON.stringify(mine));
          await untilState(el, 'ready');
          old!.answer(200, JSON.stringify(other));
          await settle();
          await el.updateComplete;
          expect(el.getAttribute('state')).to.equal('ready');
          expect(el.issues).to.deep.equal([]);
          el.remove();
        } finally {
          net.uninstall();
        }
      });
      it('a refresh that fails after a success keeps the data, marked stale', async () => {
        const key = `${kind}-${Date.now()}`;
        const el = mount(kind, { src: `/api/sequence/${key}/${FIXTURE[kind]},500`, refresh: '1' });
        await untilState(el, 'ready');
        const shown = title(el);
        t.clock.tick(1000);
        await waitUntil(() => alertOrStatus(el).includes('HTTP 500'), 'no stale notice');
        expect(el.getAttribute('state')).to.equal('ready');
        expect(title(el)).to.equal(shown);
        el.remove();
      });
      it('no request keeps running after the element is removed, and no refresh comes', async () => {
        const signals: AbortSignal[] = [];
        const real = window.fetch;
        window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
          if (init?.signal) signals.push(init.signal);
          return real(input, init);
        };
        try {
          const el = mount(kind, { src: `/api/slow/2000/${FIXTURE[kind]}`, refresh: '1' });
          await el.updateComplete;
          el.remove();
          expect(signals.length).to.equal(1);
          expect(signals[0]!.aborted).to.equal(true);
          expect(t.clock.pending, 'timers left').to.equal(0);
          t.clock.tick(60_000);
          expect(signals.length, 'no refresh after removal').to.equal(1);
        } finally {
          window.fetch = real;
        }
      });
    });
  }
});
