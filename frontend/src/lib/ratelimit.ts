/** A connection's rate limit as saved: requests 0 means the platform's default; off means none at all. */
export interface Limit {
  requests: number
  per: string
  off?: boolean
}

/** How the editor offers a limit: the platform's default, the user's own, or none. */
export type LimitMode = 'default' | 'custom' | 'off'

/** The editor mode a saved limit opens in. */
export function limitMode(l: Limit | undefined): LimitMode {
  if (l?.off) return 'off'
  return l && l.requests > 0 ? 'custom' : 'default'
}

/** The limit to save for a mode; a custom one keeps its number and period. */
export function limitFor(mode: LimitMode, requests: number | '', per: string): Limit {
  if (mode === 'off') return { requests: 0, per: '', off: true }
  if (mode === 'default') return { requests: 0, per: '' }
  return { requests: requests === '' ? 0 : Number(requests), per }
}

/** "1,000 per hour", or "no limit" for none. */
export function describeLimit(l: Limit | undefined): string {
  return l && l.requests > 0 && !l.off ? `${l.requests.toLocaleString('en-US')} per ${l.per}` : 'no limit'
}

/** The limit in force for a connection, as AffDesk applies it: its own, else the platform's default, unless switched off. */
export function limitInForce(l: Limit | undefined, platformDefault: Limit | undefined): string {
  switch (limitMode(l)) {
    case 'off':
      return 'No rate limit'
    case 'custom':
      return `Max ${describeLimit(l)}`
  }
  return platformDefault?.requests ? `Max ${describeLimit(platformDefault)} (default)` : 'No rate limit'
}

/**
 * What a new custom limit starts from: the number shown as a placeholder
 * and the period chosen, both the platform's documented default, so the
 * placeholder and the period beside it say the same as the hint
 * ("1000" per hour for impact.com); 10 per second where none is published.
 */
export function customStart(platformDefault: Limit | undefined): { placeholder: string; per: string } {
  if (platformDefault?.requests && platformDefault.per) return { placeholder: String(platformDefault.requests), per: platformDefault.per }
  return { placeholder: '10', per: 'second' }
}
