import { listRuns, onRunProgress } from '../api/automations'

class RunsStore {
  /** How many runs wait for someone to approve or reject them. */
  waiting = $state(0)
  #off: (() => void) | null = null

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
}

/** What the app keeps about runs outside Runs & Logs: the approval count. */
export const runs = new RunsStore()
