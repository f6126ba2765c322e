import { describe, expect, it } from 'vitest'
import { wrapTarget } from './focus'

describe('wrapTarget', () => {
  const items = ['a', 'b', 'c']
  it.each([
    ['Tab from the last wraps to the first', 'c', false, 'a'],
    ['Shift+Tab from the first wraps to the last', 'a', true, 'c'],
    ['Tab in the middle is left to the browser', 'b', false, null],
    ['Shift+Tab in the middle is left to the browser', 'b', true, null],
    ['focus outside comes back to the first', null, false, 'a'],
    ['focus outside comes back to the last going back', 'z', true, 'c'],
  ])('%s', (_, current, back, want) => {
    expect(wrapTarget(items, current as string | null, back as boolean)).toBe(want)
  })
  it('has nowhere to go in an empty dialog', () => {
    expect(wrapTarget([], null, false)).toBeNull()
  })
})
