import * as API from '../../wailsjs/go/gui/ConnectionsAPI'
import { service, core, tracker } from '../../wailsjs/go/models'
import { call } from './errors'

export type Connection = core.Connection
export type ConnectionInput = core.ConnectionInput
export type CheckResult = core.CheckResult
export type Platform = tracker.Platform
export type PlatformField = tracker.Field
export type ConnectionUse = service.ConnectionUse

export const listConnections = () => call(API.List())
export const listPlatforms = () => call(API.Platforms())
export const checkConnection = (input: object) => call(API.Check(core.ConnectionInput.createFrom(input)))
export const saveConnection = (input: object) => call(API.Save(core.ConnectionInput.createFrom(input)))
export const duplicateConnection = (id: number) => call(API.Duplicate(id))
export const connectionUsage = (id: number) => call(API.Usage(id))
export const deleteConnection = (id: number, force: boolean) => call(API.Delete(id, force))
