import * as API from '../../wailsjs/go/gui/AutomationsAPI'
import * as Runs from '../../wailsjs/go/gui/RunsAPI'
import { EventsOn } from '../../wailsjs/runtime/runtime'
import { service, core, tracker } from '../../wailsjs/go/models'
import { call } from './errors'

export type Automation = core.Automation
export type Step = core.Step
export type Run = core.Run
export type StepResult = core.StepResult
export type Iteration = core.Iteration
export type ItemPage = core.ItemPage
export type ItemCounts = core.ItemCounts
export type HTTPRecord = core.HTTPRecord
export type StatType = tracker.StatType
export type AutomationPreset = tracker.AutomationPreset
export type PullPreview = service.PullPreview
export type ImportPlan = service.ImportPlan
export type ImportResult = service.ImportResult
export type ImportClash = service.ImportClash

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
  /** A loop's items finished so far, by status. */
  items?: ItemCounts
  finished: boolean
}

/** What each run status is called, and its badge tone. */
export const runStatusWords: Record<string, string> = {
  completed: 'Completed', completed_with_errors: 'Completed with errors', failed: 'Failed', stopped: 'Stopped by condition',
  waiting_approval: 'Waiting for approval', running: 'Running', cancelled: 'Cancelled', interrupted: 'Interrupted',
}
export const runStatusTone: Record<string, string> = {
  completed: 'ok', completed_with_errors: 'warn errors', failed: 'bad', stopped: 'warn', waiting_approval: 'warn',
  running: 'accent', cancelled: '', interrupted: 'bad',
}

/** What an item or step status is called, and its badge tone. */
export const stepStatusWords: Record<string, string> = {
  ok: 'ok', failed: 'failed', unknown: 'unknown outcome', skipped: 'skipped', stopped: 'stopped', waiting: 'waiting',
}
export const stepStatusTone: Record<string, string> = { ok: 'ok', failed: 'bad', unknown: 'warn errors', stopped: 'warn', skipped: '', waiting: 'warn' }

/** What to do about a write whose outcome is unknown. */
export const checkTracker = 'It may or may not have been applied, and it was not resent: check in the tracker before running again.'


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
/** The export file's text of the chosen automations (every one when ids is empty). */
export const exportText = (ids: number[]) => call(API.Export(ids))
/** Asks where to save the export and writes it; resolves to the path, or '' when cancelled. */
export const exportToFile = (ids: number[]) => call(API.ExportToFile(ids))
export const startRun = (id: number, dryRun: boolean) => call(API.Run(id, dryRun))
export const cancelRun = (runId: number) => call(API.Cancel(runId))
export const listRuns = (automationId: number, status: string, limit: number, query = '', before = 0) =>
  call(Runs.List(core.RunFilter.createFrom({ automationId, status, limit, query, before })))
/** A page of runs, newest first, and where it stopped: `next` (0 when no
 * older run is left) goes in `before` to list older runs; `partial` says a
 * search stopped before filling the page, with older runs not searched yet. */
export const listRunsPage = (automationId: number, status: string, limit: number, query = '', before = 0) =>
  call(Runs.Page(core.RunFilter.createFrom({ automationId, status, limit, query, before })))
export const getRun = (id: number) => call(Runs.Get(id))
export const listItems = (runId: number, step: string, status: string, query: string, offset: number, limit: number) =>
  call(Runs.Items(core.ItemFilter.createFrom({ runId, step, status, query, offset, limit })))
export const approveRun = (id: number, reason: string) => call(Runs.Approve(id, reason))
export const rejectRun = (id: number, reason: string) => call(Runs.Reject(id, reason))

/** Subscribes to run progress; returns the unsubscribe function. */
export function onRunProgress(fn: (ev: RunEvent) => void): () => void {
  return EventsOn('run:progress', fn)
}

export type HookTrigger = core.HookTrigger
export const newHookToken = () => call(API.NewHookToken())
export const hookURLBase = () => call(API.HookURLBase())

/** A recorded request of a run as a cURL command, with the record's masks. */
export const requestAsCurl = (rec: object) => Runs.RequestAsCurl(core.HTTPRecord.createFrom(rec))
