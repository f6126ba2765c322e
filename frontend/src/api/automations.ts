import * as API from '../../wailsjs/go/app/AutomationsAPI'
import * as Runs from '../../wailsjs/go/app/RunsAPI'
import { EventsOn } from '../../wailsjs/runtime/runtime'
import { app, core, tracker } from '../../wailsjs/go/models'
import { call } from './errors'

export type Automation = core.Automation
export type Step = core.Step
export type Run = core.Run
export type StepResult = core.StepResult
export type StatType = tracker.StatType
export type AutomationPreset = tracker.AutomationPreset
export type PullPreview = app.PullPreview
export type ImportPlan = app.ImportPlan
export type ImportResult = app.ImportResult
export type ImportClash = app.ImportClash

/** What an import does with a record whose name is already in use. */
export type ClashPolicy = 'rename' | 'replace' | 'skip'

/** A run's progress, as the engine reports it. */
export interface RunEvent {
  runId: number
  status: string
  stepId: string
  step: string
  message: string
  done: number
  total: number
  finished: boolean
}

export const listAutomations = () => call(API.List())
export const saveAutomation = (a: object) => call(API.Save(core.Automation.createFrom(a)))
export const checkAutomation = (a: object) => call(API.Check(core.Automation.createFrom(a)))
export const duplicateAutomation = (id: number) => call(API.Duplicate(id))
export const deleteAutomation = (id: number) => call(API.Delete(id))
export const automationPresets = (connectionId: number) => call(API.Presets(connectionId))
export const automationFromPreset = (presetId: string, connectionId: number) => call(API.FromPreset(presetId, connectionId))
export const statTypes = (connectionId: number) => call(API.StatTypes(connectionId))
export const testPull = (cfg: object) => call(API.TestPull(core.StatsConfig.createFrom(cfg)))
export const planImport = (text: string) => call(API.PlanImport(text))
export const importFile = (text: string, onClash: ClashPolicy) => call(API.Import(text, onClash))
export const startRun = (id: number, dryRun: boolean) => call(API.Run(id, dryRun))
export const cancelRun = (runId: number) => call(API.Cancel(runId))
export const listRuns = (automationId: number, status: string, limit: number) =>
  call(Runs.List(core.RunFilter.createFrom({ automationId, status, limit })))
export const getRun = (id: number) => call(Runs.Get(id))
export const approveRun = (id: number, reason: string) => call(Runs.Approve(id, reason))
export const rejectRun = (id: number, reason: string) => call(Runs.Reject(id, reason))

/** Subscribes to run progress; returns the unsubscribe function. */
export function onRunProgress(fn: (ev: RunEvent) => void): () => void {
  return EventsOn('run:progress', fn)
}
