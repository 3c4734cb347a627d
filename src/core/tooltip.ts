import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A tooltip that the pointer or keyboard focus opens: what it shows (`value`, null when closed), for the widget to
 * draw. The pointer leaving closes it unless keyboard focus holds it open; Escape closes it and goes no further (a
 * dialog around the widget stays open), and is left to the page when no tooltip was open. The funnel and the forecast
 * use it; the grids' tooltips come with their marks (GridMarks).
 */
export class TooltipController<T> implements ReactiveController {
  value: T | null = null;

  /** `holds()`: whether keyboard focus is on what the tooltip is of (the pointer leaving then keeps it open). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly holds: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Shows `value` (the same value again draws nothing new: a pointer moving within one period). */
  show(value: T): void {
    if (Object.is(this.value, value)) return;
    this.value = value;
    this.host.requestUpdate();
  }

  /** Closes the tooltip; false when none was open. */
  close(): boolean {
    if (this.value === null) return false;
    this.value = null;
    this.host.requestUpdate();
    return true;
  }

  /** The pointer left: closes the tooltip unless keyboard focus holds it open. */
  leave(): void {
    if (!this.holds()) this.close();
  }

  /** Escape: closes the tooltip and stops the key there; false (the key left alone) for another key or none open. */
  escape(event: KeyboardEvent): boolean {
    if (event.key !== 'Escape' || !this.close()) return false;
    event.stopPropagation();
    return true;
  }
}
