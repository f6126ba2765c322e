/** Renders a byte count for people: 512 B, 1.5 KiB, 64 MiB. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`
}

/** Renders a duration in milliseconds: 85 ms, 1.2 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const min = Math.floor(ms / 60_000)
  return `${min} min ${Math.round((ms % 60_000) / 1000)} s`
}

/** A tone for an HTTP status: ok (2xx), warn (3xx, 4xx), bad (5xx or none). */
export function statusTone(status: number): 'ok' | 'warn' | 'bad' {
  if (status >= 200 && status < 300) return 'ok'
  if (status >= 300 && status < 500) return 'warn'
  return 'bad'
}

/** Turns a datetime-local value (2024-01-31T09:30) into ISO 8601 UTC (2024-01-31T09:30:00Z). */
export function localInputToISO(v: string): string {
  if (!v) return ''
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(v)
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}Z` : v
}

/** A count with its noun: "1 template", "3 templates", "0 automations". */
export function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}
