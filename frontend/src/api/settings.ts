import * as API from '../../wailsjs/go/app/SettingsAPI'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type AppInfo = app.AppInfo

export const appInfo = () => call(API.Info())
export const startupError = () => call(API.StartupError())
export const setMaxResponseMB = (n: number) => call(API.SetMaxResponseMB(n))
export const setRateWaitMinutes = (n: number) => call(API.SetRateWaitMinutes(n))
export type SMTPSettings = app.SMTPSettings
export type OutboxMessage = app.OutboxMessage
export type Retention = app.Retention
export const smtpSettings = () => call(API.SMTP())
export const saveSMTP = (s: object) => call(API.SaveSMTP(app.SMTPSettings.createFrom(s)))
export const testSMTP = (to: string) => call(API.TestSMTP(to))
export const outbox = () => call(API.Outbox())
export const retention = () => call(API.Retention())
export const setRetention = (r: object) => call(API.SetRetention(app.Retention.createFrom(r)))
export type BackupStatus = app.BackupStatus
export type BackupFile = app.BackupFile
export const backups = () => call(API.Backups())
export const backUpNow = () => call(API.BackUpNow())
export type HookSettings = app.HookSettings
export const hookSettings = () => call(API.Hooks())
export const saveHookSettings = (h: object) => call(API.SaveHooks(app.HookSettings.createFrom(h)))
