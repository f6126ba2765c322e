/** The records of one kind an import added, replaced and skipped. */
export interface Outcome {
  added: string[] | null
  replaced: string[] | null
  skipped: string[] | null
}

/** One line per kind that changed: "Automations: 2 added, 1 replaced". */
export function outcomeLines(r: { connections: Outcome; templates: Outcome; automations: Outcome }): string[] {
  const kinds: [string, Outcome][] = [['Connections', r.connections], ['Templates', r.templates], ['Automations', r.automations]]
  const out: string[] = []
  for (const [label, o] of kinds) {
    const parts = [['added', o.added], ['replaced', o.replaced], ['skipped', o.skipped]]
      .filter(([, list]) => (list?.length ?? 0) > 0)
      .map(([word, list]) => `${list!.length} ${word}`)
    if (parts.length) out.push(`${label}: ${parts.join(', ')}`)
  }
  return out
}

/** Groups clashes by kind for the import dialog: "2 connections, 1 automation". */
export function clashSummary(clashes: { kind: string }[] | null): string {
  const counts = new Map<string, number>()
  for (const c of clashes ?? []) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1)
  return [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ')
}

/** A short list of names: "A, B and C", or "A, B, C and 4 more" past max. */
export function nameList(names: string[] | null, max = 5): string {
  const all = names ?? []
  if (all.length <= max) return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}` : (all[0] ?? '')
  return `${all.slice(0, max).join(', ')} and ${all.length - max} more`
}
