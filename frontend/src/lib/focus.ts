/** Elements a keyboard user can reach with Tab, in document order. */
const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

/** The visible, enabled elements inside root that Tab reaches. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.getClientRects().length > 0)
}

/**
 * The element Tab (or Shift+Tab when back) should move to so focus stays
 * inside a cycle: the first after the last, the last before the first, or
 * null when the browser's own move stays inside.
 */
export function wrapTarget<T>(items: T[], current: T | null, back: boolean): T | null {
  if (!items.length) return null
  const i = current === null ? -1 : items.indexOf(current)
  if (i < 0) return back ? items[items.length - 1] : items[0]
  if (back && i === 0) return items[items.length - 1]
  if (!back && i === items.length - 1) return items[0]
  return null
}
