import { expect } from '@open-wc/testing';
import '../../components/index.js';
import { KPI_KINDS } from '../../src/index.js';
import { byKind } from '../../src/registry.js';
import { loadFixture } from '../browser/helpers/util.js';

const TAGS = byKind((w) => w.tag);
const FIXTURE = byKind((w) => w.fixtures[0]);
const MOUNTS = 1000;
const REASSIGNS = 1000;
const SRC_MOUNTS = 50;
const LOADED_MOUNTS = 20;

/** Live resources, counted by wrapping the browser APIs that create and release them. */
class Counters {
  observers = 0;
  mutationObservers = 0;
  timers = new Set<number>();
  frames = new Set<number>();
  listeners = 0;
  fetches = 0;
  private restore: (() => void)[] = [];

  install(): void {
    // The wrapped APIs below are functions with their own `this`, so the counters are captured here.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const RO = window.ResizeObserver;
    window.ResizeObserver = class extends RO {
      private live = false;
      override observe(t: Element, o?: ResizeObserverOptions) {
        if (!this.live) {
          this.live = true;
          self.observers++;
        }
        super.observe(t, o);
      }
      override disconnect() {
        if (this.live) {
          this.live = false;
          self.observers--;
        }
        super.disconnect();
      }
    };
    const MO = window.MutationObserver;
    window.MutationObserver = class extends MO {
      private live = false;
      override observe(t: Node, o?: MutationObserverInit) {
        if (!this.live) {
          this.live = true;
          self.mutationObservers++;
        }
        super.observe(t, o);
      }
      override disconnect() {
        if (this.live) {
          this.live = false;
          self.mutationObservers--;
        }
        super.disconnect();
      }
    };
    const st = window.setTimeout,
      ct = window.clearTimeout,
      raf = window.requestAnimationFrame,
      caf = window.cancelAnimationFrame,
      f = window.fetch;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...a: unknown[]) => {
      const id: number = st(() => {
        self.timers.delete(id);
        if (typeof fn === 'function') fn(...a);
      }, ms);
      self.timers.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) self.timers.delete(id);
      ct(id);
    }) as typeof window.clearTimeout;
    window.requestAnimationFrame = (cb: FrameRequestCallback) => {
      const id: number = raf((t) => {
        self.frames.delete(id);
        cb(t);
      });
      self.frames.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id: number) => {
      self.frames.delete(id);
      caf(id);
    };
    window.fetch = (...args: Parameters<typeof fetch>) => {
      self.fetches++;
      return f(...args).finally(() => {
        self.fetches--;
      });
    };
    const targets: (Window | Document)[] = [window, document];
    for (const t of targets) {
      const add = t.addEventListener,
        remove = t.removeEventListener;
      const seen = new WeakMap<object, Set<string>>();
      t.addEventListener = function (
        type: string,
        l: EventListenerOrEventListenerObject | null,
        o?: boolean | AddEventListenerOptions,
      ) {
        if (l) {
          const s = seen.get(l) ?? new Set();
          if (!s.has(type)) {
            s.add(type);
            self.listeners++;
          }
          seen.set(l, s);
        }
        if (l) add.call(this, type, l, o);
      };
      t.removeEventListener = function (
        type: string,
        l: EventListenerOrEventListenerObject | null,
        o?: boolean | EventListenerOptions,
      ) {
        const s = l ? seen.get(l) : undefined;
        if (s?.delete(type)) self.listeners--;
        if (l) remove.call(this, type, l, o);
      };
      this.restore.push(() => {
        t.addEventListener = add;
        t.removeEventListener = remove;
      });
    }
    this.restore.push(() => {
      window.ResizeObserver = RO;
      window.MutationObserver = MO;
      window.setTimeout = st;
      window.clearTimeout = ct;
      window.requestAnimationFrame = raf;
      window.cancelAnimationFrame = caf;
      window.fetch = f;
    });
  }

  uninstall(): void {
    for (const r of this.restore.reverse()) r();
  }

  snapshot() {
    return {
      observers: this.observers,
      mutationObservers: this.mutationObservers,
      timers: this.timers.size,
      frames: this.frames.size,
      listeners: this.listeners,
      fetches: this.fetches,
    };
  }
}

