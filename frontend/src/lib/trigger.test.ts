import { describe, expect, it } from 'vitest'
import { startedByWords, triggerLabel } from './trigger'

describe('startedByWords', () => {
  it.each([
    ['manual', 'by hand'],
    ['schedule', 'by schedule'],
    ['test', "from a template's Test"],
    ['webhook', 'by webhook'],
    ['cli', 'from the command line'],
    ['', 'by hand'],
    ['other', 'by other'],
  ])('%s -> %s', (t, want) => expect(startedByWords(t)).toBe(want))
  it('labels a list row', () => expect(triggerLabel('manual')).toBe('By hand'))
})
