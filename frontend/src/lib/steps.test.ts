import { describe, expect, it } from 'vitest'
import { allSteps, labelOf, locate, move, moveBefore, newStep, nextId, normalize, remove, withoutBlankRules, type EditableStep } from './steps'

function tree(): EditableStep[] {
  const loop = newStep('for_each', 's2')
  loop.steps = [newStep('condition', 's3'), newStep('action_edit', 's4')]
  return [newStep('action_get', 's1'), loop, newStep('send_email', 's5')]
}

describe('step tree edits', () => {
  it('numbers new steps after the highest ID, nested ones counted', () => expect(nextId(tree())).toBe('s6'))
  it('never takes an ID the caller says is taken (a deleted step undo can bring back, a run result)', () =>
    expect(nextId(tree(), ['s9', 'x', 's7'])).toBe('s10'))
  it('walks depth first', () => expect(allSteps(tree()).map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']))
  it('labels nested steps', () => {
    expect(labelOf(tree(), 's4')).toBe('2.2')
    expect(labelOf(tree(), 's5')).toBe('3')
    expect(labelOf(tree(), 'zz')).toBe('')
  })
  it('moves within a list and not past its ends', () => {
    const t = tree()
    expect(move(t, 's4', -1)).toBe(true)
    expect(t[1].steps!.map((s) => s.id)).toEqual(['s4', 's3'])
    expect(move(t, 's4', -1)).toBe(false)
    expect(move(t, 's5', 1)).toBe(false)
  })
  it('drops a step before another in the same list only', () => {
    const t = tree()
    expect(moveBefore(t, 's5', 's1')).toBe(true)
    expect(t.map((s) => s.id)).toEqual(['s5', 's1', 's2'])
    expect(moveBefore(t, 's3', 's1')).toBe(false)
  })
  it('removes a loop with its steps', () => {
    const t = tree()
    expect(remove(t, 's2')).toBe(true)
    expect(allSteps(t).map((s) => s.id)).toEqual(['s1', 's5'])
    expect(locate(t, 's3')).toBeNull()
  })
  it('gives each kind the settings its editor needs', () => {
    expect(newStep('pull_stats', 'x').stats?.mode).toBe('dataset')
    expect(newStep('send_webhook', 'x').webhook?.bodyKind).toBe('json')
    expect(newStep('filter', 'x').dataset).toBe('data_table')
  })
})

describe('normalize', () => {
  it('fills what Go left out, keeping what is set', () => {
    const loaded = [{ id: 's1', kind: 'action_get', name: '', continueOnError: false, templateId: 4 },
      { id: 's2', kind: 'for_each', name: '', continueOnError: false, over: 'x', steps: [{ id: 's3', kind: 'send_webhook', name: '', continueOnError: false, webhook: { url: 'u', method: 'POST', bodyKind: 'raw', body: '' } }] }] as EditableStep[]
    normalize(loaded)
    expect(loaded[0].values).toEqual({})
    expect(loaded[0].selections).toEqual([])
    expect(loaded[0].templateId).toBe(4)
    expect(loaded[1].steps![0].webhook!.headers).toEqual([])
    expect(loaded[1].concurrency).toBe(1)
  })
})

describe('withoutBlankRules', () => {
  const rule = (left: string, right = '') => ({ left, op: 'gt', right })
  it('a condition with only blank rules has none, in loops too, and the draft keeps its rows', () => {
    const steps = [
      { id: 's1', kind: 'condition', name: '', continueOnError: false, rules: [rule(''), rule(' ', ' ')] },
      { id: 's2', kind: 'for_each', name: '', continueOnError: false, steps: [{ id: 's3', kind: 'condition', name: '', continueOnError: false, rules: [rule('')] }] },
      { id: 's4', kind: 'filter', name: '', continueOnError: false, rules: [rule('', '5')] },
      { id: 's5', kind: 'condition', name: '', continueOnError: false, rules: [rule(''), rule('{x}')] },
    ] as EditableStep[]
    const out = withoutBlankRules(steps)
    expect(out[0].rules).toEqual([])
    expect(out[1].steps![0].rules).toEqual([])
    expect(out[2].rules).toEqual([rule('', '5')])
    expect(out[3].rules).toEqual([rule(''), rule('{x}')])
    expect(steps[0].rules).toHaveLength(2)
  })
})
