import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Which rows of a long, fixed-height list are in view (plus an overscan), so a
 * table can render only those and keep its semantics with aria-rowcount and
 * aria-rowindex. Scroll events are folded into one update per animation frame;
 * the pending frame is cancelled when the host disconnects.
 */
export class RowWindow implements ReactiveController {
  start = 0;
  end: number;
  #frame?: number;
  readonly #host: ReactiveControllerHost;
  readonly #overscan: number;

  constructor(host: ReactiveControllerHost, readonly rowHeight: number, overscan: number, initialRows = 60) {
    this.#host = host;
    this.#overscan = overscan;
    this.end = initialRows;
    host.addController(this);
  }

  /** A `@scroll` handler for the scrolling element. */
  readonly onScroll = (event: Event): void => {
    const el = event.currentTarget as HTMLElement;
    if (this.#frame !== undefined) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = undefined;
      this.measure(el);
    });
  };

  /** Recomputes the window from the element's scroll position; re-renders the host when it moved. */
  measure(el: HTMLElement): void {
    const first = Math.floor(el.scrollTop / this.rowHeight);
    const start = Math.max(0, first - this.#overscan);
    const end = first + Math.ceil((el.clientHeight || 600) / this.rowHeight) + this.#overscan;
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }
}

/**
 * Runs a render of windowed rows without losing keyboard focus. The rows in view
 * are plain positional templates, recycled like the fixed row pool of a virtual
 * list: after a scroll, the element that had focus may show another item, or be
 * replaced. So when an element matching `selector` had focus before the render,
 * focus goes to `target()` (the element now showing the focused item), or, when
 * that item is no longer rendered, leaves the rows: Enter never acts on a row the
 * user did not pick.
 */
export function keepingFocus(root: HTMLElement | DocumentFragment, selector: string, target: () => HTMLElement | null, render: () => void): void {
  const had = (root as ShadowRoot).activeElement?.matches(selector);
  render();
  if (!had) return;
  const active = (root as ShadowRoot).activeElement as HTMLElement | null;
  const el = target();
  if (!el) active?.blur();
  else if (el !== active) el.focus({ preventScroll: true });
}
