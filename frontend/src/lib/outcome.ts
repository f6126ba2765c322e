// Words for a write's outcome as the request client records it: sent (an
// answer came), not_sent (provably never applied) or unknown (sent, but no
// answer proves whether the tracker applied it). Reads carry none.
export type OutcomeLabel = { text: string; tone: 'ok' | 'muted' | 'warn'; title: string }

export function outcomeLabel(outcome: string | undefined | null): OutcomeLabel | null {
  switch (outcome) {
    case 'sent':
      return { text: 'sent', tone: 'ok', title: 'The tracker answered this write.' }
    case 'not_sent':
      return { text: 'not sent', tone: 'muted', title: 'Never applied: refused before it was written, HTTP 429 or 503, or a dry run.' }
    case 'unknown':
      return { text: 'outcome unknown', tone: 'warn', title: unknownAdvice }
  }
  return null
}

// What to do about a write whose outcome is unknown.
export const unknownAdvice =
  'It was sent, but no answer proves whether the tracker applied it, and AffDesk did not send it again. Open the tracker and check the record before you send it again.'
