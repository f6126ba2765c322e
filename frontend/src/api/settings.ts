import * as API from '../../wailsjs/go/gui/SettingsAPI'
import { gui, service } from '../../wailsjs/go/models'
import { EventsOn } from '../../wailsjs/runtime/runtime'
import { call } from './errors'

export type AppInfo = service.AppInfo

export const appInfo = () => call(API.Info())
export const startupError = () => call(API.StartupError())
export const setMaxResponseMB = (n: number) => call(API.SetMaxResponseMB(n))
/** Tells the window whether an editor holds unsaved changes, so closing it asks first. */
export const setUnsaved = (unsaved: boolean) => call(API.SetUnsaved(unsaved))
export const setRateWaitMinutes = (n: number) => call(API.SetRateWaitMinutes(n))
export type SMTPSettings = service.SMTPSettings
export type OutboxMessage = service.OutboxMessage
export type Retention = service.Retention
export const smtpSettings = () => call(API.SMTP())
export const saveSMTP = (s: object) => call(API.SaveSMTP(service.SMTPSettings.createFrom(s)))
export const testSMTP = (to: string) => call(API.TestSMTP(to))
export const outbox = () => call(API.Outbox())
export const retention = () => call(API.Retention())
/** The data file's size on disk, its bytes in use, and how many runs it stores. */
export const historySize = () => call(API.HistorySize())
export const setRetention = (r: object) => call(API.SetRetention(service.Retention.createFrom(r)))
export type BackupStatus = service.BackupStatus
export type BackupFile = service.BackupFile
export const backups = () => call(API.Backups())
export const backUpNow = () => call(API.BackUpNow())
export type HookSettings = service.HookSettings
export const hookSettings = () => call(API.Hooks())
export const saveHookSettings = (h: object) => call(API.SaveHooks(service.HookSettings.createFrom(h)))
export type NumberFormatChoice = gui.NumberFormatChoice
/** How emails, tables and previews write numbers, and the formats offered. */
export const numberFormat = () => call(API.NumberFormat())
export const setNumberFormat = (f: string) => call(API.SetNumberFormat(f))

/** Subscribes to the window's request to settle unsaved changes before quitting; returns the unsubscribe function. */
export function onConfirmQuit(fn: () => void): () => void {
  return EventsOn('app:confirm-quit', fn)
}
