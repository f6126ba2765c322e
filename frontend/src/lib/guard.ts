// The unsaved-changes guard: one editor at a time registers itself, and
// anything that would replace it (another list item, a new item, another
// page, a reload) asks the guard first.

/** What a person chose when asked about unsaved changes. */
export type LeaveChoice = 'save' | 'discard' | 'stay'

/** An editor the guard protects. */
export interface GuardedEditor {
  /** What the edited item is called, for the question. */
  name(): string
  /** Whether the editor holds changes not saved yet. */
  dirty(): boolean
  /** Whether the item has never been saved (Ctrl+S saves it even unchanged). */
  fresh?(): boolean
  /** Saves; false when the save was refused (its errors then show in the editor). */
  save(): Promise<boolean>
}

/** The guard; ask shows the question and resolves with the choice. */
export class Guard {
  private editors: GuardedEditor[] = []
  private busy = false

  constructor(private ask: (name: string) => Promise<LeaveChoice>) {}

  /** Registers the editor in view; returns the function that unregisters it. */
  register(e: GuardedEditor): () => void {
    this.editors.push(e)
    return () => {
      this.editors = this.editors.filter((x) => x !== e)
    }
  }

  /** The editor in view: the last one registered. */
  current(): GuardedEditor | null {
    return this.editors[this.editors.length - 1] ?? null
  }

  /** Whether the editor in view holds unsaved changes. */
  dirty(): boolean {
    return this.current()?.dirty() ?? false
  }

  /**
   * Whether the editor in view may be left: yes when nothing is unsaved,
   * or when the person discards, or saves and the save succeeds; no when
   * they stay, when the save is refused, or while another question or
   * save is under way.
   */
  async leave(): Promise<boolean> {
    const e = this.current()
    if (!e || !e.dirty()) return true
    if (this.busy) return false
    this.busy = true
    try {
      const choice = await this.ask(e.name())
      if (choice === 'discard') return true
      if (choice === 'stay') return false
      return await e.save()
    } finally {
      this.busy = false
    }
  }

  /** Saves the editor in view when it has something to save (Ctrl+S); null when there was nothing to do. */
  async saveNow(): Promise<boolean | null> {
    const e = this.current()
    if (!e || this.busy || !(e.dirty() || e.fresh?.())) return null
    this.busy = true
    try {
      return await e.save()
    } finally {
      this.busy = false
    }
  }
}

/** Holds back a window close or reload (beforeunload) while changes are unsaved; returns whether it did. */
export function holdUnload(e: { preventDefault(): void; returnValue?: unknown }, dirty: boolean): boolean {
  if (!dirty) return false
  e.preventDefault()
  e.returnValue = ''
  return true
}
