// Undo and redo for an editor whose state is one JSON snapshot.

/** One undoable change: what it is called and the state before it. */
export interface Change {
  label: string
  before: string
  /** The field typed into, for changes that merge while typing; '' for one-off changes. */
  field: string
  /** When the change last grew, in ms. */
  at: number
}

/** How long typing may pause, in ms, before the next keystroke in a field starts a new change. */
export const typingPause = 1000

/** An undo stack and a redo stack of snapshots. */
export class History {
  past: Change[] = []
  future: Change[] = []

  constructor(private limit = 200) {}

  /**
   * Records a change made from the state before. Typing into the same
   * field again within typingPause of its last keystroke grows the top
   * change instead, so one pause-free run of typing undoes at once.
   */
  record(label: string, before: string, field = '', at = 0) {
    const top = this.past[this.past.length - 1]
    this.future = []
    if (field && top && top.field === field && at - top.at <= typingPause) {
      top.at = at
      return
    }
    this.past.push({ label, before, field, at })
    if (this.past.length > this.limit) this.past.shift()
  }

  /** Every step ID ("s4") any snapshot in either stack holds, so a new
   * step never takes the ID of one that undo or redo can bring back. */
  stepIds(): string[] {
    const ids = new Set<string>()
    for (const c of [...this.past, ...this.future]) for (const m of c.before.matchAll(/"id":"(s\d+)"/g)) ids.add(m[1])
    return [...ids]
  }

  /** Undoes the top change: returns the state to restore, or null when there is none. */
  undo(current: string): string | null {
    const c = this.past.pop()
    if (!c) return null
    this.future.push({ ...c, before: current })
    return c.before
  }

  /** Redoes the last undone change: returns the state to restore, or null when there is none. */
  redo(current: string): string | null {
    const c = this.future.pop()
    if (!c) return null
    this.past.push({ ...c, before: current, field: '' })
    return c.before
  }

  /** What Undo would undo, or '' when nothing. */
  undoLabel(): string {
    return this.past[this.past.length - 1]?.label ?? ''
  }

  /** What Redo would redo, or '' when nothing. */
  redoLabel(): string {
    return this.future[this.future.length - 1]?.label ?? ''
  }
}
