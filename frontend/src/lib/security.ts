/** Safety hints the editors share: credential headers, stored-secret
 * references, plain-HTTP URLs and connections that skip TLS checks. */

/** Whether a header's name says it carries a credential (the backend's
 * CredentialHeader rule): such webhook header values are kept in the
 * secret store and never shown again. */
export function isCredentialHeader(name: string): boolean {
  const n = name.trim().toLowerCase()
  if (n === 'cookie') return true
  return ['authorization', 'token', 'key', 'secret', 'signature', 'password'].some((p) => n.includes(p))
}

const refPattern = /^secret:webhook\/[0-9a-f]{16}#(.*)$/

/** The display mask of a stored-secret reference, or null for any other value. */
export function secretRefMask(value: string): string | null {
  const m = refPattern.exec(value)
  return m ? m[1] : null
}

/** Whether a connection's settings turn TLS certificate checks off. */
export function skipsTLS(c: { settings?: Record<string, string> } | undefined | null): boolean {
  return c?.settings?.skip_tls_verify === 'true'
}

const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i

/** Whether a URL is plain http:// to a host other than this machine. */
export function plainHttp(raw: string): boolean {
  const v = raw.trim()
  if (!/^http:\/\//i.test(v)) return false
  let host = ''
  try {
    host = new URL(v).hostname
  } catch {
    return true
  }
  return !loopback.test(host)
}

/** The connection (skipping TLS checks) whose base URL starts a request URL. */
export function insecureConnectionFor<T extends { settings?: Record<string, string> }>(list: T[], url: string): T | undefined {
  return list.find((c) => {
    const base = (c.settings?.base_url ?? '').replace(/\/+$/, '')
    return skipsTLS(c) && base !== '' && url.startsWith(base)
  })
}
