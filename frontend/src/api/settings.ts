import * as API from '../../wailsjs/go/app/SettingsAPI'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type AppInfo = app.AppInfo

export const appInfo = () => call(API.Info())
export const startupError = () => call(API.StartupError())
export const setMaxResponseMB = (n: number) => call(API.SetMaxResponseMB(n))
