import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** An element's computed font size in px (0 when it has none yet). */
export const fontPx = (el: Element): number => parseFloat(getComputedStyle(el).fontSize) || 0;

/**
 * Tracks the host's content-box size with one ResizeObserver, rounding to whole
 * pixels, and the host's font size (a reader's larger text makes the host grow,
 * which the observer sees), re-rendering only when what the host reads of them changes: its `watch` (by default
 * the width and the font size; no widget draws by its height, which its own content sets). The re-render is
 * deferred to the next animation frame, so a layout that changes the host's
 * size does not cause a "ResizeObserver loop" error. The observer and any
 * pending frame are released when the host disconnects.
 */
export class SizeController implements ReactiveController {
  width = 0;
  height = 0;
  /** The host's font size in px. */
  font = 14;
  #observer?: ResizeObserver;
  #frame?: number;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #watch: (size: SizeController) => unknown;

  /**
   * `watch` says what the host's render reads of the size (compared with `===`); a change elsewhere (the height its
   * content gave it, a width within the same layout) renders nothing again.
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    watch: (size: SizeController) => unknown = (s) => `${s.width} ${s.font}`,
  ) {
    this.#host = host;
    this.#watch = watch;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const box = entry.contentBoxSize?.[0];
      const w = Math.round(box ? box.inlineSize : entry.contentRect.width);
      const h = Math.round(box ? box.blockSize : entry.contentRect.height);
      const font = fontPx(this.#host) || this.font;
      const before = this.#watch(this);
      this.width = w;
      this.height = h;
      this.font = font;
      if (this.#watch(this) === before) return;
      if (this.#frame === undefined) {
        this.#frame = requestAnimationFrame(() => {
          this.#frame = undefined;
          this.#host.requestUpdate();
        });
      }
    });
    this.#observer.observe(this.#host);
  }

  /** The size of chart tick labels in px: the `.tick` class sets them at 0.8em (src/theme/tokens.ts). */
  get tick(): number {
    return this.font * 0.8;
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }
}
