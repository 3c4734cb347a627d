import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveTabStop, tabStop } from './keys.js';

/**
 * One Tab stop per list of items (WAI-ARIA's roving tabindex), for every list of a widget: it remembers the item
 * that last had the focus by its key (`data-key`). In each list that item holds the stop while it is drawn, through
 * data, filter, sort and segment changes; else the list's first item does. Arrows, Home and End move the focus and
 * the stop within the list they are pressed in ({@link keydown}); an item that takes the focus any other way (a click,
 * a screen reader's cursor) takes the stop ({@link focused}). The host renders again when the stop moves.
 */
export class RovingFocus implements ReactiveController {
  /** The key of the item that last had the focus ('' before any). */
  key = '';
  readonly #host: ReactiveControllerHost;
  readonly #handlers = new Map<string, (event: KeyboardEvent) => void>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Which of `keys` (one list's items, as drawn, in order) holds that list's Tab stop. */
  stop(keys: readonly string[]): string {
    return tabStop(keys, this.key);
  }

  /** The item `key` took the focus: it holds the stop from now on. */
  readonly focused = (key: string): void => {
    if (key === this.key) return;
    this.key = key;
    this.#host.requestUpdate();
  };

  /**
   * The keydown handler of a list (the element it is bound on): moves the focus among the list's items matching
   * `selector`; with `vertical`, Up and Down only (a wide table scrolls sideways with Left and Right). One function
   * per selector, so a render binds the same listener again.
   */
  keydown(selector = 'button', vertical = false): (event: KeyboardEvent) => void {
    const id = `${vertical ? '|' : '-'}${selector}`;
    let handler = this.#handlers.get(id);
    if (!handler) {
      handler = (event) => moveTabStop(event, event.currentTarget as HTMLElement, selector, this.focused, vertical);
      this.#handlers.set(id, handler);
    }
    return handler;
  }
}