/**
 * Waits for state="ready" by animation frames (open-wc's waitUntil would leave its own timeout timer behind, counted
 * here).
 */
const untilReady = (el: Element) =>
  new Promise<void>((resolve, reject) => {
    let frames = 0;
    const check = () => {
      if (el.getAttribute('state') === 'ready') resolve();
      else if (++frames > 600) reject(new Error(`state never became ready (is ${el.getAttribute('state')})`));
      else requestAnimationFrame(check);
    };
    check();
  });

const gc = (window as unknown as { gc?: () => void }).gc;
const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
const settle = async () => {
  await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  await new Promise((r) => setTimeout(r, 20));
};

describe('no leaks across mounts, re-assignments and aborted loads', function () {
  this.timeout(240000);
  for (const kind of KPI_KINDS) {
    const title = `${MOUNTS} mounts, ${LOADED_MOUNTS} refreshed, ${REASSIGNS} new data, ${SRC_MOUNTS} aborted loads`;
    it(`${kind}: ${title}`, async () => {
      const doc = await loadFixture(FIXTURE[kind]);
      const host = document.createElement('div');
      host.style.width = '800px';
      document.body.append(host);
      const counters = new Counters();
      counters.install();
      try {
        // Warm up once so lazily created shared things (styles, Intl formatters) are not counted as growth.
        const warm = document.createElement(TAGS[kind]) as HTMLElement & {
          data: unknown;
          updateComplete: Promise<boolean>;
        };
        warm.data = doc;
        host.append(warm);
        await warm.updateComplete;
        warm.remove();
        await settle();
        gc?.();
        const before = counters.snapshot();
        const heapBefore = heap();

        for (let i = 0; i < MOUNTS; i++) {
          const el = document.createElement(TAGS[kind]) as HTMLElement & {
            data: unknown;
            updateComplete: Promise<boolean>;
          };
          el.data = doc;
          host.append(el);
          await el.updateComplete;
          el.remove();
        }
        // Loaded from `src` with a refresh: each holds a live refresh timer while connected, none after.
        for (let i = 0; i < LOADED_MOUNTS; i++) {
          const el = document.createElement(TAGS[kind]);
          el.setAttribute('refresh', '60');
          el.setAttribute('src', `/fixtures/${FIXTURE[kind]}`);
          host.append(el);
          await untilReady(el);
          expect(counters.timers.size, 'a refresh timer while connected').to.be.greaterThan(before.timers);
          el.remove();
        }
        const el = document.createElement(TAGS[kind]) as HTMLElement & {
          data: unknown;
          updateComplete: Promise<boolean>;
        };
        host.append(el);
        for (let i = 0; i < REASSIGNS; i++) {
          el.data = structuredClone(doc);
          await el.updateComplete;
        }
        el.remove();
        for (let i = 0; i < SRC_MOUNTS; i++) {
          const loading = document.createElement(TAGS[kind]);
          loading.setAttribute('src', `/api/slow/400/${FIXTURE[kind]}`);
          loading.setAttribute('refresh', '5');
          host.append(loading);
          await (loading as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
          loading.remove();
        }
        await settle();
        gc?.();
        await settle();
        gc?.();
        const after = counters.snapshot();
        expect(after, 'live resources after everything was removed').to.deep.equal(before);
        const heapAfter = heap();
        if (heapBefore !== undefined && heapAfter !== undefined && gc) {
          expect(heapAfter - heapBefore, `heap grew by ${((heapAfter - heapBefore) / 1e6).toFixed(2)} MB`).to.be.below(
            5e6,
          );
        }
      } finally {
        counters.uninstall();
        host.remove();
      }
    });
  }
});
