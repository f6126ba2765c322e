import { describe, expect, it } from 'vitest'
import { availableAt, cellVar, lastKey, listCandidates, numbering, outputs, partialAt, selectionVar, type StepLike } from './variables'

describe('names mirror the Go rules', () => {
  it.each([
    ['$.Actions[0].Payout', 1, 'Payout_action_1'],
    ["$.Actions[?(@.State=='PENDING')].Id", 2, 'Id_action_2'],
    ["$['odd key']", 3, 'odd_key_action_3'],
    ['$', 1, 'value_action_1'],
    ['$.Actions[0]', 4, 'Actions_action_4'],
  ])('%s', (path, n, want) => expect(selectionVar(path, n)).toBe(want))
  it('names cells', () => {
    expect(cellVar('revenue', 2, 1)).toBe('revenue_2_stats_1')
    expect(cellVar('Conv. Rate', 1, 2)).toBe('Conv__Rate_1_stats_2')
  })
  it('reads last keys', () => expect(lastKey("$['a']['b c']")).toBe('b c'))
})

const flow: StepLike[] = [
  { id: 's1', kind: 'action_get', selections: [{ path: '$.Actions', variable: 'Actions_action_1' }] },
  { id: 's2', kind: 'for_each', over: 'Actions_action_1', itemName: 'action', steps: [
    { id: 's3', kind: 'condition' },
    { id: 's4', kind: 'action_edit' },
  ] },
  { id: 's5', kind: 'pull_stats', stats: { statType: 't', mode: 'dataset', cells: [{ variable: 'revenue_1_stats_1' }] } },
  { id: 's6', kind: 'send_email' },
]

describe('availableAt', () => {
  const numeric = () => ['revenue']
  it('offers built-ins first', () => expect(availableAt(flow, 's1', numeric)).toEqual(['run_date', 'run_time', 'run_id', 'automation_name']))
  it('offers the loop item inside the loop', () => {
    const got = availableAt(flow, 's4', numeric)
    expect(got).toContain('action')
    expect(got).toContain('action.')
    expect(got).toContain('Actions_action_1')
    expect(got).not.toContain('items_succeeded')
  })
  it('offers loop counts and dataset variables after them', () => {
    const got = availableAt(flow, 's6', numeric)
    for (const v of ['items_succeeded', 'data_table', 'total_revenue', 'revenue_1_stats_1', 'data_table_stats_1']) expect(got).toContain(v)
    expect(got).not.toContain('action')
  })
  it('numbers steps by family', () => expect(numbering(flow)).toEqual({ s1: 1, s2: 1, s3: 1, s4: 2, s5: 1, s6: 1 }))
})

describe('partialAt', () => {
  it.each([
    ['Hello {run_', 11, 'run_'],
    ['Hello {', 7, ''],
    ['Hello {run_date} x', 18, null],
    ['no brace', 8, null],
  ])('%s @%d', (text, caret, want) => expect(partialAt(text, caret)).toBe(want))
})

describe('Pull Stats outputs', () => {
  it('name the period the data covers, as Go does', () => {
    const s: StepLike = { id: 's1', kind: 'pull_stats', stats: { statType: 't', mode: 'cells', cells: [{ variable: 'revenue_1_stats_2' }] } }
    expect(outputs(s, 2, () => [])).toEqual(['date_from', 'date_to', 'date_from_stats_2', 'date_to_stats_2', 'revenue_1_stats_2'])
  })
})

describe('listCandidates', () => {
  it('offers picked fields and data tables, never dates, counts, totals or cells', () => {
    const steps: StepLike[] = [
      { id: 's1', kind: 'pull_stats', stats: { statType: 't', mode: 'dataset', cells: [{ variable: 'revenue_2_stats_1' }] } },
      { id: 's2', kind: 'action_get', selections: [{ path: '$.partners', variable: 'partners_action_1' }] },
      { id: 's3', kind: 'for_each', over: 'partners_action_1', steps: [{ id: 's4', kind: 'condition' }] },
      { id: 's5', kind: 'for_each' },
    ]
    const avail = availableAt(steps, 's5', () => ['revenue'])
    expect(avail).toContain('run_date')
    expect(listCandidates(avail)).toEqual(['data_table', 'data_table_stats_1', 'partners_action_1'])
  })
  it('inside a loop, offers the item but not its index or fields', () => {
    const steps: StepLike[] = [{ id: 's1', kind: 'for_each', itemName: 'row', steps: [{ id: 's2', kind: 'for_each' }] }]
    expect(listCandidates(availableAt(steps, 's2', () => []))).toEqual(['row'])
  })
})
