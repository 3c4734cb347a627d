import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A tooltip that the pointer or keyboard focus opens: what it shows (`value`, null when closed), for the widget to
 * draw. The pointer leaving closes it unless keyboard focus holds it open, and then it goes back to what the keyboard
 * showed; Escape closes it and goes no further (a dialog around the widget stays open), and is left to the page when
 * no tooltip was open. The funnel and the forecast
 * use it; the grids' tooltips come with their marks (GridMarks).
 */
export class TooltipController<T> implements ReactiveController {
  value: T | null = null;
  /** What the keyboard showed last (the pointer leaving goes back to it while focus holds the tooltip). */
  #held: T | null = null;

  /** `holds()`: whether keyboard focus is on what the tooltip is of (the pointer leaving then keeps it open). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly holds: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Shows `value`, from the keyboard or focus (the same value again draws nothing new). */
  show(value: T): void {
    this.#held = value;
    this.point(value);
  }

  /** Shows `value` under the pointer (the same value again draws nothing new: a pointer moving within one period). */
  point(value: T): void {
    if (Object.is(this.value, value)) return;
    this.value = value;
    this.host.requestUpdate();
  }

  /** Closes the tooltip; false when none was open. */
  close(): boolean {
    this.#held = null;
    if (this.value === null) return false;
    this.value = null;
    this.host.requestUpdate();
    return true;
  }

  /** The pointer left: back to what the keyboard showed while focus holds the tooltip, else closed. */
  leave(): void {
    if (this.holds() && this.#held !== null) this.point(this.#held);
    else this.close();
  }

  /** Escape: closes the tooltip and stops the key there; false (the key left alone) for another key or none open. */
  escape(event: KeyboardEvent): boolean {
    if (event.key !== 'Escape' || !this.close()) return false;
    event.stopPropagation();
    return true;
  }
}
