// Mirrors backend/core/variables.go, for the builder's autocompletion and
// default names. Go's analysis decides at save time; this only suggests.

export interface StepLike {
  id: string
  kind: string
  name?: string
  selections?: { path: string; variable: string }[]
  stats?: { statType: string; mode: string; cells?: { variable: string }[] } | null
  over?: string
  itemName?: string
  steps?: StepLike[]
}

export const builtinVars = ['run_date', 'run_time', 'run_id', 'automation_name']
const loopVars = ['items_succeeded', 'items_failed', 'items_skipped']

/** Letters, digits and _ only, not starting with a digit. */
export function varName(s: string): string {
  let out = s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+|_+$/g, '')
  if (out === '' || /^[0-9]/.test(out)) out = 'v_' + out
  return out
}

/** The last key of a JSONPath: Id of $.Actions[*].Id, odd key of $['odd key']. */
export function lastKey(path: string): string {
  let p = path.trim()
  while (p.endsWith(']')) {
    const n = p.length
    const q = p[n - 2]
    if (n >= 3 && (q === "'" || q === '"')) {
      const start = p.lastIndexOf(q, n - 3)
      if (start >= 0) return p.slice(start + 1, n - 2)
    }
    const open = p.lastIndexOf('[')
    if (open < 0) break
    p = p.slice(0, open)
  }
  const dot = p.lastIndexOf('.')
  if (dot >= 0) p = p.slice(dot + 1)
  p = p.replace(/^[$*]+|[$*]+$/g, '')
  return p === '' ? 'value' : p
}

export const selectionVar = (path: string, n: number) => `${varName(lastKey(path))}_action_${n}`
export const cellVar = (column: string, row: number, n: number) => `${varName(column)}_${row}_stats_${n}`

function family(kind: string): string {
  if (kind.startsWith('action_')) return 'action'
  if (kind === 'pull_stats') return 'stats'
  if (kind === 'for_each') return 'foreach'
  return kind
}

/** Each step's number within its family, depth first, as variable names use it. */
export function numbering(steps: StepLike[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const out: Record<string, number> = {}
  const walk = (ss: StepLike[]) => {
    for (const s of ss) {
      const f = family(s.kind)
      counts[f] = (counts[f] ?? 0) + 1
      out[s.id] = counts[f]
      if (s.steps?.length) walk(s.steps)
    }
  }
  walk(steps)
  return out
}

/** The variables a step sets for the steps after it. */
export function outputs(s: StepLike, n: number, numeric: (statType: string) => string[]): string[] {
  const out = (s.selections ?? []).map((x) => x.variable)
  if (s.kind === 'pull_stats' && s.stats) {
    out.push('date_from', 'date_to', `date_from_stats_${n}`, `date_to_stats_${n}`)
    out.push(...(s.stats.cells ?? []).map((c) => c.variable))
    if (s.stats.mode === 'dataset') {
      out.push('data_table', 'row_count', `data_table_stats_${n}`, `rows_stats_${n}`, ...numeric(s.stats.statType).map((c) => 'total_' + varName(c)))
    }
  }
  if (s.kind === 'filter') out.push('data_table', 'row_count')
  if (s.kind === 'for_each') out.push(...loopVars)
  if (s.kind === 'approval') out.push('approval_reason')
  return out
}

/**
 * The variables available to the step with the given ID: built-ins, the initial
 * ones (an enabled webhook trigger's), what earlier steps set, and the items of the For Each steps around it (item, item.field…).
 */
export function availableAt(steps: StepLike[], id: string, numeric: (statType: string) => string[], initial: string[] = []): string[] {
  const start = [...builtinVars, ...initial]
  const nums = numbering(steps)
  const found = (ss: StepLike[], avail: string[]): string[] | null => {
    const here = [...avail]
    for (const s of ss) {
      if (s.id === id) return here
      if (s.kind === 'for_each' && s.steps?.length) {
        const item = s.itemName || 'item'
        const inner = found(s.steps, [...here, item, `${item}_index`, `${item}.`])
        if (inner) return inner
      }
      here.push(...outputs(s, nums[s.id], numeric))
    }
    return null
  }
  return [...new Set(found(steps, start) ?? start)]
}

/** Finds the {partial variable name being typed at the caret, if any. */
export function partialAt(text: string, caret: number): string | null {
  const before = text.slice(0, caret)
  const m = /\{([A-Za-z0-9_.\-]*)$/.exec(before)
  return m ? m[1] : null
}

/** Names AffDesk sets that always hold one value (a date, a count, a
 * total, a cell), never a list. */
const scalarName = /^(run_date|run_time|run_id|automation_name|items_(succeeded|failed|skipped|unknown)|date_(from|to)(_stats_\d+)?|row_count|rows_stats_\d+|total_\w+|approval_reason|\w+_\d+_stats_\d+|\w+_index)$/

/** The variables a For Each can loop over: those that may hold a list or
 * a dataset (picked fields, data tables), without the dates, counts and
 * totals that never do. */
export function listCandidates(vars: string[]): string[] {
  return vars.filter((v) => !v.endsWith('.') && !scalarName.test(v))
}
