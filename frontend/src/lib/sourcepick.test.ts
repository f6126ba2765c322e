import { describe, expect, it } from 'vitest'
import { filterCandidates, tagsOf, toggleTag } from './sourcepick'

const list = [
  { key: 'a', name: 'List partners', method: 'GET', path: '/partners', tags: ['Partners'] },
  { key: 'b', name: 'Edit partner', method: 'POST', path: '/partner/{id}', tags: ['Partners', 'Writes'] },
  { key: 'c', name: 'Stats', method: 'GET', path: '/stats', tags: [] },
]

describe('source pick list', () => {
  it('filters on every word across name, method, path and tags', () => {
    expect(filterCandidates(list, 'partner post').map((c) => c.key)).toEqual(['b'])
    expect(filterCandidates(list, 'writes').map((c) => c.key)).toEqual(['b'])
    expect(filterCandidates(list, '').length).toBe(3)
  })
  it('lists tags once, sorted', () => {
    expect(tagsOf(list)).toEqual(['Partners', 'Writes'])
  })
  it('selects a whole tag, and clears it when all were picked', () => {
    const on = toggleTag(list, new Set(['c']), 'Partners')
    expect([...on].sort()).toEqual(['a', 'b', 'c'])
    expect([...toggleTag(list, on, 'Partners')]).toEqual(['c'])
  })
})
