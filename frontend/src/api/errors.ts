/** An error as the backend reports it: a stable code, the field it is about, and a message for people. */
export interface AppError {
  code: string
  field?: string
  message: string
}

/** Turns whatever a rejected binding call gave into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && 'message' in e && 'code' in e) return e as AppError
  const text = e instanceof Error ? e.message : String(e)
  try {
    const parsed = JSON.parse(text)
    if (parsed && typeof parsed.message === 'string') return { code: parsed.code ?? 'internal', field: parsed.field, message: parsed.message }
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
