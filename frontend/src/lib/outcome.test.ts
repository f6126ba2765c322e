import { describe, expect, it } from 'vitest'
import { outcomeLabel, unknownAdvice } from './outcome'

describe('outcomeLabel', () => {
  it('names each write outcome and sets none for reads', () => {
    expect(outcomeLabel('sent')?.text).toBe('sent')
    expect(outcomeLabel('not_sent')?.text).toBe('not sent')
    expect(outcomeLabel('unknown')).toEqual({ text: 'outcome unknown', tone: 'warn', title: unknownAdvice })
    expect(outcomeLabel('')).toBeNull()
    expect(outcomeLabel(undefined)).toBeNull()
  })
  it('tells what to check after an unknown outcome', () => {
    expect(unknownAdvice).toContain('check the record')
    expect(unknownAdvice).toContain('did not send it again')
  })
})
