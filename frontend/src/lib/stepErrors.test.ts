import { describe, expect, it } from 'vitest'
import { keyByStepId, stepPath } from './stepErrors'

const steps = [{ id: 's1' }, { id: 's4', steps: [{ id: 's5' }, { id: 's6' }] }, { id: 's2' }]

describe('stepPath', () => {
  it.each([
    ['steps[2].email.to', 'steps.s2.email.to'],
    ['steps.0.values.x', 'steps.s1.values.x'],
    ['steps[1].steps[1].webhook.url', 'steps.s6.webhook.url'],
    ['steps[1]', 'steps.s4'],
    ['steps.s2.email.to', 'steps.s2.email.to'],
    ['steps[9].x', 'steps[9].x'],
    ['name', 'name'],
    ['steps', 'steps'],
  ])('%s → %s', (from, want) => {
    expect(stepPath(from, steps)).toBe(want)
  })
})

describe('keyByStepId', () => {
  it('rekeys the field and every listed problem', () => {
    const got = keyByStepId({ code: 'invalid', field: 'steps[2].x', message: 'm', fields: [{ field: 'steps[2].x', message: 'm' }, { field: 'name', message: 'n' }] }, steps)
    expect(got.field).toBe('steps.s2.x')
    expect(got.fields?.map((f) => f.field)).toEqual(['steps.s2.x', 'name'])
  })
})
