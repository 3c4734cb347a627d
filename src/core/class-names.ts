/**
 * The class attribute for a map of class name → on/off: `classNames({ step: true, active: false })` is `"step"`.
 * A plain string instead of Lit's `classMap` directive: the widgets never add classes
 * imperatively, so there is nothing to preserve, and it keeps the CDN file smaller.
 */
export function classNames(map: Record<string, unknown>): string {
  return Object.keys(map)
    .filter((k) => map[k])
    .join(' ');
}
