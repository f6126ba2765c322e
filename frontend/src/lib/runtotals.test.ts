import { describe, expect, it } from 'vitest'
import { itemStatusWord, itemTotals, itemsText, writesText } from './runtotals'

const c = (succeeded: number, failed: number, skipped: number, unknown = 0) => ({ total: succeeded + failed + skipped + unknown, succeeded, failed, skipped, unknown })

describe('itemsText', () => {
  it.each([
    ['a real run', c(72, 0, 254), false, '326 items: 72 succeeded, 0 failed, 254 skipped'],
    ['a dry run says what would happen', c(72, 0, 254), true, '326 items: 72 would succeed, 0 failed, 254 skipped'],
    ['unknown outcomes are named', c(1, 0, 0, 2), false, '3 items: 1 succeeded, 0 failed, 2 unknown, 0 skipped'],
    ['one item', c(1, 0, 0), false, '1 item: 1 succeeded, 0 failed, 0 skipped'],
    ['thousands are grouped', c(1200, 3, 0), false, '1,203 items: 1,200 succeeded, 3 failed, 0 skipped'],
  ])('%s', (_, counts, dry, want) => expect(itemsText(counts, dry)).toBe(want))
})

describe('writesText', () => {
  it.each([
    ['a real run', { sent: 72, notSent: 0, unknown: 0 }, false, 'Writes: 72 sent, 0 not sent'],
    ['a dry run held its writes back', { sent: 0, notSent: 72, unknown: 0 }, true, 'Writes: 0 sent, 72 held back'],
    ['unknown outcomes are left to the caller to flag', { sent: 2, notSent: 1, unknown: 1 }, false, 'Writes: 2 sent, 1 not sent'],
  ])('%s', (_, w, dry, want) => expect(writesText(w, dry)).toBe(want))
})

describe('itemStatusWord', () => {
  const words = { ok: 'ok', skipped: 'skipped', failed: 'failed' }
  it.each([
    ['ok', true, 'would succeed'], ['ok', false, 'ok'], ['skipped', true, 'skipped'], ['failed', true, 'failed'], ['odd', false, 'odd'],
  ])('%s in a dry run %s is %s', (status, dry, want) => expect(itemStatusWord(status, dry, words)).toBe(want))
})

describe('itemTotals', () => {
  it('adds up the top-level loops only', () => {
    const run = { dryRun: false, steps: [{ label: '1' }, { label: '2', items: c(2, 1, 3) }, { label: '2.1', items: c(9, 9, 9) }, { label: '3', items: c(1, 0, 0, 1) }] }
    expect(itemTotals(run)).toEqual({ total: 8, succeeded: 3, failed: 1, skipped: 3, unknown: 1 })
  })
  it('a run without a loop has no item totals', () => expect(itemTotals({ dryRun: true, steps: [{ label: '1' }] })).toBeNull())
})
