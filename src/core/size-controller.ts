import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** An element's computed font size in px (0 when it has none yet). */
export const fontPx = (el: Element): number => parseFloat(getComputedStyle(el).fontSize) || 0;

/**
 * Tracks the host's content-box size with one ResizeObserver, rounding to whole
 * pixels, and the host's font size (a reader's larger text makes the host grow,
 * which the observer sees), re-rendering only when one of them changes. The re-render is
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

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
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
      if (w === this.width && h === this.height && font === this.font) return;
      this.width = w;
      this.height = h;
      this.font = font;
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
