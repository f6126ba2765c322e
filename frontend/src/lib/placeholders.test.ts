import { describe, expect, it } from 'vitest'
import { parsePlaceholders, pathParam, stalePathParams, syncPathParams } from './placeholders'

describe('parsePlaceholders', () => {
  it.each([
    ['/3.0/admin/partner/{affiliate_id}', ['affiliate_id'], undefined],
    ['/Actions/{ActionId}/Items/{Sku}', ['ActionId', 'Sku'], undefined],
    ['/plain/path', [], undefined],
    ['/a/{id', [], "The '{' at position 4 is never closed."],
    ['/a/id}', [], "A '}' at position 6 closes no placeholder."],
    ['/a/{affiliate id}', [], '{affiliate id} is not a valid placeholder name (use letters, digits and _).'],
    ['/a/{}', [], '{} is not a valid placeholder name (use letters, digits and _).'],
  ])('%s', (path, names, error) => {
    const got = parsePlaceholders(path)
    expect(got.names).toEqual(names)
    expect(got.error).toBe(error)
  })
})

describe('syncPathParams', () => {
  it('adds one required path parameter per new placeholder, once', () => {
    const got = syncPathParams('/x/{id}/y/{id}/{sku}', [], pathParam)
    expect(got.map((p) => [p.name, p.in, p.required])).toEqual([
      ['id', 'path', true],
      ['sku', 'path', true],
    ])
  })
  it('keeps existing parameters and returns the same array when nothing is new', () => {
    const params = [pathParam('id'), { ...pathParam('q'), in: 'query' }]
    expect(syncPathParams('/x/{id}', params, pathParam)).toBe(params)
  })
  it('adds a path parameter even when a query parameter has the name', () => {
    const params = [{ ...pathParam('id'), in: 'query' }]
    expect(syncPathParams('/x/{id}', params, pathParam)).toHaveLength(2)
  })
})

describe('stalePathParams', () => {
  it('names path parameters whose placeholder is gone', () => {
    expect(stalePathParams('/x/{a}', [pathParam('a'), pathParam('b'), { ...pathParam('c'), in: 'query' }])).toEqual(['b'])
  })
})
