import { describe, expect, it } from 'vitest'
import { itemReason } from './items'

describe('itemReason', () => {
  const cond = { warnings: ['Condition not met: "87.50" is not greater than "150".'] }
  it.each([
    ['an error wins', { status: 'failed', error: 'HTTP 400', steps: [cond] }, 'HTTP 400'],
    ['a skipped item gives its condition', { status: 'skipped', steps: [{ warnings: null }, cond] }, cond.warnings[0]],
    ['a skipped item with a reason keeps it', { status: 'skipped', error: 'not tried: the run was cancelled', steps: [cond] }, 'not tried: the run was cancelled'],
    ['other warnings are not reasons', { status: 'skipped', steps: [{ warnings: ['Rate limited'] }] }, ''],
    ['a succeeded item has none', { status: 'ok', steps: [cond] }, ''],
    ['no steps', { status: 'skipped', steps: null }, ''],
  ])('%s', (_, item, want) => {
    expect(itemReason(item)).toBe(want)
  })
})
