/** The parts of a platform's field that decide whether it shows. */
export interface FieldLike {
  key: string
  kind: string
  default: string
  showIf?: { key: string; values: string[] } | null
}

/** Whether a field applies given the other settings (mirrors the catalogue's ShowIf). */
export function fieldVisible(f: FieldLike, settings: Record<string, string>): boolean {
  if (!f.showIf) return true
  return f.showIf.values.includes(settings[f.showIf.key] ?? '')
}

/** Settings for a new connection: each non-secret field's default. */
export function defaultSettings(fields: FieldLike[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fields) if (f.kind !== 'secret' && f.default) out[f.key] = f.default
  return out
}

/** IANA timezone names the runtime knows, UTC first; a short list when the runtime has none. */
export function timezones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] }
  const list = intl.supportedValuesOf?.('timeZone') ?? ['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Singapore']
  return ['UTC', ...list.filter((z) => z !== 'UTC')]
}

/** Filters timezones by every word of a query, ignoring case, '_' and '/'. */
export function searchTimezones(all: string[], query: string): string[] {
  const words = query.toLowerCase().split(/[\s/_]+/).filter(Boolean)
  if (!words.length) return all
  return all.filter((z) => {
    const hay = z.toLowerCase().replace(/[_/]/g, ' ')
    return words.every((w) => hay.includes(w))
  })
}

/** The reporting timezone the OS uses, or UTC. */
export function localTimezone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
