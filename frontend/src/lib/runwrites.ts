// What "Run now" would change: the writes of an automation, read from its
// steps before it runs, so the window can ask first.
import { allSteps, type EditableStep } from './steps'

/** The parts of a template and a connection the plan reads. */
export interface TemplateLike { id: number; name: string; method: string; connectionId: number }
export interface ConnectionLike { id: number; name: string; settings?: Record<string, string> | null }

/** What a run would write, email or call; empty lists when nothing. */
export interface WritePlan {
  /** Action steps whose template writes (POST, PUT, PATCH, DELETE). */
  writeSteps: number
  /** The connections those steps write through, by name, with their host when known. */
  connections: string[]
  emailSteps: number
  /** Every recipient (To and Cc) as written, variables included. */
  recipients: string[]
  webhookSteps: number
  /** The hosts webhooks go to; the URL as written when it has no host yet. */
  webhookHosts: string[]
}

/** Whether a plan holds any write, email or webhook. */
export const writes = (p: WritePlan) => p.writeSteps + p.emailSteps + p.webhookSteps > 0

const isWrite = (method: string | undefined) => !!method && method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD'

/** The host of a URL, or '' when it has none (a {variable}, a bad URL). */
export function hostOf(url: string | undefined): string {
  if (!url || /^\s*\{/.test(url)) return ''
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}

const add = (list: string[], v: string) => {
  if (v && !list.includes(v)) list.push(v)
}

/** Splits a recipient field the way the engine does: commas, semicolons, new lines. */
export const splitRecipients = (s: string | undefined) => (s ?? '').split(/[,;\n]/).map((x) => x.trim()).filter(Boolean)

/** Reads the writes of steps (nested ones included): action steps whose
 * template uses a writing method, emails and webhooks. */
export function writePlan(steps: EditableStep[], template: (id?: number) => TemplateLike | undefined,
  connection: (id?: number) => ConnectionLike | undefined): WritePlan {
  const p: WritePlan = { writeSteps: 0, connections: [], emailSteps: 0, recipients: [], webhookSteps: 0, webhookHosts: [] }
  for (const s of allSteps(steps)) {
    if (s.kind.startsWith('action_')) {
      const t = template(s.templateId)
      if (!(isWrite(t?.method) || (!t && s.kind !== 'action_get'))) continue
      p.writeSteps++
      const c = connection(t?.connectionId)
      const host = hostOf(c?.settings?.base_url)
      add(p.connections, c ? `${c.name}${host ? ` (${host})` : ''}` : 'no connection chosen')
    } else if (s.kind === 'send_email') {
      p.emailSteps++
      for (const r of [...splitRecipients(s.email?.to), ...splitRecipients(s.email?.cc)]) add(p.recipients, r)
    } else if (s.kind === 'send_webhook') {
      p.webhookSteps++
      add(p.webhookHosts, hostOf(s.webhook?.url) || s.webhook?.url || 'no URL')
    }
  }
  return p
}
