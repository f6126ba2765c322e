// Step kinds, defaults and tree edits for the automation builder.

export interface EditableStep {
  id: string
  kind: string
  name: string
  continueOnError: boolean
  templateId?: number
  values?: Record<string, string>
  selections?: { path: string; variable: string }[]
  stats?: {
    connectionId: number
    statType: string
    datePreset: string
    from?: string
    to?: string
    timezone?: string
    filters?: Record<string, string>
    mode: string
    cells: { column: string; rowKey: string; row: number; variable: string }[]
  } | null
  match?: string
  rules?: { left: string; op: string; right: string }[]
  dataset?: string
  over?: string
  itemName?: string
  concurrency?: number
  steps?: EditableStep[]
  email?: { to: string; cc: string; subject: string; html: string } | null
  webhook?: { url: string; method: string; headers: { name: string; value: string }[]; bodyKind: string; body: string } | null
  message?: string
}

export const stepKinds = [
  { kind: 'pull_stats', label: 'Pull Stats', blurb: 'Fetch a report for a date range, as cells or a dataset.' },
  { kind: 'action_get', label: 'Tracker Action: Get', blurb: 'Read a record and pick fields from the response.' },
  { kind: 'action_edit', label: 'Tracker Action: Edit', blurb: 'Change a record (PUT, PATCH, POST or DELETE).' },
  { kind: 'action_add', label: 'Tracker Action: Add', blurb: 'Create a record.' },
  { kind: 'condition', label: 'Check Condition', blurb: 'Go on only when rules hold; otherwise stop (or skip the item).' },
  { kind: 'filter', label: 'Filter Data', blurb: 'Drop dataset rows that fail the rules.' },
  { kind: 'for_each', label: 'For Each', blurb: 'Run steps once per item of a list or dataset.' },
  { kind: 'send_email', label: 'Send Email', blurb: 'Email anyone, with variables and {data_table}.' },
  { kind: 'send_webhook', label: 'Send Webhook', blurb: 'Post to Slack, Telegram or any URL.' },
  { kind: 'approval', label: 'Approve to Continue', blurb: 'Pause until someone approves in the app.' },
] as const

export const kindLabel = (kind: string) => stepKinds.find((k) => k.kind === kind)?.label ?? kind

type RuleLike = { left: string; op: string; right: string }

/** Whether a rule is still blank: nothing typed on either side. */
export const blankRule = (r: RuleLike) => !r.left.trim() && !r.right.trim()

/**
 * The steps as they are checked and saved: a condition or filter whose
 * rules are all blank has no rule yet, so it needs setup like any other
 * incomplete step. (Rules with something typed keep their places, so
 * errors about rule N still point at the Nth row.) Returns copies; the
 * draft keeps its blank rows.
 */
export function withoutBlankRules(steps: EditableStep[]): EditableStep[] {
  return steps.map((s) => {
    const out = { ...s }
    if (s.rules?.length && s.rules.every(blankRule)) out.rules = []
    if (s.steps) out.steps = withoutBlankRules(s.steps)
    return out
  })
}

/** A new step of a kind, with the settings its editor expects. */
export function newStep(kind: string, id: string): EditableStep {
  const s: EditableStep = { id, kind, name: '', continueOnError: false }
  if (kind.startsWith('action_')) Object.assign(s, { templateId: 0, values: {}, selections: [] })
  if (kind === 'pull_stats') s.stats = { connectionId: 0, statType: '', datePreset: 'yesterday', mode: 'dataset', cells: [], filters: {} }
  if (kind === 'condition' || kind === 'filter') Object.assign(s, { match: 'all', rules: [{ left: '', op: 'gt', right: '' }] })
  if (kind === 'filter') s.dataset = 'data_table'
  if (kind === 'for_each') Object.assign(s, { over: '', itemName: 'item', concurrency: 1, steps: [] })
  if (kind === 'send_email') s.email = { to: '', cc: '', subject: '', html: '' }
  if (kind === 'send_webhook') s.webhook = { url: '', method: 'POST', headers: [], bodyKind: 'json', body: '{\n  "text": "Run {run_id} finished"\n}' }
  if (kind === 'approval') s.message = 'Continue?'
  return s
}

/** Every step, nested ones included, depth first. */
export function allSteps(steps: EditableStep[]): EditableStep[] {
  return steps.flatMap((s) => [s, ...allSteps(s.steps ?? [])])
}

/** A step ID not used yet: s1, s2, … */
export function nextId(steps: EditableStep[], taken: Iterable<string> = []): string {
  const ids = [...allSteps(steps).map((s) => s.id), ...taken]
  const used = ids.map((id) => Number(/^s(\d+)$/.exec(id)?.[1] ?? 0))
  return `s${Math.max(0, ...used) + 1}`
}

/** The list holding the step with the ID, and its index there. */
export function locate(steps: EditableStep[], id: string): { list: EditableStep[]; index: number } | null {
  const i = steps.findIndex((s) => s.id === id)
  if (i >= 0) return { list: steps, index: i }
  for (const s of steps) {
    const inner = s.steps ? locate(s.steps, id) : null
    if (inner) return inner
  }
  return null
}

/** Moves a step up (-1) or down (+1) within its list. */
export function move(steps: EditableStep[], id: string, delta: number): boolean {
  const at = locate(steps, id)
  if (!at) return false
  const to = at.index + delta
  if (to < 0 || to >= at.list.length) return false
  const [s] = at.list.splice(at.index, 1)
  at.list.splice(to, 0, s)
  return true
}

/** Moves a step to sit before another (drag and drop), within the same list. */
export function moveBefore(steps: EditableStep[], id: string, beforeId: string): boolean {
  const from = locate(steps, id)
  const to = locate(steps, beforeId)
  if (!from || !to || from.list !== to.list || id === beforeId) return false
  const [s] = from.list.splice(from.index, 1)
  const target = from.list.findIndex((x) => x.id === beforeId)
  from.list.splice(target, 0, s)
  return true
}

/** Removes a step (and its nested steps). */
export function remove(steps: EditableStep[], id: string): boolean {
  const at = locate(steps, id)
  if (!at) return false
  at.list.splice(at.index, 1)
  return true
}

/** A step's position label as people count: 3, or 2.1 inside a loop. */
export function labelOf(steps: EditableStep[], id: string, prefix = ''): string {
  for (let i = 0; i < steps.length; i++) {
    const here = `${prefix}${i + 1}`
    if (steps[i].id === id) return here
    const inner = labelOf(steps[i].steps ?? [], id, here + '.')
    if (inner) return inner
  }
  return ''
}

/** Fills the fields a loaded step's editor expects (Go leaves empty ones out). */
export function normalize(steps: EditableStep[]): EditableStep[] {
  for (const s of steps) {
    const d = newStep(s.kind, s.id)
    for (const [k, v] of Object.entries(d)) {
      const key = k as keyof EditableStep
      if (s[key] === undefined || s[key] === null) (s as unknown as Record<string, unknown>)[k] = v
    }
    if (s.stats) s.stats.cells ??= []
    if (s.webhook) s.webhook.headers ??= []
    if (s.steps) normalize(s.steps)
  }
  return steps
}
