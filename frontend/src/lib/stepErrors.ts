// Save errors about steps, keyed by step ID so they follow their step
// when steps move, are deleted or come back with Undo.

import type { AppError } from '../api/errors'

/** A step as far as error paths go: its ID and nested steps. */
export interface StepNode {
  id: string
  steps?: StepNode[]
}

const indexPath = /^steps(?:\[(\d+)\]|\.(\d+))(?=\.|\[|$)/

/**
 * The field path with step positions ("steps[2].x", "steps.2.x",
 * "steps[1].steps[0].x") turned into the step's ID ("steps.s7.x"), read
 * against the steps as they were when the error arrived. Paths that
 * already name an ID, or whose position no longer exists, stay as they are.
 */
export function stepPath(field: string, steps: StepNode[]): string {
  let rest = field
  let list = steps
  let id = ''
  for (let m = indexPath.exec(rest); m; m = indexPath.exec(rest)) {
    const s = list[Number(m[1] ?? m[2])]
    if (!s) return field
    id = s.id
    list = s.steps ?? []
    rest = rest.slice(m[0].length).replace(/^\./, '')
  }
  if (!id) return field
  return rest ? `steps.${id}.${rest}` : `steps.${id}`
}

/** The error with every field path keyed by step ID (see stepPath). */
export function keyByStepId(err: AppError, steps: StepNode[]): AppError {
  const fix = (f?: string) => (f ? stepPath(f, steps) : f)
  return { ...err, field: fix(err.field), fields: err.fields?.map((p) => ({ ...p, field: fix(p.field) ?? '' })) }
}
