import { describe, expect, it } from 'vitest'
import { countOf, formatDuration, formatSize, localInputToISO, statusTone } from './format'

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [64 * 1024 * 1024, '64 MiB'],
  ])('%d -> %s', (n, want) => expect(formatSize(n)).toBe(want))
})

describe('formatDuration', () => {
  it.each([
    [85, '85 ms'],
    [1234, '1.2 s'],
    [125_000, '2 min 5 s'],
  ])('%d -> %s', (n, want) => expect(formatDuration(n)).toBe(want))
})

describe('statusTone', () => {
  it.each([
    [200, 'ok'],
    [204, 'ok'],
    [302, 'warn'],
    [404, 'warn'],
    [500, 'bad'],
    [0, 'bad'],
  ])('%d -> %s', (s, want) => expect(statusTone(s)).toBe(want))
})

describe('localInputToISO', () => {
  it.each([
    ['2024-01-31T09:30', '2024-01-31T09:30:00Z'],
    ['2024-01-31T09:30:15', '2024-01-31T09:30:15Z'],
    ['', ''],
    ['garbage', 'garbage'],
  ])('%s -> %s', (v, want) => expect(localInputToISO(v)).toBe(want))
})

describe('countOf', () => {
  it.each([
    [0, 'template', '0 templates'],
    [1, 'connection', '1 connection'],
    [2, 'automation', '2 automations'],
    [1200, 'template', '1,200 templates'],
  ])('%i %s', (n, noun, want) => {
    expect(countOf(n, noun)).toBe(want)
  })
})
