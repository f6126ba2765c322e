// A step's result in a few words, for the badge on its card in the builder.

/** The parts of a recorded step result the badge reads. */
export interface ResultLike {
  stepId: string
  status: string
  rows?: number
  error?: string
  items?: { total: number; succeeded: number; failed: number; skipped: number; unknown: number } | null
  requests?: { notSent?: boolean }[] | null
}

/** The badge: its tone (ok, warn, bad or '') and its words. */
export interface Outcome { tone: string; text: string; title: string }

const n = (x: number) => x.toLocaleString('en-US')

/** Says what a step did: "✓ 120 items", "✓ 117 of 120 items · 3 failed",
 * "121 items · 34 failed · 87 skipped" (a loop's count is always of all
 * its items, as Runs & Logs says it), "✓ 48 rows", "skipped", "failed".
 * A dry run sent no write, so it says what would have happened: "✓ 72 of
 * 326 would succeed", "✓ would send 2". */
export function stepOutcome(r: ResultLike, dry = false): Outcome {
  if (r.items) {
    const c = r.items
    const parts = [dry ? dryLead(c.succeeded, c.total) : itemsLead(c.succeeded, c.total)]
    if (c.failed) parts.push(`${n(c.failed)} failed`)
    if (c.unknown) parts.push(`${n(c.unknown)} unknown`)
    if (c.skipped) parts.push(`${n(c.skipped)} skipped`)
    const tone = c.failed ? 'bad' : c.unknown ? 'warn' : r.status === 'ok' ? 'ok' : toneOf(r.status)
    const text = r.status === 'failed' && !c.total ? 'failed' : parts.join(' · ')
    return { tone, text, title: r.error || text }
  }
  const title = r.error ?? ''
  const held = r.requests?.filter((q) => q.notSent).length ?? 0
  if (r.status === 'ok' && held) return { tone: 'warn', text: `✓ would send ${n(held)}`, title: 'A dry run held these back' }
  if (r.status === 'ok' && r.rows) return { tone: 'ok', text: `✓ ${n(r.rows)} ${r.rows === 1 ? 'row' : 'rows'}`, title }
  return { tone: toneOf(r.status), text: words[r.status] ?? r.status, title }
}

const plural = (x: number) => (x === 1 ? 'item' : 'items')

/** The lead of a loop's badge: how many of all its items succeeded. */
function itemsLead(succeeded: number, total: number): string {
  if (succeeded === total) return `✓ ${n(total)} ${plural(total)}`
  if (succeeded) return `✓ ${n(succeeded)} of ${n(total)} ${plural(total)}`
  return `${n(total)} ${plural(total)}`
}

/** The lead of a dry run's loop badge: how many of its items would succeed. */
function dryLead(succeeded: number, total: number): string {
  if (succeeded === total) return `✓ ${n(total)} ${plural(total)} would succeed`
  if (succeeded) return `✓ ${n(succeeded)} of ${n(total)} would succeed`
  return `${n(total)} ${plural(total)}`
}

const words: Record<string, string> = { ok: '✓ ok', failed: 'failed', unknown: 'unknown outcome', skipped: 'skipped', stopped: 'stopped here', waiting: 'waiting for approval' }
const toneOf = (s: string) => ({ ok: 'ok', failed: 'bad', unknown: 'warn', stopped: 'warn', waiting: 'warn' })[s] ?? ''

/** The outcome of each top-level step of a run, by step ID. */
export function outcomesByStep(results: ResultLike[] | null | undefined): Record<string, Outcome> {
  const out: Record<string, Outcome> = {}
  for (const r of results ?? []) if (r.stepId) out[r.stepId] = stepOutcome(r)
  return out
}
