import { formatDuration, formatSize } from './format'

/** The figures of a test result the summary line reports. */
export interface Totals {
  durationMs: number // the whole call: requests, pacing between them, merging
  size: number // the body shown (merged across pages and windows)
  requests: number // requests sent
  requestMs: number // the sum of the requests' own times
  received: number // the sum of the response bodies, as decoded
}

/** One labelled figure of the summary, with a tooltip saying what it counts. */
export interface Part {
  text: string
  title: string
}

/**
 * The summary line of a test: for one request, its own time and size,
 * exactly as its row in "All requests"; for several, how many, the whole
 * call's time, the bytes received (the sum of the rows) and, when it
 * differs, the merged body's size.
 */
export function summaryParts(t: Totals): Part[] {
  if (t.requests <= 1) {
    const parts = [
      { text: formatDuration(t.requestMs), title: 'Time of the request, with any retries and waits' },
      { text: formatSize(t.received), title: 'Response body as received (after gzip is decoded)' },
    ]
    if (t.size !== t.received) parts.push({ text: `body ${formatSize(t.size)}`, title: 'The body shown, after merging' })
    return parts
  }
  const parts = [
    { text: `${t.requests} requests`, title: 'Every request of the call: see All requests' },
    { text: `${formatDuration(t.durationMs)} total`, title: `The whole call, including pacing between requests and merging; the requests themselves took ${formatDuration(t.requestMs)}` },
    { text: `${formatSize(t.received)} received`, title: 'The response bodies of every request together, as decoded' },
  ]
  if (t.size !== t.received) parts.push({ text: `${formatSize(t.size)} merged`, title: 'The one body the pages were merged into, as shown below' })
  return parts
}

/** The closing line of "All requests": the sums its rows add up to. */
export function exchangeTotals(t: Totals): string {
  const call = t.requests > 1 ? `; the whole call took ${formatDuration(t.durationMs)}` : ''
  return `${t.requests} ${t.requests === 1 ? 'request' : 'requests'} · ${formatDuration(t.requestMs)} · ${formatSize(t.received)}${call}`
}

/** What the raw view says when it shows only the start of a body. */
export function rawNote(shown: number, size: number): string {
  if (shown >= size) return ''
  return `Showing the first ${formatSize(shown)} of ${formatSize(size)}. Copy copies all of it.`
}
