import { describe, expect, it } from 'vitest'
import { outcomesByStep, stepOutcome } from './stepoutcome'

const items = (succeeded: number, failed = 0, skipped = 0, unknown = 0) => ({ total: succeeded + failed + skipped + unknown, succeeded, failed, skipped, unknown })

describe('stepOutcome', () => {
  it.each([
    ['a clean loop', { stepId: 's2', status: 'ok', items: items(120) }, 'ok', '✓ 120 items'],
    ['a loop with failures', { stepId: 's2', status: 'ok', items: items(117, 3, 2) }, 'bad', '✓ 117 of 122 items · 3 failed · 2 skipped'],
    ['a dry run that skips most items counts all of them', { stepId: 's2', status: 'ok', items: items(72, 0, 254) }, 'ok', '✓ 72 of 326 items · 254 skipped'],
    ['a loop where nothing succeeded', { stepId: 's2', status: 'ok', items: items(0, 34, 87) }, 'bad', '121 items · 34 failed · 87 skipped'],
    ['a loop over nothing', { stepId: 's2', status: 'ok', items: items(0) }, 'ok', '✓ 0 items'],
    ['a loop with unknown writes', { stepId: 's2', status: 'ok', items: items(1, 0, 0, 1) }, 'warn', '✓ 1 of 2 items · 1 unknown'],
    ['one item', { stepId: 's2', status: 'ok', items: items(1) }, 'ok', '✓ 1 item'],
    ['thousands are grouped', { stepId: 's2', status: 'ok', items: items(1200) }, 'ok', '✓ 1,200 items'],
    ['a loop over nothing that failed', { stepId: 's2', status: 'failed', items: items(0) }, 'bad', 'failed'],
    ['a stats pull', { stepId: 's1', status: 'ok', rows: 48 }, 'ok', '✓ 48 rows'],
    ['a held-back write', { stepId: 's3', status: 'ok', requests: [{ notSent: true }, { notSent: true }, {}] }, 'warn', '✓ would send 2'],
    ['skipped', { stepId: 's4', status: 'skipped' }, '', 'skipped'],
    ['failed', { stepId: 's4', status: 'failed', error: 'HTTP 401' }, 'bad', 'failed'],
    ['a plain read', { stepId: 's1', status: 'ok' }, 'ok', '✓ ok'],
  ])('%s', (_, r, tone, text) => {
    const o = stepOutcome(r)
    expect([o.tone, o.text]).toEqual([tone, text])
  })
  it.each([
    ['a dry run says its items would succeed', items(72, 0, 254), '✓ 72 of 326 would succeed · 254 skipped'],
    ['every item', items(3), '✓ 3 items would succeed'],
    ['none', items(0, 0, 5), '5 items · 5 skipped'],
  ])('%s', (_, c, text) => expect(stepOutcome({ stepId: 's2', status: 'ok', items: c }, true).text).toBe(text))
  it('keeps the error as the title', () => expect(stepOutcome({ stepId: 's', status: 'failed', error: 'HTTP 401' }).title).toBe('HTTP 401'))
})

describe('outcomesByStep', () => {
  it('keys by step ID and ignores results without one', () => {
    const o = outcomesByStep([{ stepId: 's1', status: 'ok' }, { stepId: '', status: 'failed' }, { stepId: 's3', status: 'skipped' }])
    expect(Object.keys(o)).toEqual(['s1', 's3'])
  })
  it('no run, no outcomes', () => expect(outcomesByStep(null)).toEqual({}))
})
