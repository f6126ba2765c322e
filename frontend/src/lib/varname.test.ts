import { describe, expect, it } from 'vitest'
import { nameParts } from './varname'

describe('nameParts', () => {
  it.each([
    ['items_succeeded', ['{items_', 'succeeded}']],
    ['payout_action_1', ['{payout_', 'action_', '1}']],
    ['item.country', ['{item.', 'country}']],
    ['row_count', ['{row_', 'count}']],
    ['x', ['{x}']],
  ])('%s', (name, parts) => {
    expect(nameParts(name)).toEqual(parts)
    expect(nameParts(name).join('')).toBe(`{${name}}`)
  })
})
