import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fontPx } from './size-controller.js';

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
 *
 * The first render draws `initialRows` (a screenful of the default height plus the
 * overscan); a ResizeObserver on the scroller (`selector` in the host's shadow root)
 * then measures the real height once it is laid out, a frame later, and draws more
 * only if the box is taller. Work stays proportional to what is on screen.
 */
export class RowWindow implements ReactiveController {
  start = 0;
  end: number;
  /** The row height in px: `rowEm` times the host's font size. */
  rowHeight: number;
  /**
   * Set by a host that windows its columns too: measures them at the same moments as the rows
   * (scroll, resize, {@link measure}) and returns true when they moved, so one render serves both.
   */
  measureColumns?: (el: HTMLElement) => boolean;
  #frame?: number;
  #observer?: ResizeObserver;
  #observed?: Element;
  readonly #host: ReactiveControllerHost & Element & { readonly renderRoot: ParentNode };
  readonly #overscan: number;

  constructor(
    host: ReactiveControllerHost & Element & { readonly renderRoot: ParentNode },
    readonly rowEm: number,
    overscan: number,
    initialRows: number,
    readonly selector = '.scroller',
  ) {
    this.#host = host;
    this.#overscan = overscan;
    this.end = initialRows;
    this.rowHeight = rowEm * 14;
    host.addController(this);
  }

  /** After a render: watch the scroller's size (a new one when the table was drawn anew). */
  hostUpdated(): void {
    const el = this.#host.renderRoot.querySelector(this.selector);
    if (!el || el === this.#observed) return;
    this.#observer ??= new ResizeObserver(() => this.#observed && this.#schedule(this.#observed as HTMLElement));
    if (this.#observed) this.#observer.unobserve(this.#observed);
    this.#observer.observe(el);
    this.#observed = el;
  }

  hostConnected(): void {
    this.#fit();
  }

  /** Reads the host's font size; true when the row height changed. */
  #fit(): boolean {
    const px = fontPx(this.#host);
    const h = px > 0 ? this.rowEm * px : this.rowHeight;
    if (h === this.rowHeight) return false;
    this.rowHeight = h;
    return true;
  }

  /** A `@scroll` handler for the scrolling element. */
  readonly onScroll = (event: Event): void => this.#schedule(event.currentTarget as HTMLElement);

  /** Measures `el` on the next animation frame (once, however many scroll or resize events come first). */
  #schedule(el: HTMLElement): void {
    if (this.#frame !== undefined) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = undefined;
      this.measure(el);
    });
  }

  /**
   * Recomputes the window from the element's scroll position; re-renders the host when it moved or must grow (a window
   * that could shrink at its end stays).
   */
  measure(el: HTMLElement): void {
    const resized = this.#fit();
    const first = Math.floor(el.scrollTop / this.rowHeight);
    const start = Math.max(0, first - this.#overscan);
    const end = first + Math.ceil((el.clientHeight || 600) / this.rowHeight) + this.#overscan;
    const columns = this.measureColumns?.(el) ?? false;
    if (resized || columns || start !== this.start || end > this.end) {
      this.start = start;
      this.end = end;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#observer?.disconnect();
    this.#observed = undefined;
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
export function keepingFocus(
  root: HTMLElement | DocumentFragment,
  selector: string,
  target: () => HTMLElement | null,
  render: () => void,
): void {
  const had = (root as ShadowRoot).activeElement?.matches(selector);
  render();
  if (!had) return;
  const active = (root as ShadowRoot).activeElement as HTMLElement | null;
  const el = target();
  // (Focus handlers that throw report their error; focus() and blur() themselves never throw.)
  moving = root;
  if (!el) active?.blur();
  else if (el !== active) el.focus({ preventScroll: true });
  moving = null;
}

let moving: object | null = null;

/**
 * True while {@link keepingFocus} moves the focus in `root`: a render putting it back on the same
 * item, not the user. Focus handlers that set state skip it, so a render never schedules another.
 */
export const refocusing = (root: object): boolean => moving === root;

/**
 * The columns to draw of `count` columns `width` px wide, scrolled `scroll` px past the sticky
 * ones, in `view` px of visible width: those in view plus `overscan` either side. Null when the
 * sizes are not known yet (not laid out).
 */
export function columnWindow(
  scroll: number,
  view: number,
  width: number,
  count: number,
  overscan: number,
): { start: number; end: number } | null {
  if (!(width > 0) || !(view > 0) || !Number.isFinite(scroll)) return null;
  const first = Math.min(count, Math.floor(Math.max(0, scroll) / width));
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + Math.ceil(view / width) + 1 + overscan) };
}

/**
 * The columns in view of a wide table whose columns are windowed like {@link RowWindow}'s rows (its
 * host measures it from RowWindow's `measureColumns`, so one render serves both): `start` and `end`
 * (end excluded), and `width`, a column's width in px (an estimate until the host measures one).
 */
export class ColumnWindow {
  start = 0;
  constructor(
    public end: number,
    public width: number,
    readonly overscan: number,
  ) {}

  /**
   * From the scroller `el` with `count` columns, a drawn column `measured` px wide (0: none yet) and
   * `sticky` px of sticky columns on the left: true when the window moved or must grow, or the width changed.
   */
  measure(
    el: Pick<HTMLElement, 'scrollLeft' | 'clientWidth'>,
    count: number,
    measured: number,
    sticky: number,
  ): boolean {
    // offsetWidth is a whole number of px, as is the first guess.
    const resized = measured > 0 && measured !== this.width;
    if (resized) this.width = measured;
    const w = columnWindow(el.scrollLeft, el.clientWidth - sticky, this.width, count, this.overscan);
    if (!w || (!resized && w.start === this.start && w.end <= this.end)) return resized;
    ({ start: this.start, end: this.end } = w);
    return true;
  }
}

/**
 * The scroll position that brings the span [`pos`, `pos + size`) into a view `view` long now
 * scrolled to `scroll`, moving as little as possible (unchanged when it is in view).
 */
export function revealSpan(pos: number, size: number, scroll: number, view: number): number {
  if (pos < scroll) return pos;
  if (pos + size > scroll + view) return pos + size - view;
  return scroll;
}
