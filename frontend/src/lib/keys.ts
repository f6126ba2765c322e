// Keyboard shortcuts of the editors, the same on every platform: Ctrl on
// Windows and Linux, Cmd on macOS.

/** What a key press asks of an editor, or null when it asks nothing. */
export type EditorKey = 'save' | 'undo' | 'redo' | null

/** The parts of a key event the shortcuts look at. */
export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** Whether the platform string (navigator.platform or userAgent) is a Mac's. */
export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform)
}

/** The editor command a key press asks for: Ctrl/Cmd+S, +Z, +Shift+Z or Ctrl+Y. */
export function editorKey(e: KeyLike, mac: boolean): EditorKey {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
  if (!mod || e.altKey) return null
  const k = e.key.toLowerCase()
  if (k === 's' && !e.shiftKey) return 'save'
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (k === 'y' && !e.shiftKey && !mac) return 'redo'
  return null
}

/** How a shortcut is written for people: "Ctrl+S", or "⌘S" on a Mac. */
export function shortcutLabel(key: string, mac: boolean, shift = false): string {
  if (mac) return `${shift ? '⇧' : ''}⌘${key.toUpperCase()}`
  return `Ctrl+${shift ? 'Shift+' : ''}${key.toUpperCase()}`
}

/** Whether an element takes typing of its own (a text field, a select or editable text), so its own undo applies. */
export function isEditable(el: Element | null): boolean {
  if (!el) return false
  const tag = el.tagName.toLowerCase()
  if (tag === 'textarea' || tag === 'select') return true
  if (tag === 'input') return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes((el as HTMLInputElement).type)
  return (el as HTMLElement).isContentEditable === true
}

/** Whether this machine is a Mac, from the browser's own report. */
export const onMac = typeof navigator !== 'undefined' && isMac(navigator.platform || navigator.userAgent)

/** Whether a key press reloads the window: F5, or Ctrl/Cmd+R. */
export function isReloadKey(e: KeyLike, mac: boolean): boolean {
  if (e.key === 'F5') return true
  const mod = mac ? e.metaKey : e.ctrlKey
  return mod && !e.altKey && e.key.toLowerCase() === 'r'
}
