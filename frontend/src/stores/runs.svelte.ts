import { getRun, listRuns, onRunProgress, type Run, type RunEvent } from '../api/automations'
import { fingerprint } from '../lib/draft'

/** A run started from the Automations page, followed while it goes and
 * kept after it ends, so its progress and result survive leaving the page. */
export interface LiveRun {
  runId: number
  dry: boolean
  /** The last progress event. */
  last: RunEvent | null
  /** The last event of a loop (it carries item counts). */
  loop: RunEvent | null
  /** The run as recorded, once it has ended or paused. */
  run: Run | null
  /** The fingerprint of the steps as the builder started the run. */
  steps: string
}

class RunsStore {
  /** How many runs wait for someone to approve or reject them. */
  waiting = $state(0)
  /** The latest run started from the builder, by automation ID. */
  live = $state<Record<number, LiveRun>>({})
  /** The latest dry run of each automation seen in this window, the
   * writes it held back and the fingerprint of the steps it ran, by
   * automation ID, for the Run now question. */
  lastDry = $state<Record<number, { runId: number; held: number; steps: string }>>({})
  #off: (() => void) | null = null
  #offLive: (() => void) | null = null

  /** Recounts the runs waiting for approval. */
  async countWaiting() {
    try {
      this.waiting = ((await listRuns(0, 'waiting_approval', 100)) ?? []).filter((r) => r.status === 'waiting_approval').length
    } catch {
      /* the badge keeps its last count */
    }
  }

  /** Counts now, and again whenever a run changes status; call once. */
  watch(onChange?: () => void) {
    this.countWaiting()
    this.#off ??= onRunProgress((ev) => {
      if (ev.finished || ev.status === 'waiting_approval') {
        this.countWaiting()
        onChange?.()
      }
    })
  }

  /** Follows a run just started for an automation (of the steps given),
   * replacing its last one. */
  start(automationId: number, runId: number, dry: boolean, steps: unknown = []) {
    this.live[automationId] = { runId, dry, last: null, loop: null, run: null, steps: fingerprint(steps) }
    this.#offLive ??= onRunProgress((ev) => this.#progress(ev))
    this.refresh(automationId)
  }

  /** Reads an automation's live run again (a page coming back to it may
   * have missed its end); a run still going stays followed by events. */
  async refresh(automationId: number) {
    const live = this.live[automationId]
    if (!live || live.run) return
    try {
      const r = await getRun(live.runId)
      if (r.status !== 'running' && this.live[automationId]?.runId === r.id) this.#ended(automationId, r)
    } catch {
      /* events keep it up to date */
    }
  }

  /** Forgets an automation's live run (its panel was closed). */
  dismiss(automationId: number) {
    delete this.live[automationId]
  }

  async #progress(ev: RunEvent) {
    const id = Object.keys(this.live).map(Number).find((k) => this.live[k].runId === ev.runId)
    if (id === undefined) return
    const live = this.live[id]
    live.last = ev
    if (ev.total) live.loop = ev
    if (ev.finished || ev.status === 'waiting_approval') {
      const r = await getRun(ev.runId).catch(() => null)
      if (r && this.live[id]?.runId === r.id) this.#ended(id, r)
    }
  }

  /** Keeps the record of a run that ended (or paused), and for a dry
   * run the writes it held back. */
  #ended(automationId: number, r: Run) {
    this.live[automationId].run = r
    if (r.dryRun && r.status !== 'waiting_approval') {
      this.lastDry[automationId] = { runId: r.id, held: r.writes?.notSent ?? 0, steps: this.live[automationId].steps }
    }
  }

  /** The latest dry run of an automation, when it ran the steps given (an
   * edit since makes its count say nothing about the next run). */
  dryOf(automationId: number, steps: unknown): { runId: number; held: number } | null {
    const d = this.lastDry[automationId]
    return d && d.steps === fingerprint(steps) ? d : null
  }
}

/** What the app keeps about runs outside Runs & Logs: the approval count
 * and the runs started from the builder. */
export const runs = new RunsStore()
