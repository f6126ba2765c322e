import { describe, expect, it } from 'vitest'
import { highlight, isAncestor, matchLabel, rangeFor, samePath, stepMatch } from './treeSearch'

describe('highlight', () => {
  it('marks every occurrence, ignoring case, and keeps the text whole', () => {
    const parts = highlight('Payout payOUT x', 'payout')
    expect(parts.map((p) => p.text).join('')).toBe('Payout payOUT x')
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Payout', 'payOUT'])
  })
  it('marks nothing without a query or a hit', () => {
    expect(highlight('abc', '')).toEqual([{ text: 'abc', hit: false }])
    expect(highlight('abc', 'z')).toEqual([{ text: 'abc', hit: false }])
    expect(highlight('', 'z')).toEqual([{ text: '', hit: false }])
  })
})

describe('stepMatch', () => {
  it.each([
    [-1, 3, false, 0],
    [-1, 3, true, 2],
    [0, 3, false, 1],
    [2, 3, false, 0],
    [0, 3, true, 2],
    [1, 0, false, -1],
  ])('from %d of %d (back %s) -> %d', (cur, n, back, want) => expect(stepMatch(cur, n, back)).toBe(want))
})

describe('matchLabel', () => {
  it('says n of m, no match, and when only the first are listed', () => {
    expect(matchLabel(0, 3, 3)).toBe('1 of 3')
    expect(matchLabel(-1, 0, 0)).toBe('No match')
    expect(matchLabel(4, 2000, 5000)).toBe('5 of 5000 (first 2000 listed)')
  })
})

describe('paths', () => {
  it('knows ancestors and equal paths', () => {
    expect(isAncestor([], ['a'])).toBe(true)
    expect(isAncestor(['a', 1], ['a', 1, 'b'])).toBe(true)
    expect(isAncestor(['a', 2], ['a', 1, 'b'])).toBe(false)
    expect(isAncestor(['a'], ['a'])).toBe(false)
    expect(isAncestor(['a'], undefined)).toBe(false)
    expect(samePath(['a', 1], ['a', 1])).toBe(true)
    expect(samePath(['a', 1], ['a', 2])).toBe(false)
  })
})

describe('rangeFor', () => {
  it('keeps a range that holds the child', () => expect(rangeFor(5, 0, 100, 500, 100)).toEqual([0, 100]))
  it('grows a range to a near child', () => expect(rangeFor(120, 0, 100, 500, 100)).toEqual([0, 146]))
  it('jumps to a far child without loading what lies between', () => expect(rangeFor(4000, 0, 100, 20000, 100)).toEqual([3975, 4075]))
  it('stays inside the list', () => expect(rangeFor(19999, 0, 100, 20000, 100)).toEqual([19900, 20000]))
})
