import { untrack } from 'svelte'
import { Guard, type GuardedEditor, type LeaveChoice } from '../lib/guard'

/**
 * The unsaved-changes guard of the window. The editor in view registers
 * itself; list selections, New buttons, the sidebar and reloads call
 * leave() and go on only when it resolves true.
 */
class GuardStore {
  /** The name of the item being asked about, while the question shows. */
  asking = $state<string | null>(null)
  private answer: ((c: LeaveChoice) => void) | null = null
  private guard = new Guard((name) => new Promise<LeaveChoice>((resolve) => {
    this.asking = name
    this.answer = resolve
  }))

  /** Bumped when an editor comes or goes, so effects that read dirty() follow the editor in view. */
  editors = $state(0)

  /** Registers the editor in view; call the returned function when it goes. */
  register(e: GuardedEditor): () => void {
    const off = this.guard.register(e)
    this.editors++
    return () => {
      off()
      this.editors++
    }
  }

  /** Whether the editor in view may be replaced (asks first when it holds changes). */
  leave(): Promise<boolean> {
    return this.guard.leave()
  }

  /** Whether the editor in view holds unsaved changes (reactive in effects). */
  dirty(): boolean {
    void this.editors
    return this.guard.dirty()
  }

  /** Saves the editor in view when there is something to save (Ctrl+S). */
  saveNow(): Promise<boolean | null> {
    return this.guard.saveNow()
  }

  /** Answers the open question. */
  choose(c: LeaveChoice) {
    const answer = this.answer
    this.asking = null
    this.answer = null
    answer?.(c)
  }
}

export const guard = new GuardStore()

/**
 * Calls clear whenever the editor in view comes to hold a change, so a
 * page's notice about the last save ("Saved …") never stands beside
 * "Unsaved". Call while a component initialises.
 */
export function clearOnChange(clear: () => void) {
  $effect(() => {
    if (guard.dirty()) untrack(clear)
  })
}
