import { describe, expect, it } from 'vitest'
import { curlExample, hookVars, parseFields } from './hooks'
import { availableAt } from './variables'

describe('webhook trigger', () => {
  const hook = { enabled: true, token: 't', fields: ['amount', 'order id', 'order_id'] }
  it('offers webhook_body and valid fields only', () => expect(hookVars(hook)).toEqual(['webhook_body', 'webhook_amount', 'webhook_order_id']))
  it('offers nothing when off', () => expect(hookVars({ ...hook, enabled: false })).toEqual([]))
  it('adds them to every step after the built-ins', () => {
    const steps = [{ id: 's1', kind: 'condition' }, { id: 's2', kind: 'for_each', steps: [{ id: 's3', kind: 'send_webhook' }] }]
    const vars = availableAt(steps, 's3', () => [], hookVars(hook))
    expect(vars.slice(0, 7)).toEqual(['run_date', 'run_time', 'run_id', 'automation_name', 'webhook_body', 'webhook_amount', 'webhook_order_id'])
  })
  it('splits typed fields', () => expect(parseFields(' amount, order_id  amount ')).toEqual(['amount', 'order_id']))
  it('shows the secret header, never a value', () => {
    const c = curlExample('http://127.0.0.1:17380/hooks/abc', { ...hook, secretHeader: 'X-AffDesk-Secret', secret: 'secret:webhook/0123456789abcdef#••••' })
    expect(c).toContain("-H 'X-AffDesk-Secret: YOUR-SECRET'")
    expect(c).toContain(`-d '{"amount":"…","order_id":"…"}'`)
    expect(c).not.toContain('secret:webhook')
  })
})
