import { getContext, setContext } from 'svelte'
import { availableAt } from '../../lib/variables'
import { hookVars, type HookLike } from '../../lib/hooks'
import type { EditableStep } from '../../lib/steps'
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

  constructor(a: EditableAutomation) {
    this.draft = a
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
