/** One loop item as a run records it, with the steps it ran. */
export interface ItemLike {
  status: string
  error?: string
  steps?: { warnings?: string[] | null }[] | null
}

/** Why an item ended as it did: its error, or for an item a condition
 * skipped, the condition's own words ("Condition not met: …"). Empty for
 * an item that succeeded. */
export function itemReason(it: ItemLike): string {
  if (it.error) return it.error
  if (it.status !== 'skipped') return ''
  for (const st of it.steps ?? []) {
    const w = st.warnings?.find((x) => x.startsWith('Condition not met'))
    if (w) return w
  }
  return ''
}
