import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The timers and time the loader uses: the page's by default, a fake one in tests. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The page's clock. Looks the timer functions up on every call, so wrappers installed later (tests) see them. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** Why a load failed, for the host to put in words. */
export type LoadFailure =
  | { reason: 'timeout'; seconds: number }
  | { reason: 'network'; detail: string }
  | { reason: 'http'; status: number; statusText: string }
  | { reason: 'json' };

/** What the loader needs from the element that owns it. */
export interface LoaderHooks {
  /** The clock for timeouts and refreshes. */
  clock(): Clock;
  /**
   * A parsed JSON body arrived for `url`; `refreshing` when it replaces data loaded from `src` before. Returns true
   * when it was valid.
   */
  loaded(json: unknown, url: string, refreshing: boolean): boolean;
  /** The load of `url` failed. */
  failed(failure: LoadFailure, url: string, refreshing: boolean): void;
  /** True when the data on screen came from `src` (so a new load of the same URL is a refresh). */
  showsLoadedData(): boolean;
}

const DEFAULT_TIMEOUT_SECONDS = 30;
const MIN_REFRESH_SECONDS = 1;

/**
 * Fetches a widget's `src`: one request at a time with an AbortSignal (a new
 * URL or a disconnect aborts the old one, whose answer then never lands), a
 * timeout, and a re-fetch every `refresh` seconds. Timers run on the host's
 * {@link Clock}, so tests drive them exactly. Everything stops when the host
 * disconnects; a load cut short that way runs again when it reconnects.
 */
export class SrcLoader implements ReactiveController {
  /** True while a request is in flight. */
  busy = false;
  /** When the last good load finished (the clock's time). */
  loadedAt?: number;

  #host: ReactiveControllerHost & { readonly isConnected: boolean; readonly fetcher?: typeof fetch | undefined };
  #hooks: LoaderHooks;
  #controller?: AbortController;
  #refreshTimer?: unknown;
  #timeoutTimer?: unknown;
  #pending = false;
  #loadedSrc?: string;
  #src?: string;
  #refresh?: number;
  #timeout = DEFAULT_TIMEOUT_SECONDS;

  constructor(
    host: ReactiveControllerHost & { readonly isConnected: boolean; readonly fetcher?: typeof fetch | undefined },
    hooks: LoaderHooks,
  ) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  /** Sets what to load: a new `src` starts a load (or aborts when empty); `refresh` and `timeout` in seconds. */
  configure(
    src: string | undefined,
    refresh: number | undefined,
    timeout: number | undefined,
    srcChanged: boolean,
  ): void {
    this.#src = src || undefined;
    this.#refresh = refresh;
    this.#timeout = Number(timeout) > 0 ? Number(timeout) : DEFAULT_TIMEOUT_SECONDS;
    if (srcChanged) {
      this.#pending = Boolean(this.#src);
      if (!this.#src) this.abort();
      else if (this.#host.isConnected) void this.load(false);
    } else this.#schedule();
  }

  hostConnected(): void {
    if (this.#src && this.#pending) void this.load(false);
    else this.#schedule();
  }

  hostDisconnected(): void {
    if (this.#controller) {
      this.abort();
      this.#pending = true;
    }
    this.#clear('refresh');
  }

  /** Loads `src` again now: a refresh when the data on screen came from this same URL. */
  reload(): Promise<void> {
    return this.load(this.#loadedSrc === this.#src);
  }

  /** Aborts the request in flight, if any. */
  abort(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    this.busy = false;
    this.#clear('timeout');
  }

  /** Loads `src` now; `isRefresh` when this is a re-fetch of the same data. */
  async load(isRefresh: boolean): Promise<void> {
    const url = this.#src;
    if (!url) return;
    const clock = this.#hooks.clock();
    this.abort();
    this.#clear('refresh');
    this.#pending = false;
    const controller = new AbortController();
    this.#controller = controller;
    this.busy = true;
    this.#host.requestUpdate();
    const seconds = this.#timeout;
    let timedOut = false;
    this.#timeoutTimer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, seconds * 1000);
    const refreshing = this.#hooks.showsLoadedData() && (isRefresh || this.#loadedSrc === url);
    const current = () => controller === this.#controller;
    /** The request itself failed: a timeout, a network error, or (aborted by us) nothing to report. */
    const cut = (error: unknown): LoadFailure | null =>
      timedOut
        ? { reason: 'timeout', seconds }
        : controller.signal.aborted
          ? null
          : { reason: 'network', detail: (error as Error)?.message ?? '' };
    try {
      let response: Response;
      let text: string;
      try {
        // The element's own fetcher (headers such as a bearer token, credentials), else its class's (kit-wide), else
        // the page's fetch.
        response = await (
          this.#host.fetcher ??
          (this.#host.constructor as { fetcher?: typeof fetch }).fetcher ??
          fetch
        )(url, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
          // A refresh must see new data, not the HTTP cache's copy.
          cache: refreshing ? 'no-cache' : 'default',
        });
        if (!response.ok)
          throw { reason: 'http', status: response.status, statusText: response.statusText } satisfies LoadFailure;
        text = await response.text();
      } catch (error) {
        throw (error as LoadFailure)?.reason === 'http' ? error : cut(error);
      }
      if (!current()) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw { reason: 'json' } satisfies LoadFailure;
      }
      if (this.#hooks.loaded(json, url, refreshing)) {
        this.loadedAt = clock.now();
        this.#loadedSrc = url;
      }
    } catch (failure) {
      if (failure && current()) this.#hooks.failed(failure as LoadFailure, url, refreshing);
    } finally {
      if (current()) {
        this.#clear('timeout');
        this.#controller = undefined;
        this.busy = false;
        this.#host.requestUpdate();
        this.#schedule();
      }
    }
  }

  #schedule(): void {
    this.#clear('refresh');
    const seconds = Number(this.#refresh);
    if (!this.#src || !this.#host.isConnected || !(seconds > 0) || this.#controller) return;
    this.#refreshTimer = this.#hooks.clock().setTimeout(
      () => {
        this.#refreshTimer = undefined;
        void this.load(true);
      },
      Math.max(MIN_REFRESH_SECONDS, seconds) * 1000,
    );
  }

  #clear(which: 'refresh' | 'timeout'): void {
    const id = which === 'refresh' ? this.#refreshTimer : this.#timeoutTimer;
    if (id !== undefined) this.#hooks.clock().clearTimeout(id);
    if (which === 'refresh') this.#refreshTimer = undefined;
    else this.#timeoutTimer = undefined;
  }
}
