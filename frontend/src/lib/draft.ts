// Whether an editor holds a change: two drafts are the same when the
// backend would store the same record from them.

/**
 * A draft in a form that compares by meaning: object keys sorted, and
 * fields that decode to their zero value in Go (undefined, null, '',
 * false, 0, [], {}) left out, since the backend cannot tell them from a
 * missing field. List items keep their places, so reordering is a change.
 */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map((x) => canonical(x) ?? null) : undefined
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const c = canonical((v as Record<string, unknown>)[k])
      if (c !== undefined) out[k] = c
    }
    return Object.keys(out).length ? out : undefined
  }
  if (v === null || v === undefined || v === '' || v === false || v === 0) return undefined
  return v
}

/** A draft's fingerprint: equal for drafts the backend would store alike. */
export function fingerprint(v: unknown): string {
  return JSON.stringify(canonical(v)) ?? ''
}
