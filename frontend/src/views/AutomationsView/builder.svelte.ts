import { getContext, setContext } from 'svelte'
import { availableAt } from '../../lib/variables'
import { hookVars, type HookLike } from '../../lib/hooks'
import { allSteps, kindLabel, nextId, type EditableStep } from '../../lib/steps'
import { History } from '../../lib/history'
import { fingerprint } from '../../lib/draft'
import { isEditable } from '../../lib/keys'
import type { EditableSchedule } from '../../lib/schedule'
import { automations } from '../../stores/automations.svelte'

export interface EditableAutomation {
  id: number
  name: string
  description: string
  trigger: { kind: string; cron?: string; timezone?: string }
  steps: EditableStep[]
  presetId?: string
  hook?: HookLike | null
  /** When it runs by itself; absent (or null) when it runs only by hand. */
  schedule?: EditableSchedule | null
}

/** The automation being edited, shared by every card of the builder. */
export class BuilderState {
  draft = $state<EditableAutomation>({ id: 0, name: '', description: '', trigger: { kind: 'manual' }, steps: [] })
  problems = $state<Record<string, string>>({})
  errors = $state<Record<string, string>>({})
  open = $state<string | null>(null)
  /** What Undo and Redo would do, for their buttons; '' when nothing. */
  undoLabel = $state('')
  redoLabel = $state('')
  /** The name of the step just deleted, while Undo would bring it back. */
  deleted = $state('')
  /** Counts undos and redos, so parts holding copies of the draft start afresh. */
  restored = $state(0)
  private history = new History()
  private settled = ''
  private settledPrint = ''
  private deletedLabel = ''

  constructor(a: EditableAutomation) {
    this.draft = a
    this.settle()
  }

  /** Takes the draft as it is now as the start of the undo history (after loading fills defaults). */
  begin() {
    this.settle()
  }

  /** Takes the draft as it is now as the last recorded state. */
  private settle() {
    this.settled = JSON.stringify(this.draft)
    this.settledPrint = fingerprint(this.draft)
  }

  /**
   * Records whatever changed in the draft since the last record as one
   * undo step, named after the field with focus; typing in one field
   * merges until a pause (see History.record).
   */
  capture(now = Date.now()) {
    const snap = JSON.stringify(this.draft)
    if (snap === this.settled) return
    // An editor filling defaults changes the text, not the meaning: no undo step.
    if (fingerprint(this.draft) !== this.settledPrint) {
      const el = typeof document === 'undefined' ? null : document.activeElement
      const what = this.fieldOf(el)
      this.history.record(what.label, this.settled, isEditable(el) ? what.field : '', now)
    }
    this.settle()
    this.refresh()
  }

  /** Makes a change (add, delete or move a step) as one named undo step. */
  edit(label: string, change: () => void, deleted = '') {
    this.capture()
    const before = this.settled
    change()
    if (JSON.stringify(this.draft) === before) return
    this.history.record(label, before)
    this.settle()
    this.deletedLabel = deleted ? label : ''
    this.deleted = deleted
    this.refresh()
  }

  /** Takes a save's result into the draft without making it an undo step. */
  savedAs(id: number) {
    this.capture()
    this.draft.id = id
    this.settle()
  }

  undo() {
    this.capture()
    this.restore(this.history.undo(this.settled))
  }

  redo() {
    this.capture()
    this.restore(this.history.redo(this.settled))
  }

  /** Puts a snapshot back, keeping the record's ID so a saved automation is never saved anew. */
  private restore(snap: string | null) {
    if (snap === null) return
    const next = JSON.parse(snap) as EditableAutomation
    next.id = this.draft.id
    this.draft = next
    this.settle()
    this.restored++
    this.refresh()
  }

  private refresh() {
    this.undoLabel = this.history.undoLabel()
    this.redoLabel = this.history.redoLabel()
    if (this.undoLabel !== this.deletedLabel) this.deleted = ''
  }

  /** The step a field belongs to and how an undo of typing there is named. */
  private fieldOf(el: Element | null): { field: string; label: string } {
    const name = el?.getAttribute('name') || el?.getAttribute('aria-label') || el?.id || ''
    const stepId = (el?.closest('[data-step]') as HTMLElement | null)?.dataset.step
    const step = stepId ? allSteps(this.draft.steps).find((s) => s.id === stepId) : undefined
    if (step) return { field: `${step.id}:${name}`, label: `edit step “${this.stepName(step)}”` }
    if (name === 'automation-name') return { field: name, label: 'edit the name' }
    if (name === 'automation-description') return { field: name, label: 'edit the description' }
    return { field: name, label: 'edit the automation' }
  }

  /** What a step is called in undo labels: its name, or its kind. */
  /** An ID for a new step that no step now, in the undo history or in
   * the results of the latest run (taken) has had. */
  newStepId(taken: Iterable<string> = []): string {
    return nextId(this.draft.steps, [...this.history.stepIds(), ...taken])
  }

  stepName(s: EditableStep): string {
    return s.name || kindLabel(s.kind)
  }

  /** Variables available to a step, for autocompletion. */
  varsAt(id: string): string[] {
    return availableAt(this.draft.steps, id, automations.numeric, hookVars(this.draft.hook))
  }

  /** The save error about a step's field ("values.x"), if any. */
  fieldError(stepId: string, field: string): string {
    return this.errors[`steps.${stepId}.${field}`] ?? ''
  }

  /** Any save error about a step. */
  stepError(stepId: string): string {
    const key = Object.keys(this.errors).find((k) => k.startsWith(`steps.${stepId}.`))
    return key ? this.errors[key] : ''
  }
}

const key = Symbol('builder')
export const provideBuilder = (b: BuilderState) => setContext(key, b)
export const useBuilder = () => getContext<BuilderState>(key)
