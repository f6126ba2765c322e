import { describe, expect, it } from 'vitest'
import { normalize, newStep, type EditableStep } from './steps'
import { fingerprint } from './draft'

describe('fingerprint', () => {
  it.each([
    ['key order', { a: 1, b: 'x' }, { b: 'x', a: 1 }],
    ['a missing field and its zero value', { name: 'x' }, { name: 'x', notes: '', retries: 0, on: false, list: [], map: {}, gone: null }],
    ['nested empties', { stats: { filters: {} } }, {}],
  ])('treats %s as the same', (_n, a, b) => {
    expect(fingerprint(a)).toBe(fingerprint(b))
  })

  it.each([
    ['a changed value', { name: 'x' }, { name: 'y' }],
    ['reordered steps', { steps: [{ id: 's1' }, { id: 's2' }] }, { steps: [{ id: 's2' }, { id: 's1' }] }],
    ['an added empty rule', { rules: [] }, { rules: [{ left: '', op: '', right: '' }] }],
    ['a value cleared', { values: { a: '1' } }, { values: {} }],
  ])('tells apart %s', (_n, a, b) => {
    expect(fingerprint(a)).not.toBe(fingerprint(b))
  })

  it('is unchanged by normalising a loaded step', () => {
    // Go leaves empty fields out; the builder fills them for its editors.
    const loaded = [{ id: 's1', kind: 'pull_stats', name: '', continueOnError: false, stats: { connectionId: 1, statType: 'x', datePreset: 'yesterday', mode: 'dataset' } }] as unknown as EditableStep[]
    const before = fingerprint(loaded)
    expect(fingerprint(normalize(JSON.parse(JSON.stringify(loaded))))).toBe(before)
  })

  it('is unchanged when an editor rebuilds the same filters and values', () => {
    const s = newStep('action_get', 's1')
    const before = fingerprint(s)
    s.values = {}
    s.selections = []
    expect(fingerprint(s)).toBe(before)
  })

  it('comes back when a value is changed and changed back', () => {
    const a = { name: 'Daily', steps: [newStep('send_email', 's1')] }
    const before = fingerprint(a)
    a.steps[0].email!.to = 'ops@example.com'
    expect(fingerprint(a)).not.toBe(before)
    a.steps[0].email!.to = ''
    expect(fingerprint(a)).toBe(before)
  })
})
