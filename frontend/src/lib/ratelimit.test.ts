import { describe, expect, it } from 'vitest'
import { customStart, describeLimit, limitFor, limitInForce, limitMode } from './ratelimit'

const impact = { requests: 1000, per: 'hour' }

describe('limitMode', () => {
  it.each([
    [undefined, 'default'],
    [{ requests: 0, per: '' }, 'default'],
    [{ requests: 5, per: 'second' }, 'custom'],
    [{ requests: 0, per: '', off: true }, 'off'],
    [{ requests: 5, per: 'second', off: true }, 'off'],
  ])('%j -> %s', (l, want) => expect(limitMode(l)).toBe(want))
})

describe('limitFor', () => {
  it('saves Off for "No limit", not a zero that means the default', () => {
    expect(limitFor('off', 5, 'minute')).toEqual({ requests: 0, per: '', off: true })
    expect(limitFor('default', 5, 'minute')).toEqual({ requests: 0, per: '' })
    expect(limitFor('custom', 5, 'minute')).toEqual({ requests: 5, per: 'minute' })
  })
})

describe('limitInForce', () => {
  it.each([
    [{ requests: 0, per: '' }, impact, 'Max 1,000 per hour (default)'],
    [{ requests: 0, per: '' }, { requests: 0, per: '' }, 'No rate limit'],
    [{ requests: 10, per: 'second' }, impact, 'Max 10 per second'],
    [{ requests: 0, per: '', off: true }, impact, 'No rate limit'],
  ])('%j on %j -> %s', (l, d, want) => expect(limitInForce(l, d)).toBe(want))
  it('describes a limit', () => expect(describeLimit(impact)).toBe('1,000 per hour'))
})

describe('customStart', () => {
  it('starts a custom limit from the platform default, period included', () => {
    expect(customStart(impact)).toEqual({ placeholder: '1000', per: 'hour' })
    expect(customStart({ requests: 30, per: 'second' })).toEqual({ placeholder: '30', per: 'second' })
  })
  it('offers 10 per second where no limit is published', () => {
    expect(customStart(undefined)).toEqual({ placeholder: '10', per: 'second' })
    expect(customStart({ requests: 0, per: '' })).toEqual({ placeholder: '10', per: 'second' })
  })
})
