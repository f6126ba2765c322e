import * as API from '../../wailsjs/go/gui/TemplatesAPI'
import { service, core, pick, tracker, request } from '../../wailsjs/go/models'
import { call } from './errors'

export type Template = core.ActionTemplate
export type Param = core.Param
export type Preset = tracker.Preset
export type TestResult = service.TestResult
export type JsonNode = pick.Node
export type JsonPage = pick.Page
export type RequestRecord = request.Record

export const listTemplates = () => call(API.List())
export const saveTemplate = (t: object) => call(API.Save(core.ActionTemplate.createFrom(t)))
export const duplicateTemplate = (id: number) => call(API.Duplicate(id))
export const deleteTemplate = (id: number) => call(API.Delete(id))
export const listPresets = (connectionId: number) => call(API.Presets(connectionId))
export const templateFromPreset = (presetId: string, connectionId: number) => call(API.FromPreset(presetId, connectionId))
export const testTemplate = (template: object, values: Record<string, string>, confirmed: boolean) =>
  call(API.Test(service.TestInput.createFrom({ template, values, confirmed })))
export const responseNodes = (responseId: string, segments: unknown[], offset: number, limit: number) =>
  call(API.ResponseNodes(responseId, segments, offset, limit))

export type Rule = core.Rule
export type ExchangeView = service.ExchangeView
export const endpointRules = (platform: string, method: string, path: string) => call(API.Rules(platform, method, path))

export type SourcePlan = service.SourcePlan
export type SourceCandidate = service.SourceCandidate
export type SourceImportResult = service.ImportResult
export const importKinds = () => call(API.ImportKinds())
export const planSourceImport = (kind: string, text: string) => call(API.PlanSourceImport(kind, text))
export const importSource = (kind: string, text: string, keys: string[], onClash: string) =>
  call(API.ImportSource(kind, text, keys, onClash))
export const copyTemplateAsCurl = (id: number, values: Record<string, string>, reveal: boolean) =>
  call(API.CopyAsCurl(id, values, reveal))

export type JsonMatches = pick.Matches
export type RawBody = service.RawBody
export const searchResponse = (responseId: string, query: string, max: number) => call(API.SearchResponse(responseId, query, max))
export const responseRaw = (responseId: string, limit: number) => call(API.ResponseRaw(responseId, limit))
