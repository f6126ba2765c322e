import { describe, expect, it } from 'vitest'
import { Guard, holdUnload, type GuardedEditor, type LeaveChoice } from './guard'

function editor(dirty: boolean, saves = true, fresh = false) {
  const e = { saved: 0, dirtyNow: dirty } as { saved: number; dirtyNow: boolean } & GuardedEditor
  e.name = () => 'Daily report'
  e.dirty = () => e.dirtyNow
  e.fresh = () => fresh
  e.save = async () => {
    e.saved++
    if (saves) e.dirtyNow = false
    return saves
  }
  return e
}

function guardAnswering(choice: LeaveChoice) {
  const asked: string[] = []
  const g = new Guard(async (name) => {
    asked.push(name)
    return choice
  })
  return { g, asked }
}

describe('Guard.leave', () => {
  it.each([
    ['clean editor: leaves without asking', false, 'stay', true, true, 0, 0],
    ['dirty, Discard: leaves unsaved', true, 'discard', true, true, 1, 0],
    ['dirty, Stay: stays', true, 'stay', true, false, 1, 0],
    ['dirty, Save that succeeds: saves and leaves', true, 'save', true, true, 1, 1],
    ['dirty, Save refused: stays', true, 'save', false, false, 1, 1],
  ] as const)('%s', async (_n, dirty, choice, saves, leaves, asks, saved) => {
    const { g, asked } = guardAnswering(choice)
    const e = editor(dirty, saves)
    g.register(e)
    expect(await g.leave()).toBe(leaves)
    expect(asked.length).toBe(asks)
    expect(e.saved).toBe(saved)
  })

  it('with no editor registered, leaves', async () => {
    const { g, asked } = guardAnswering('stay')
    expect(await g.leave()).toBe(true)
    expect(asked).toEqual([])
  })

  it('asks about the editor in view, and forgets one that unregistered', async () => {
    const { g, asked } = guardAnswering('stay')
    const off = g.register(editor(true))
    const second = editor(false)
    g.register(second)
    expect(await g.leave()).toBe(true)
    off()
    expect(g.current()).toBe(second)
    expect(asked).toEqual([])
  })

  it('refuses a second question while one is open', async () => {
    let answer: (c: LeaveChoice) => void = () => {}
    const g = new Guard(() => new Promise((ok) => (answer = ok)))
    g.register(editor(true))
    const first = g.leave()
    expect(await g.leave()).toBe(false)
    answer('discard')
    expect(await first).toBe(true)
  })
})

describe('Guard.saveNow', () => {
  it.each([
    ['saves a dirty editor', true, false, true, 1],
    ['does nothing to a clean saved one', false, false, null, 0],
    ['saves a fresh one even unchanged', false, true, true, 1],
  ] as const)('%s', async (_n, dirty, fresh, result, saved) => {
    const { g } = guardAnswering('stay')
    const e = editor(dirty, true, fresh)
    g.register(e)
    expect(await g.saveNow()).toBe(result)
    expect(e.saved).toBe(saved)
  })

  it('does nothing with no editor', async () => {
    expect(await guardAnswering('stay').g.saveNow()).toBeNull()
  })
})

describe('holdUnload', () => {
  it.each([[true, true], [false, false]])('dirty %s: held back %s', (dirty, held) => {
    let prevented = false
    const e = { preventDefault: () => (prevented = true), returnValue: undefined as unknown }
    expect(holdUnload(e, dirty)).toBe(held)
    expect(prevented).toBe(held)
  })
})
