/** One field's problem, when a check found several. */
export interface FieldProblem {
  field: string
  message: string
}

/**
 * An error as the backend reports it: a stable code, the field it is about,
 * and a message for people; fields lists every field in error when a check
 * found more than one (the first is also field and message).
 */
export interface AppError {
  code: string
  field?: string
  message: string
  fields?: FieldProblem[]
}

/** Turns whatever a rejected binding call gave into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && 'message' in e && 'code' in e) return e as AppError
  const text = e instanceof Error ? e.message : String(e)
  try {
    const parsed = JSON.parse(text)
    if (parsed && typeof parsed.message === 'string') return { code: parsed.code ?? 'internal', field: parsed.field, message: parsed.message, fields: parsed.fields }
  } catch {
    /* not JSON: a plain message */
  }
  return { code: 'internal', message: text || 'Internal error.' }
}

/** Awaits a binding call, rethrowing its failure as an AppError. */
export async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (e) {
    throw toAppError(e)
  }
}
