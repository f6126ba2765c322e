import * as API from '../../wailsjs/go/app/SettingsAPI'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type AppInfo = app.AppInfo

export const appInfo = () => call(API.Info())
export const startupError = () => call(API.StartupError())
