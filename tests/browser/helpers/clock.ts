import { KpiElement } from '../../../src/core/kpi-element.js';
import type { Clock } from '../../../src/core/loader.js';

/**
 * A clock whose time moves only when a test says so: `tick(ms)` runs the timers that fall due,
 * in order. Installed as every widget's clock (`KpiElement.clock`) by {@link useFakeClock}.
 */
export class FakeClock implements Clock {
  time = Date.UTC(2026, 10, 30, 12);
  #timers = new Map<number, { at: number; run: () => void }>();
  #next = 1;

  now(): number {
    return this.time;
  }
  setTimeout(run: () => void, ms: number): number {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + ms, run });
    return id;
  }
  clearTimeout(id: unknown): void {
    this.#timers.delete(id as number);
  }
  /** Timers waiting to run. */
  get pending(): number {
    return this.#timers.size;
  }
  /** Moves time on by `ms`, running each timer that falls due at its own time. */
  tick(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; run: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }
}

/** Installs a fresh FakeClock as every widget's clock for the current mocha suite. */
export function useFakeClock(): { readonly clock: FakeClock } {
  const holder = { clock: new FakeClock() };
  let saved: Clock;
  beforeEach(() => {
    saved = KpiElement.clock;
    holder.clock = new FakeClock();
    KpiElement.clock = holder.clock;
  });
  afterEach(() => {
    KpiElement.clock = saved;
  });
  return holder;
}

/**
 * A `window.fetch` stand-in whose answers the test releases one by one. Like the real fetch it
 * rejects when its signal aborts, unless `ignoreAbort` (a server answer already on its way).
 */
export class HeldFetch {
  readonly requests: {
    url: string;
    signal: AbortSignal | undefined;
    answer: (status: number, body: string) => void;
  }[] = [];
  ignoreAbort = false;
  #real = window.fetch;

  install(): void {
    this.#real = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const signal = init?.signal ?? undefined;
        if (!this.ignoreAbort)
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        this.requests.push({
          url: String(input),
          signal,
          answer: (status, body) =>
            resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } })),
        });
      })) as typeof window.fetch;
  }
  uninstall(): void {
    window.fetch = this.#real;
  }
}

/** A fresh HeldFetch installed for each test of the current mocha suite. */
export function useHeldFetch(): { readonly net: HeldFetch } {
  const holder = { net: new HeldFetch() };
  beforeEach(() => {
    holder.net = new HeldFetch();
    holder.net.install();
  });
  afterEach(() => holder.net.uninstall());
  return holder;
}

/** Lets every promise callback that is already queued run (one macrotask turn; not a wait for time). */
export const settle = () =>
  new Promise<void>((r) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => r();
    c.port2.postMessage(null);
  });
