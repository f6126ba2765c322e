import { describe, expect, it } from 'vitest'
import { clashSummary, nameList, outcomeLines } from './imports'

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

describe('nameList', () => {
  it.each([
    [null, ''],
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C', 'D', 'E'], 'A, B, C, D and E'],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'A, B, C, D, E and 2 more'],
  ])('%j', (names, want) => {
    expect(nameList(names as string[] | null)).toBe(want)
  })
})
