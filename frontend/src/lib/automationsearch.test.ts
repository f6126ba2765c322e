import { describe, expect, it } from 'vitest'
import { matchesAutomation } from './automationsearch'
import type { EditableStep } from './steps'

const step = (s: Partial<EditableStep>): EditableStep => ({ id: 's', kind: 'action_get', name: '', continueOnError: false, ...s })
const a = {
  name: 'Reverse fraud', description: 'Nightly cleanup of test actions',
  steps: [step({ name: 'Recent actions', templateId: 1 }), step({ kind: 'for_each', name: 'Each', steps: [step({ name: 'Undo it', templateId: 2 })] })],
}
const names: Record<number, string> = { 1: 'impact.com: List actions', 2: 'Reverse one action' }
const tpl = (id?: number) => (id ? names[id] : undefined)

describe('matchesAutomation', () => {
  it.each([
    ['empty query', '  ', true],
    ['name, any case', 'REVERSE', true],
    ['description', 'nightly', true],
    ['nested step name', 'undo', true],
    ['template name', 'impact.com', true],
    ['every word somewhere', 'fraud cleanup', true],
    ['one word missing', 'fraud weekly', false],
    ['nothing', 'payout', false],
  ])('%s', (_, q, want) => expect(matchesAutomation(a, q, tpl)).toBe(want))
})
