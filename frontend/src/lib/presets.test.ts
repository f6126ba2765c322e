import { describe, expect, it } from 'vitest'
import { flatten, groupPresets, moveActive, presetMatches } from './presets'

const p = (id: string, platform: string, name: string, method: string, path: string) => ({ id, platform, name, description: '', template: { method, path } })
const list = [
  p('a', 'impact', 'List actions', 'GET', '/Actions'),
  p('b', 'affise_admin', 'List offers', 'GET', '/3.0/offers'),
  p('c', 'impact', 'Reverse an action', 'DELETE', '/Actions'),
]
const titles: Record<string, string> = { impact: 'impact.com', affise_admin: 'Affise (admin)' }
const titleOf = (id: string) => titles[id] ?? id

describe('groupPresets', () => {
  it('groups by platform in first-seen order', () => {
    const g = groupPresets(list, '', titleOf)
    expect(g.map((x) => `${x.title}: ${x.presets.map((y) => y.id).join('')}`)).toEqual(['impact.com: ac', 'Affise (admin): b'])
    expect(flatten(g).map((x) => x.id).join('')).toBe('acb')
  })
  it.each([
    ['delete', 'c'],
    ['offers', 'b'],
    ['affise', 'b'],
    ['impact.com list', 'a'],
    ['/actions get', 'a'],
    ['nothing', ''],
  ])('filters %s -> %s', (q, want) => expect(flatten(groupPresets(list, q, titleOf)).map((x) => x.id).join('')).toBe(want))
  it('matches the platform title as well as its id', () => expect(presetMatches(list[1], 'Affise (admin)', 'admin')).toBe(true))
})

describe('moveActive', () => {
  it.each([
    [0, 3, 1, 1],
    [2, 3, 1, 2],
    [0, 3, -1, 0],
    [-1, 3, 1, 0],
    [0, 0, 1, -1],
  ])('%d of %d by %d -> %d', (i, n, d, want) => expect(moveActive(i, n, d)).toBe(want))
})
