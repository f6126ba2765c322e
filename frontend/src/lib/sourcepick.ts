/** A request of an import source, as the pick list shows it. */
export interface Pickable {
  key: string
  name: string
  method: string
  path: string
  tags?: string[]
}

/** The candidates whose name, method, path or tags hold every word of query. */
export function filterCandidates<T extends Pickable>(list: T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return list.filter((c) => {
    const hay = `${c.name} ${c.method} ${c.path} ${(c.tags ?? []).join(' ')}`.toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}

/** Every tag of the candidates, sorted, each once. */
export function tagsOf(list: Pickable[]): string[] {
  return [...new Set(list.flatMap((c) => c.tags ?? []))].sort((a, b) => a.localeCompare(b))
}

/** The picked keys with every candidate of the tag added, or removed when all were picked. */
export function toggleTag(list: Pickable[], picked: Set<string>, tag: string): Set<string> {
  const keys = list.filter((c) => c.tags?.includes(tag)).map((c) => c.key)
  const out = new Set(picked)
  const all = keys.every((k) => out.has(k))
  for (const k of keys) {
    if (all) out.delete(k)
    else out.add(k)
  }
  return out
}
