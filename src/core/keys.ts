/**
 * Keyboard navigation for the widgets' lists and grids, as pure functions (the
 * components only read the key and move focus). Follows the WAI-ARIA patterns:
 * https://www.w3.org/WAI/ARIA/apg/patterns/grid/ and the listbox/toolbar style
 * for one-dimensional lists.
 */

/** Enter and Space pick the focused item. */
export const isPick = (key: string): boolean => key === 'Enter' || key === ' ';

/**
 * The index a key moves to in a list of `count` items, or null when the key is
 * not a navigation key. `page` is how far PageUp/PageDown jump (0: they do not).
 * Arrow Down/Right go forward and Up/Left back, so the same list works laid out
 * in a row or a column; with `vertical`, Left/Right are left alone (a wide table
 * scrolls sideways with them).
 */
export function listKey(key: string, index: number, count: number, page = 0, vertical = false): number | null {
  const last = count - 1;
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = index + 1;
      break;
    case 'ArrowUp':
      next = index - 1;
      break;
    case 'ArrowRight':
      if (vertical) return null;
      next = index + 1;
      break;
    case 'ArrowLeft':
      if (vertical) return null;
      next = index - 1;
      break;
    case 'PageDown':
      if (!page) return null;
      next = index + page;
      break;
    case 'PageUp':
      if (!page) return null;
      next = index - page;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = last;
      break;
    default:
      return null;
  }
  return Math.max(0, Math.min(last, next));
}

/** The rows and columns of a grid; rows start at `firstRow` (e.g. -1 for a summary row above row 0). */
export interface GridSize {
  rows: number;
  cols: number;
  firstRow?: number;
  page?: number;
}

/**
 * The cell a key moves to in a grid, or null when the key is not a navigation key:
 * arrows by one cell, Home/End to the row's ends (with Ctrl: the grid's first or
 * last cell), PageUp/PageDown by `page` rows.
 */
export function gridKey(
  key: string,
  ctrl: boolean,
  r: number,
  c: number,
  size: GridSize,
): { r: number; c: number } | null {
  const first = size.firstRow ?? 0;
  const lastRow = first + size.rows - 1;
  const lastCol = size.cols - 1;
  const page = size.page ?? 0;
  switch (key) {
    case 'ArrowRight':
      c++;
      break;
    case 'ArrowLeft':
      c--;
      break;
    case 'ArrowDown':
      r++;
      break;
    case 'ArrowUp':
      r--;
      break;
    case 'PageDown':
      if (!page) return null;
      r += page;
      break;
    case 'PageUp':
      if (!page) return null;
      r -= page;
      break;
    case 'Home':
      c = 0;
      if (ctrl) r = first;
      break;
    case 'End':
      c = lastCol;
      if (ctrl) r = lastRow;
      break;
    default:
      return null;
  }
  return { r: Math.max(first, Math.min(lastRow, r)), c: Math.max(0, Math.min(lastCol, c)) };
}

/** The key that holds a list's one tab stop: `current` while it is among `keys`, else the first. */
export function tabStop(keys: readonly string[], current: string): string {
  return keys.includes(current) ? current : (keys[0] ?? '');
}

/**
 * A list's roving tab stop (one Tab stop for the whole list): on a navigation key in the list
 * (arrows, Home, End; with `vertical`, Up and Down only), focuses the next item matching `selector`
 * inside `root` and passes its `data-key` to `set`, which stores where the stop now is.
 */
export function moveTabStop(
  event: KeyboardEvent,
  root: ParentNode,
  selector: string,
  set: (key: string) => void,
  vertical = false,
): void {
  const items = [...root.querySelectorAll<HTMLElement>(selector)];
  const i = items.indexOf(event.target as HTMLElement);
  const next = i < 0 ? undefined : items[listKey(event.key, i, items.length, 0, vertical) ?? -1];
  if (!next) return;
  event.preventDefault();
  set(next.dataset['key'] ?? '');
  next.focus();
}
