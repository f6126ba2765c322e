import { describe, expect, it } from 'vitest'
import { History, typingPause } from './history'

describe('History', () => {
  it('undoes and redoes one-off changes in order, naming them', () => {
    const h = new History()
    h.record('add step', 'A')
    h.record('delete step “List pending actions”', 'B')
    expect(h.undoLabel()).toBe('delete step “List pending actions”')
    expect(h.undo('C')).toBe('B')
    expect(h.redoLabel()).toBe('delete step “List pending actions”')
    expect(h.undo('B')).toBe('A')
    expect(h.undo('A')).toBeNull()
    expect(h.redo('A')).toBe('B')
    expect(h.redo('B')).toBe('C')
    expect(h.redo('C')).toBeNull()
  })

  it('merges typing in one field until a pause', () => {
    const h = new History()
    h.record('edit name', 'v0', 'name', 1000)
    h.record('edit name', 'v1', 'name', 1000 + typingPause - 1)
    h.record('edit name', 'v2', 'name', 1000 + 2 * typingPause - 2)
    expect(h.past.length).toBe(1)
    h.record('edit name', 'v3', 'name', 1000 + 4 * typingPause)
    expect(h.past.length).toBe(2)
    expect(h.undo('v4')).toBe('v3')
    expect(h.undo('v3')).toBe('v0')
  })

  it('starts a new change when another field is typed into', () => {
    const h = new History()
    h.record('edit name', 'v0', 'name', 10)
    h.record('edit description', 'v1', 'desc', 20)
    h.record('edit name', 'v2', 'name', 30)
    expect(h.past.map((c) => c.before)).toEqual(['v0', 'v1', 'v2'])
  })

  it('drops redo on a new change', () => {
    const h = new History()
    h.record('add step', 'A')
    h.undo('B')
    h.record('move step', 'A')
    expect(h.redoLabel()).toBe('')
    expect(h.redo('C')).toBeNull()
  })

  it('keeps at most its limit', () => {
    const h = new History(2)
    for (const s of ['A', 'B', 'C']) h.record('x', s)
    expect(h.past.map((c) => c.before)).toEqual(['B', 'C'])
  })

  it('does not merge typing into a redone change', () => {
    const h = new History()
    h.record('edit name', 'v0', 'name', 10)
    h.undo('v1')
    h.redo('v0')
    h.record('edit name', 'v1', 'name', 20)
    expect(h.past.length).toBe(2)
  })
})

describe('stepIds', () => {
  it('lists the step IDs every snapshot in either stack holds', () => {
    const h = new History()
    h.record('add step', '{"steps":[{"id":"s1"},{"id":"s4","steps":[{"id":"s5"}]}]}')
    h.record('delete step', '{"steps":[{"id":"s1"}]}')
    h.undo('{"steps":[{"id":"s1"},{"id":"s7"}]}')
    expect(h.stepIds().sort()).toEqual(['s1', 's4', 's5', 's7'])
  })
})
