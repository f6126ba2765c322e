import { describe, expect, it } from 'vitest'
import { hostOf, writePlan, writes } from './runwrites'
import type { EditableStep } from './steps'

const templates = [
  { id: 1, name: 'List actions', method: 'GET', connectionId: 1 },
  { id: 2, name: 'Reverse action', method: 'PUT', connectionId: 1 },
  { id: 3, name: 'Add note', method: 'post', connectionId: 2 },
]
const connections: { id: number; name: string; settings: Record<string, string> }[] = [
  { id: 1, name: 'Acme impact', settings: { base_url: 'https://api.impact.com' } },
  { id: 2, name: 'Demo', settings: {} },
]
const tpl = (id?: number) => templates.find((t) => t.id === id)
const conn = (id?: number) => connections.find((c) => c.id === id)
const step = (s: Partial<EditableStep>): EditableStep => ({ id: 's', kind: 'action_get', name: '', continueOnError: false, ...s })

describe('writePlan', () => {
  it('a read-only automation writes nothing', () => {
    const p = writePlan([step({ templateId: 1 }), step({ kind: 'condition' })], tpl, conn)
    expect(writes(p)).toBe(false)
  })
  it('counts writes inside loops, names connections with hosts once', () => {
    const p = writePlan([
      step({ templateId: 1 }),
      step({ kind: 'for_each', steps: [step({ kind: 'action_edit', templateId: 2 }), step({ kind: 'action_add', templateId: 3 })] }),
      step({ kind: 'action_edit', templateId: 2 }),
    ], tpl, conn)
    expect(p.writeSteps).toBe(3)
    expect(p.connections).toEqual(['Acme impact (api.impact.com)', 'Demo'])
    expect(writes(p)).toBe(true)
  })
  it('an edit step without a template still counts as a write', () => {
    expect(writePlan([step({ kind: 'action_edit' })], tpl, conn).connections).toEqual(['no connection chosen'])
  })
  it('lists every recipient and webhook host once', () => {
    const p = writePlan([
      step({ kind: 'send_email', email: { to: 'a@x.com; b@x.com', cc: 'a@x.com\n{boss}', subject: '', html: '' } }),
      step({ kind: 'send_webhook', webhook: { url: 'https://hooks.slack.com/services/T/B', method: 'POST', headers: [], bodyKind: 'json', body: '' } }),
      step({ kind: 'send_webhook', webhook: { url: '{hook_url}', method: 'POST', headers: [], bodyKind: 'json', body: '' } }),
    ], tpl, conn)
    expect(p.recipients).toEqual(['a@x.com', 'b@x.com', '{boss}'])
    expect(p.emailSteps).toBe(1)
    expect(p.webhookSteps).toBe(2)
    expect(p.webhookHosts).toEqual(['hooks.slack.com', '{hook_url}'])
  })
})

describe('hostOf', () => {
  it.each([
    ['https://api.impact.com/Advertisers', 'api.impact.com'],
    ['http://127.0.0.1:8080/x', '127.0.0.1:8080'],
    ['{base}/x', ''],
    ['not a url', ''],
    [undefined, ''],
  ])('%s', (url, want) => expect(hostOf(url)).toBe(want))
})
