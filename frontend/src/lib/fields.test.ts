import { describe, expect, it } from 'vitest'
import { defaultSettings, fieldVisible, searchTimezones } from './fields'

const keyField = { key: 'api_key', kind: 'secret', default: '', showIf: { key: 'auth_mode', values: ['header', 'query'] } }

describe('fieldVisible', () => {
  it.each([
    [{ auth_mode: 'header' }, true],
    [{ auth_mode: 'query' }, true],
    [{ auth_mode: 'basic' }, false],
    [{}, false],
  ])('%o -> %s', (settings, want) => expect(fieldVisible(keyField, settings)).toBe(want))
  it('shows a field with no condition', () => {
    expect(fieldVisible({ key: 'base_url', kind: 'url', default: '' }, {})).toBe(true)
  })
})

describe('defaultSettings', () => {
  it('takes non-secret defaults only', () => {
    const got = defaultSettings([
      { key: 'base_url', kind: 'url', default: 'https://api.eflow.team' },
      { key: 'api_key', kind: 'secret', default: 'never' },
      { key: 'name', kind: 'text', default: '' },
    ])
    expect(got).toEqual({ base_url: 'https://api.eflow.team' })
  })
})

describe('searchTimezones', () => {
  const all = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin']
  it.each([
    ['', all],
    ['new york', ['America/New_York']],
    ['AMERICA', ['America/New_York', 'America/Los_Angeles']],
    ['berlin europe', ['Europe/Berlin']],
    ['mars', []],
  ])('%s', (q, want) => expect(searchTimezones(all, q)).toEqual(want))
})
