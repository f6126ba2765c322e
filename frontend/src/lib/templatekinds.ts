// Which action templates suit which action step: a Get step reads, an
// Edit step changes a record, an Add step creates one.

/** The parts of a template the step's template list reads. */
export interface TemplateLike {
  id: number
  kind?: string
  method: string
}

/** The template kind (get, edit, add) an action step kind calls for; '' for other steps. */
export function kindForStep(stepKind: string): string {
  return ({ action_get: 'get', action_edit: 'edit', action_add: 'add' } as Record<string, string>)[stepKind] ?? ''
}

/** A template's kind as saved, or, for a record without one, read from its method. */
export function templateKind(t: TemplateLike): string {
  return t.kind || (t.method === 'GET' ? 'get' : 'edit')
}

/** What each template kind is called beside a template of the wrong kind. */
export const kindWords: Record<string, string> = { get: 'a read', edit: 'a change', add: 'a create' }

/**
 * Splits templates for an action step's list: those of the step's kind;
 * the one the step is bound to when it is of another kind (kept, so the
 * list never silently drops it); and every other one, offered under
 * "Other kinds" but not to be picked.
 */
export function templateChoices<T extends TemplateLike>(list: T[], stepKind: string, boundId: number | undefined) {
  const want = kindForStep(stepKind)
  const fit: T[] = []
  const other: T[] = []
  let bound: T | null = null
  for (const t of list) {
    if (templateKind(t) === want) fit.push(t)
    else if (t.id === boundId) bound = t
    else other.push(t)
  }
  return { fit, bound, other }
}
