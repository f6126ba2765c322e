import { describe, expect, it } from 'vitest'
import { clashSummary, outcomeLines } from './imports'

describe('outcomeLines', () => {
  it('lists only the kinds and actions that happened', () => {
    const none = { added: [], replaced: null, skipped: [] }
    expect(
      outcomeLines({
        connections: { added: ['A'], replaced: [], skipped: ['B', 'C'] },
        templates: none,
        automations: { added: ['W (2)', 'X'], replaced: ['Y'], skipped: null },
      }),
    ).toEqual(['Connections: 1 added, 2 skipped', 'Automations: 2 added, 1 replaced'])
  })
})

describe('clashSummary', () => {
  it('counts clashes per kind', () => {
    expect(clashSummary([{ kind: 'connection' }, { kind: 'automation' }, { kind: 'connection' }])).toBe('2 connections, 1 automation')
    expect(clashSummary(null)).toBe('')
  })
})
