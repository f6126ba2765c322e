/** How each run trigger reads after "Started": "by hand", "by schedule". */
const startedBy: Record<string, string> = {
  manual: 'by hand',
  cli: 'from the command line',
  schedule: 'by schedule',
  webhook: 'by webhook',
  test: "from a template's Test",
}

/** The words for what started a run, in plain English: "by hand", "by webhook". */
export function startedByWords(trigger: string): string {
  return startedBy[trigger] ?? (trigger ? `by ${trigger}` : 'by hand')
}

/** The short label of a trigger in a list: "By hand", "Schedule". */
export function triggerLabel(trigger: string): string {
  const words = startedByWords(trigger)
  return words.charAt(0).toUpperCase() + words.slice(1)
}
