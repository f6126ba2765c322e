import * as api from '../api/schedules'
import type { AppError } from '../api/errors'

class SchedulesStore {
  /** Each scheduled automation's state, by automation ID. */
  states = $state<Record<number, api.ScheduleState>>({})
  paused = $state(false)
  loadError = $state('')

  /** Reloads the states and the global pause. */
  async load() {
    try {
      const [states, paused] = await Promise.all([api.scheduleStates(), api.schedulesPaused()])
      this.states = Object.fromEntries((states ?? []).map((s) => [s.automationId, s]))
      this.paused = paused
      this.loadError = ''
    } catch (e) {
      this.loadError = (e as AppError).message
    }
  }

  /** Pauses or resumes every schedule, then reloads. */
  async setPaused(paused: boolean) {
    await api.setSchedulesPaused(paused)
    await this.load()
  }
}

/** Where each schedule stands, and whether all are paused. */
export const schedules = new SchedulesStore()
