import { describe, expect, it } from 'vitest'
import { exchangeTotals, rawNote, summaryParts } from './summary'

const texts = (t: Parameters<typeof summaryParts>[0]) => summaryParts(t).map((p) => p.text).join(' · ')

describe('summaryParts', () => {
  it('shows one request exactly as its row: its own time and size', () => {
    expect(texts({ durationMs: 41, size: 399_912, requests: 1, requestMs: 21, received: 399_912 })).toBe('21 ms · 390.5 KiB')
  })
  it('names the merged body when it differs from what one request received', () => {
    expect(texts({ durationMs: 41, size: 304_128, requests: 1, requestMs: 21, received: 399_912 })).toBe('21 ms · 390.5 KiB · body 297 KiB')
  })
  it('labels several requests: count, whole call, sum received, merged size', () => {
    expect(texts({ durationMs: 41, size: 304_128, requests: 3, requestMs: 30, received: 399_360 })).toBe('3 requests · 41 ms total · 390 KiB received · 297 KiB merged')
  })
  it('says in the tooltip how long the requests themselves took', () => {
    const total = summaryParts({ durationMs: 41, size: 1, requests: 2, requestMs: 30, received: 1 })[1]
    expect(total.title).toContain('30 ms')
  })
})

describe('exchangeTotals', () => {
  it('sums the rows, and adds the whole call for several', () => {
    expect(exchangeTotals({ durationMs: 5, size: 1, requests: 1, requestMs: 4, received: 2048 })).toBe('1 request · 4 ms · 2 KiB')
    expect(exchangeTotals({ durationMs: 41, size: 1, requests: 3, requestMs: 30, received: 2048 })).toBe('3 requests · 30 ms · 2 KiB; the whole call took 41 ms')
  })
})

describe('rawNote', () => {
  it('is empty when everything shows, and names both sizes otherwise', () => {
    expect(rawNote(10, 10)).toBe('')
    expect(rawNote(262_144, 20 * 1024 * 1024)).toBe('Showing the first 256 KiB of 20 MiB. Copy copies all of it.')
  })
})
