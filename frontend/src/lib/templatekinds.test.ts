import { describe, expect, it } from 'vitest'
import { kindForStep, templateChoices, templateKind } from './templatekinds'

const list = [
  { id: 1, kind: 'get', method: 'GET' },
  { id: 2, kind: 'edit', method: 'DELETE' },
  { id: 3, kind: 'add', method: 'POST' },
  { id: 4, kind: 'edit', method: 'POST' },
]
const ids = (ts: { id: number }[]) => ts.map((t) => t.id)

describe('templateChoices', () => {
  it.each([
    ['a Get step lists reads only', 'action_get', 0, [1], null, [2, 3, 4]],
    ['an Edit step lists changing templates, whatever their method', 'action_edit', 0, [2, 4], null, [1, 3]],
    ['an Add step lists creating templates', 'action_add', 0, [3], null, [1, 2, 4]],
    ['a Get step bound to a DELETE template keeps it, apart', 'action_get', 2, [1], 2, [3, 4]],
    ['a step bound to a template of its kind has nothing apart', 'action_edit', 4, [2, 4], null, [1, 3]],
  ])('%s', (_, kind, bound, fit, apart, other) => {
    const c = templateChoices(list, kind, bound)
    expect([ids(c.fit), c.bound?.id ?? null, ids(c.other)]).toEqual([fit, apart, other])
  })
})

describe('templateKind', () => {
  it('uses the saved kind', () => expect(templateKind({ id: 1, kind: 'add', method: 'POST' })).toBe('add'))
  it.each([['GET', 'get'], ['POST', 'edit'], ['DELETE', 'edit']])('a record without a kind: %s is %s', (method, kind) =>
    expect(templateKind({ id: 1, kind: '', method })).toBe(kind))
})

describe('kindForStep', () => {
  it('maps action steps and nothing else', () =>
    expect(['action_get', 'action_edit', 'action_add', 'condition'].map(kindForStep)).toEqual(['get', 'edit', 'add', '']))
})
