// The Automations page's search box.
import { allSteps, type EditableStep } from './steps'

/** The parts of an automation the search reads. */
export interface SearchableAutomation { name: string; description?: string; steps?: EditableStep[] | null }

/** Whether every word of query is in the automation's name, description,
 * step names or the names of the templates its steps use (ignoring case). */
export function matchesAutomation(a: SearchableAutomation, query: string, templateName: (id?: number) => string | undefined): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return true
  const steps = allSteps(a.steps ?? [])
  const hay = [a.name, a.description ?? '', ...steps.map((s) => s.name), ...steps.map((s) => templateName(s.templateId) ?? '')].join('\n').toLowerCase()
  return words.every((w) => hay.includes(w))
}
