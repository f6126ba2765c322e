import { describe, expect, it } from 'vitest'
import { editorKey, isMac, isReloadKey, shortcutLabel } from './keys'

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) =>
  ({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt })

describe('editorKey', () => {
  it.each([
    ['Ctrl+S saves', key('s', { ctrl: true }), false, 'save'],
    ['Cmd+S saves on a Mac', key('s', { meta: true }), true, 'save'],
    ['Cmd+S is nothing elsewhere', key('s', { meta: true }), false, null],
    ['Ctrl+S is nothing on a Mac', key('s', { ctrl: true }), true, null],
    ['Ctrl+Z undoes', key('z', { ctrl: true }), false, 'undo'],
    ['Ctrl+Shift+Z redoes (key reported upper case)', key('Z', { ctrl: true, shift: true }), false, 'redo'],
    ['Ctrl+Y redoes', key('y', { ctrl: true }), false, 'redo'],
    ['Cmd+Y is not redo on a Mac', key('y', { meta: true }), true, null],
    ['Cmd+Shift+Z redoes on a Mac', key('z', { meta: true, shift: true }), true, 'redo'],
    ['plain S is typing', key('s'), false, null],
    ['Ctrl+Alt+S is something else', key('s', { ctrl: true, alt: true }), false, null],
  ])('%s', (_name, e, mac, want) => {
    expect(editorKey(e, mac)).toBe(want)
  })
})

describe('shortcutLabel and isMac', () => {
  it('writes shortcuts the platform way', () => {
    expect(shortcutLabel('s', false)).toBe('Ctrl+S')
    expect(shortcutLabel('s', true)).toBe('⌘S')
    expect(shortcutLabel('z', false, true)).toBe('Ctrl+Shift+Z')
    expect(shortcutLabel('z', true, true)).toBe('⇧⌘Z')
  })
  it('recognises a Mac', () => {
    expect(isMac('MacIntel')).toBe(true)
    expect(isMac('Linux x86_64')).toBe(false)
    expect(isMac('Win32')).toBe(false)
  })
})

describe('isReloadKey', () => {
  it.each([
    ['F5', key('F5'), false, true],
    ['Ctrl+R', key('r', { ctrl: true }), false, true],
    ['Cmd+R on a Mac', key('r', { meta: true }), true, true],
    ['plain R is typing', key('r'), false, false],
    ['Ctrl+S is not a reload', key('s', { ctrl: true }), false, false],
  ])('%s', (_n, e, mac, want) => {
    expect(isReloadKey(e, mac)).toBe(want)
  })
})
