import { describe, expect, it } from 'vitest'
import { placeErrors } from './formErrors'

const inline = (f: string) => f === 'name' || f.startsWith('settings.')

describe('placeErrors', () => {
  it('puts every listed problem on its field and none in the notice', () => {
    const got = placeErrors({ code: 'invalid', field: 'name', message: 'Name is required.', fields: [
      { field: 'name', message: 'Name is required.' },
      { field: 'settings.base_url', message: 'Bad URL.' },
    ] }, inline)
    expect(got).toEqual({ fields: { name: 'Name is required.', 'settings.base_url': 'Bad URL.' }, notice: '' })
  })
  it('reads a lone field error', () => {
    expect(placeErrors({ code: 'invalid', field: 'name', message: 'Name is required.' }, inline))
      .toEqual({ fields: { name: 'Name is required.' }, notice: '' })
  })
  it('sends problems no field shows, and errors without a field, to the notice once', () => {
    const got = placeErrors({ code: 'invalid', field: 'platform', message: 'Unknown platform.', fields: [
      { field: 'platform', message: 'Unknown platform.' },
      { field: 'name', message: 'Name is required.' },
    ] }, inline)
    expect(got.notice).toBe('Unknown platform.')
    expect(got.fields.platform).toBe('Unknown platform.')
    expect(placeErrors({ code: 'internal', message: 'Internal error.' }, inline)).toEqual({ fields: {}, notice: 'Internal error.' })
  })
})
