/** A connection's settings and its platform's fields, as far as the base URL goes. */
export interface BaseSource {
  settings?: Record<string, string>
}

/**
 * The base URL a template's path is relative to, as the request bar shows
 * it: the connection's base URL, else its platform's default, without a
 * trailing slash; "" when neither is known (the Demo tracker's address
 * is chosen at start).
 */
export function endpointBase(c: BaseSource | undefined, fields?: { key: string; default: string }[] | null): string {
  const own = c?.settings?.base_url?.trim()
  const base = own || (fields ?? []).find((f) => f.key === 'base_url')?.default || ''
  return base.replace(/\/+$/, '')
}
