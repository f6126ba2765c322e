// The webhook trigger's helpers: the variables it offers the builder and
// the example request shown beside its URL. Mirrors backend/core/hook.go.

export interface HookLike {
  enabled: boolean
  token: string
  secretHeader?: string
  secret?: string
  fields?: string[]
}

/** Whether a name can follow webhook_: letters, digits and _. */
export const hookField = (name: string) => /^[A-Za-z0-9_]+$/.test(name)

/** The variables an enabled trigger offers every step: webhook_body and one per listed field. */
export function hookVars(hook: HookLike | null | undefined): string[] {
  if (!hook?.enabled) return []
  const fields = (hook.fields ?? []).map((f) => f.trim()).filter(hookField)
  return ['webhook_body', ...fields.map((f) => 'webhook_' + f)]
}

/** Splits the fields the user typed (commas or spaces) into a list. */
export function parseFields(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((f) => f.trim()).filter((f) => f !== ''))]
}

/** An example request that starts the automation, from a terminal. */
export function curlExample(url: string, hook: HookLike): string {
  const body: Record<string, string> = {}
  for (const f of (hook.fields ?? []).filter(hookField)) body[f] = '…'
  const json = JSON.stringify(Object.keys(body).length ? body : { amount: 12.5 }).replace(/'/g, "'\\''")
  const secret = hook.secretHeader ? ` \\\n  -H '${hook.secretHeader}: YOUR-SECRET'` : ''
  return `curl -X POST '${url}' \\\n  -H 'Content-Type: application/json'${secret} \\\n  -d '${json}'`
}
