import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Which rows of a long, fixed-height list are in view (plus an overscan), so a
 * table can render only those and keep its semantics with aria-rowcount and
 * aria-rowindex. Scroll events are folded into one update per animation frame;
 * the pending frame is cancelled when the host disconnects.
 *
 * The row height is given in em of the host's font size, so rows grow with the
 * reader's font size (200% text): {@link rowHeight} is it in px, read when the
 * host connects and at every measure. The host sets it on its rows (a `--_row`
 * custom property), so the CSS and the arithmetic here always agree.
 */
export class RowWindow implements ReactiveController {
  start = 0;
  end: number;
  /** The row height in px: `rowEm` times the host's font size. */
  rowHeight: number;
  #frame?: number;
  readonly #host: ReactiveControllerHost & Element;
  readonly #overscan: number;

  constructor(host: ReactiveControllerHost & Element, readonly rowEm: number, overscan: number, initialRows = 60) {
    this.#host = host;
    this.#overscan = overscan;
    this.end = initialRows;
    this.rowHeight = rowEm * 14;
    host.addController(this);
  }

  hostConnected(): void {
    this.#fit();
  }

  /** Reads the host's font size; true when the row height changed. */
  #fit(): boolean {
    const px = parseFloat(getComputedStyle(this.#host).fontSize);
    const h = px > 0 ? this.rowEm * px : this.rowHeight;
    if (h === this.rowHeight) return false;
    this.rowHeight = h;
    return true;
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
    const resized = this.#fit();
    const first = Math.floor(el.scrollTop / this.rowHeight);
    const start = Math.max(0, first - this.#overscan);
    const end = first + Math.ceil((el.clientHeight || 600) / this.rowHeight) + this.#overscan;
    if (resized || start !== this.start || end !== this.end) {
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
