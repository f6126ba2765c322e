import { describe, expect, it } from 'vitest'
import { emailDocument, emailPolicy } from './emailFrame'

describe('emailDocument', () => {
  it('puts the policy before the email, and fetches nothing', () => {
    const doc = emailDocument('<p>Hi</p><img src="https://tracker.example/open.gif?u=7">')
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<p>Hi</p>'))
    expect(doc).toContain(`content="${emailPolicy}"`)
    expect(emailPolicy).toContain("default-src 'none'")
    expect(emailPolicy).not.toMatch(/img-src[^;]*(https?:|\*)/)
  })
  it('keeps the email whole', () => expect(emailDocument('<b>2,498.21</b>').endsWith('<b>2,498.21</b>')).toBe(true))
})
