/** A rectangle in viewport px, as `getBoundingClientRect()` gives it. */
export interface Rect {
  left: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * Where a tooltip goes for a `target` inside a `box`: below the target when the target's middle is
 * in the box's top half, else above it, 4 px away, so it stays inside the card. `offset` is from the
 * box's top edge (below) or from its bottom edge (above); `x` is the target's left edge, moved left
 * when needed so a tooltip `width` px wide stays inside the box (never left of it).
 */
export function tipPlacement(target: Rect, box: Rect, width = 0): { x: number; above: boolean; offset: number } {
  const above = target.top + target.height / 2 - box.top >= box.height / 2;
  return {
    x: Math.max(0, Math.min(target.left - box.left, box.width - width)),
    above,
    offset: above ? box.bottom - target.top + 4 : target.bottom - box.top + 4,
  };
}

/**
 * Where a chart's tooltip hangs from a point `x` px along a plot `width` px wide, as CSS percentages: from its left
 * edge in the left half, from its right edge in the right half, so it opens towards the middle. A plot not laid out
 * yet (no width) puts it at the left edge.
 */
export function tipSide(x: number, width: number): { left: string } | { right: string } {
  if (!(width > 0) || !Number.isFinite(x)) return { left: '0%' };
  const pct = Math.min(100, Math.max(0, (x / width) * 100));
  return x < width / 2 ? { left: `${pct}%` } : { right: `${100 - pct}%` };
}
