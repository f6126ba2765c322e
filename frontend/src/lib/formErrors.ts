import type { AppError } from '../api/errors'

/** Where a rejected save's problems go: each field's message, and one notice for the rest. */
export interface PlacedErrors {
  /** Every field in error, by field name, to mark it (and show its message where the form has a place for it). */
  fields: Record<string, string>
  /** The messages no field of the form shows, for one notice; '' when every problem sits on its field. */
  notice: string
}

/**
 * Places every problem of a rejected save: on its field when the form
 * shows that field's message (inline says which), else in the notice, so
 * each message appears exactly once.
 */
export function placeErrors(err: AppError, inline: (field: string) => boolean): PlacedErrors {
  const list = err.fields?.length ? err.fields : [{ field: err.field ?? '', message: err.message }]
  const fields: Record<string, string> = {}
  const rest: string[] = []
  for (const p of list) {
    if (p.field && !(p.field in fields)) fields[p.field] = p.message
    if (!p.field || !inline(p.field)) rest.push(p.message)
  }
  return { fields, notice: [...new Set(rest)].join(' ') }
}
