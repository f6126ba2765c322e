import { describe, expect, it } from 'vitest'
import { endpointBase } from './endpoint'

describe('endpointBase', () => {
  it.each([
    [{ settings: { base_url: 'https://api-a.affise.com/' } }, [], 'https://api-a.affise.com'],
    [{ settings: {} }, [{ key: 'base_url', default: 'https://api.impact.com' }], 'https://api.impact.com'],
    [{ settings: { base_url: ' ' } }, [{ key: 'base_url', default: 'https://api.eflow.team//' }], 'https://api.eflow.team'],
    [{ settings: {} }, [{ key: 'api_key', default: 'x' }], ''],
    [undefined, [], ''],
    [{ settings: {} }, null, ''],
  ])('%j with %j -> %s', (c, fields, want) => expect(endpointBase(c, fields)).toBe(want))
})
