import { describe, expect, it } from 'vitest'
import { insecureConnectionFor, isCredentialHeader, plainHttp, secretRefMask, skipsTLS } from './security'

describe('security hints', () => {
  it('spots credential headers', () => {
    for (const n of ['Authorization', 'cookie', 'X-API-Key', 'X-Auth-Token', 'X-Hub-Signature', 'Client-Secret']) expect(isCredentialHeader(n)).toBe(true)
    for (const n of ['Content-Type', 'Accept', 'X-Request-Id']) expect(isCredentialHeader(n)).toBe(false)
  })
  it('reads a stored-secret mask', () => {
    expect(secretRefMask('secret:webhook/0123456789abcdef#••••a1b2')).toBe('••••a1b2')
    expect(secretRefMask('Bearer abc')).toBeNull()
    expect(secretRefMask('secret:webhook/xyz#••••')).toBeNull()
  })
  it('warns about plain http except on this machine', () => {
    expect(plainHttp('http://tracker.example.com/api')).toBe(true)
    expect(plainHttp('HTTP://10.0.0.5')).toBe(true)
    expect(plainHttp('https://tracker.example.com')).toBe(false)
    expect(plainHttp('http://localhost:8080')).toBe(false)
    expect(plainHttp('http://127.0.0.1:9000/x')).toBe(false)
    expect(plainHttp('http://[::1]:9000')).toBe(false)
    expect(plainHttp('')).toBe(false)
  })
  it('finds connections skipping TLS', () => {
    const list: { id: number; settings: Record<string, string> }[] = [
      { id: 1, settings: { base_url: 'https://a.example/', skip_tls_verify: 'true' } },
      { id: 2, settings: { base_url: 'https://b.example' } },
    ]
    expect(skipsTLS(list[0])).toBe(true)
    expect(skipsTLS(list[1])).toBe(false)
    expect(insecureConnectionFor(list, 'https://a.example/x?y=1')?.id).toBe(1)
    expect(insecureConnectionFor(list, 'https://b.example/x')).toBeUndefined()
  })
})
