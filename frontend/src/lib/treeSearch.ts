/** A piece of text, marked when it is a search hit. */
export interface Piece {
  text: string
  hit: boolean
}

/** Splits text into pieces, marking every case-insensitive occurrence of query. */
export function highlight(text: string, query: string): Piece[] {
  if (!query) return [{ text, hit: false }]
  const low = text.toLowerCase()
  const q = query.toLowerCase()
  const out: Piece[] = []
  let at = 0
  for (let i = low.indexOf(q); i >= 0; i = low.indexOf(q, i + q.length)) {
    if (i > at) out.push({ text: text.slice(at, i), hit: false })
    out.push({ text: text.slice(i, i + q.length), hit: true })
    at = i + q.length
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), hit: false })
  return out
}

/** The match to go to from current: the next, or the previous when back, wrapping round. */
export function stepMatch(current: number, count: number, back: boolean): number {
  if (count <= 0) return -1
  if (current < 0) return back ? count - 1 : 0
  return (current + (back ? count - 1 : 1)) % count
}

/** "n of m" for the search box; says when only the first matches can be stepped through. */
export function matchLabel(current: number, listed: number, total: number): string {
  if (total === 0) return 'No match'
  const of = listed < total ? `${total} (first ${listed} listed)` : `${total}`
  return `${current + 1} of ${of}`
}

/** True when ancestor's segments start target's, and are shorter. */
export function isAncestor(ancestor: unknown[], target: unknown[] | undefined): boolean {
  if (!target || ancestor.length >= target.length) return false
  return ancestor.every((s, i) => s === target[i])
}

/** True when both paths are the same. */
export function samePath(a: unknown[], b: unknown[] | undefined): boolean {
  return !!b && a.length === b.length && a.every((s, i) => s === b[i])
}

/**
 * The children range a node loads to show the child at pos: unchanged
 * when pos is already in [start, end), the range grown to it when near,
 * else a page starting a little before pos.
 */
export function rangeFor(pos: number, start: number, end: number, total: number, page: number): [number, number] {
  if (pos >= start && pos < end) return [start, end]
  if (pos >= end && pos < end + page) return [start, Math.min(total, pos + 1 + Math.floor(page / 4))]
  const from = Math.max(0, Math.min(pos - Math.floor(page / 4), total - page))
  return [from, Math.min(total, from + page)]
}
