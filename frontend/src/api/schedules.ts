import * as Auto from '../../wailsjs/go/gui/AutomationsAPI'
import * as Settings from '../../wailsjs/go/gui/SettingsAPI'
import { EventsOn } from '../../wailsjs/runtime/runtime'
import { core } from '../../wailsjs/go/models'
import { call } from './errors'

/** One coming slot: its time in the schedule's zone and in local time, for people. */
export interface SlotTime {
  at: string
  local: string
}

/** A schedule in words and its next slots. */
export interface SchedulePreview {
  description: string
  next: SlotTime[] | null
}

/** Where an automation's schedule stands: its next slot, its last run, slots missed or skipped. */
export interface ScheduleState {
  automationId: number
  enabled: boolean
  next: string
  lastSlot: string
  lastRunId: number
  lastStatus: string
  missed: number
  skipped: number
}

/** What closing the window does while schedules are on. */
export type CloseBehaviour = 'background' | 'quit' | 'ask'

export const previewSchedule = (s: object) => call(Auto.PreviewSchedule(core.Schedule.createFrom(s))) as Promise<SchedulePreview>
export const scheduleStates = () => call(Auto.ScheduleStates()) as Promise<ScheduleState[] | null>
export const defaultScheduleTimezone = (a: object) => call(Auto.DefaultScheduleTimezone(core.Automation.createFrom(a)))
export const schedulesPaused = () => call(Settings.SchedulesPaused())
export const setSchedulesPaused = (paused: boolean) => call(Settings.SetSchedulesPaused(paused))
export const closeBehaviour = () => call(Settings.CloseBehaviour()) as Promise<CloseBehaviour>
export const setCloseBehaviour = (b: CloseBehaviour) => call(Settings.SetCloseBehaviour(b))
export const quitApp = () => call(Settings.Quit())

/** Subscribes to requests to show a run (a clicked notification); returns the unsubscribe function. */
export function onOpenRun(fn: (runId: number) => void): () => void {
  return EventsOn('app:open-run', fn)
}
