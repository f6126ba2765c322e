// Text areas that grow with their text, up to a few lines.

/**
 * The height (border box) of a growing text area: its content's, at most
 * maxLines lines; past that it keeps that height and scrolls.
 */
export function grownHeight(content: number, lineHeight: number, padding: number, maxLines: number): number {
  return Math.min(content, lineHeight * maxLines + padding)
}

/**
 * A Svelte action: the text area is one line tall when short and grows
 * with its text up to maxLines lines. Pass the bound value as the
 * parameter's value so a change from outside (undo) refits it too.
 */
export function autogrow(el: HTMLTextAreaElement, opts: { value?: unknown; maxLines?: number } = {}) {
  let maxLines = opts.maxLines ?? 3
  const fit = () => {
    const cs = getComputedStyle(el)
    const line = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.4 || 20
    const borders = parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth)
    const padding = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom) + borders
    el.style.height = 'auto'
    const content = el.scrollHeight + borders
    const h = grownHeight(content, line, padding, maxLines)
    el.style.height = `${h}px`
    el.style.overflowY = content > h + 1 ? 'auto' : 'hidden'
  }
  fit()
  el.addEventListener('input', fit)
  window.addEventListener('resize', fit)
  return {
    update(next: { value?: unknown; maxLines?: number } = {}) {
      maxLines = next.maxLines ?? 3
      fit()
    },
    destroy() {
      el.removeEventListener('input', fit)
      window.removeEventListener('resize', fit)
    },
  }
}
