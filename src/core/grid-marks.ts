/**
 * A data grid's marks, as a controller: the row and column under the pointer or of the focused cell, drawn by a
 * constructed style sheet that is replaced as they move (no render), and the cell's tooltip, which the host draws from
 * `tip` (a render when it changes). Leaving the grid, or the focus leaving the widget, clears both; `closeTip` is
 * Escape's. Cells are `td[data-r][data-c]`, headers `th[data-c]`; the tooltip is placed in the `.gridbox`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { tipPlacement } from '../layout/tip.js';
import { refocusing } from './row-window.js';

/** Where the tooltip is: its cell, and its offset in the grid's box. */
export interface CellTip {
  r: number;
  c: number;
  x: number;
  y: number;
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class GridMarks implements ReactiveController {
  /** The marks' rules; the host adopts the sheet into its shadow root. */
  readonly sheet = new CSSStyleSheet();
  /** The tooltip's cell and place, or null. */
  tip: CellTip | null = null;

  /**
   * `rules(r, c)` are the style rules marking row `r` and column `c` (null: none); `onFocusCell` hears the cell the
   * focus moved to (the host's tab stop).
   */
  constructor(
    private readonly host: Host,
    private readonly rules: (r: number | null, c: number | null) => string,
    private readonly onFocusCell: (r: number, c: number) => void,
    private readonly tipWidth = 240,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Marks row `r` and column `c` and shows the tooltip of the cell (when it is one). */
  mark(r: number | null, c: number | null, cell?: HTMLElement): void {
    this.sheet.replaceSync(this.rules(r, c));
    if (r === null || c === null || !cell || cell.tagName !== 'TD') return;
    const box = this.host.renderRoot.querySelector('.gridbox') as HTMLElement | null;
    if (!box) return;
    const { x, above, offset } = tipPlacement(cell.getBoundingClientRect(), box.getBoundingClientRect(), this.tipWidth);
    this.tip = { r, c, x, y: above ? -offset : offset };
    this.host.requestUpdate();
  }

  /** No marks, no tooltip. */
  clear(): void {
    this.sheet.replaceSync(this.rules(null, null));
    this.closeTip();
  }

  /** Closes the tooltip; false when none was open (Escape then belongs to the page). */
  closeTip(): boolean {
    if (!this.tip) return false;
    this.tip = null;
    this.host.requestUpdate();
    return true;
  }

  readonly onPointer = (event: Event): void => {
    const cell = (event.target as Element).closest?.('td[data-c], th[data-c]') as HTMLElement | null;
    if (cell)
      this.mark(cell.dataset['r'] !== undefined ? Number(cell.dataset['r']) : null, Number(cell.dataset['c']), cell);
  };

  readonly onLeave = (): void => {
    if (!this.host.renderRoot.querySelector('td[data-c]:focus')) this.clear();
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    const cell = event.target as HTMLElement;
    // A render putting the focus back on the active cell (rows recycled): nothing changed for the user.
    if (cell.tagName !== 'TD' || cell.dataset['c'] === undefined || refocusing(this.host.renderRoot)) return;
    const [r, c] = [Number(cell.dataset['r']), Number(cell.dataset['c'])];
    this.onFocusCell(r, c);
    this.mark(r, c, cell);
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    const root = this.host.renderRoot;
    if (!refocusing(root) && (!next || !root.contains(next))) this.clear();
  };
}
