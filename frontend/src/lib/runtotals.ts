// A run's totals in words, the same in the builder's run panel and in
// Runs & Logs; a dry run says what would have happened ("would succeed",
// "held back"), since it sent no write.

/** A loop's items by status. */
export interface Counts { total: number; succeeded: number; failed: number; skipped: number; unknown: number }

/** A run's writes as recorded. */
export interface Writes { sent: number; notSent: number; unknown: number }

/** The parts of a run the totals read. */
export interface RunLike {
  dryRun: boolean
  writes?: Writes | null
  steps?: { label: string; items?: Counts | null }[] | null
}

/** What an item that went through is called: in a dry run nothing was sent, so it would succeed. */
export const succeededWord = (dry: boolean) => (dry ? 'would succeed' : 'succeeded')

/** What a write not sent is called: a dry run held it back. */
export const notSentWord = (dry: boolean) => (dry ? 'held back' : 'not sent')

/** An item's status as shown in a run's item table and filters. */
export function itemStatusWord(status: string, dry: boolean, words: Record<string, string>): string {
  return dry && status === 'ok' ? 'would succeed' : words[status] ?? status
}

const n = (x: number) => x.toLocaleString('en-US')

/** "326 items: 72 succeeded, 0 failed, 254 skipped" (unknown named only when some are). */
export function itemsText(c: Counts, dry: boolean): string {
  const parts = [`${n(c.succeeded)} ${succeededWord(dry)}`, `${n(c.failed)} failed`]
  if (c.unknown) parts.push(`${n(c.unknown)} unknown`)
  parts.push(`${n(c.skipped)} skipped`)
  return `${n(c.total)} ${c.total === 1 ? 'item' : 'items'}: ${parts.join(', ')}`
}

/** "Writes: 3 sent, 1 not sent" ("…, 72 held back" in a dry run); writes of
 * unknown outcome are for the caller to flag beside it. */
export function writesText(w: Writes, dry: boolean): string {
  return `Writes: ${n(w.sent)} sent, ${n(w.notSent)} ${notSentWord(dry)}`
}

/** The items of a run's top-level loops added up; null when it ran no loop. */
export function itemTotals(run: RunLike): Counts | null {
  const loops = (run.steps ?? []).filter((s) => s.items && !s.label.includes('.'))
  if (!loops.length) return null
  const sum: Counts = { total: 0, succeeded: 0, failed: 0, skipped: 0, unknown: 0 }
  for (const s of loops) for (const k of Object.keys(sum) as (keyof Counts)[]) sum[k] += s.items![k] ?? 0
  return sum
}
