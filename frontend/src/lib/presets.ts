/** The parts of a preset the picker shows and searches. */
export interface PresetLike {
  id: string
  platform: string
  name: string
  description: string
  template: { method: string; path: string }
}

/** Presets of one platform, under its heading. */
export interface PresetGroup<P extends PresetLike> {
  platform: string
  title: string
  presets: P[]
}

/** True when every word of query is in the preset's name, method, path, platform or description. */
export function presetMatches(p: PresetLike, title: string, query: string): boolean {
  const hay = `${p.name} ${p.template.method} ${p.template.path} ${p.platform} ${title} ${p.description}`.toLowerCase()
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w))
}

/** Groups the presets that match query by platform, in the order the platforms first appear. */
export function groupPresets<P extends PresetLike>(presets: P[], query: string, titleOf: (platform: string) => string): PresetGroup<P>[] {
  const groups: PresetGroup<P>[] = []
  for (const p of presets) {
    const title = titleOf(p.platform)
    if (!presetMatches(p, title, query)) continue
    let g = groups.find((x) => x.platform === p.platform)
    if (!g) groups.push((g = { platform: p.platform, title, presets: [] }))
    g.presets.push(p)
  }
  return groups
}

/** The shown presets in display order, for keyboard movement. */
export function flatten<P extends PresetLike>(groups: PresetGroup<P>[]): P[] {
  return groups.flatMap((g) => g.presets)
}

/** The active index after an arrow key, kept inside the list; -1 when it is empty. */
export function moveActive(index: number, count: number, delta: number): number {
  if (count === 0) return -1
  return Math.min(count - 1, Math.max(0, index + delta))
}
