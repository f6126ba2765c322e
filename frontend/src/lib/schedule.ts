/** A schedule as the editor holds it (the shape of core.Schedule). */
export interface EditableSchedule {
  enabled: boolean
  kind: ScheduleKind
  at?: string
  every?: number
  unit?: 'minutes' | 'hours'
  days?: number[]
  dayOfMonth?: number
  cron?: string
  timezone: string
  overlap: string
  missed: string
  catchUpHours?: number
}

export type ScheduleKind = 'once' | 'every' | 'daily' | 'weekly' | 'monthly' | 'cron'

/** The friendly forms, then raw cron, with what the picker calls them. */
export const scheduleKinds: { id: ScheduleKind; label: string }[] = [
  { id: 'once', label: 'Once' },
  { id: 'every', label: 'Every N minutes or hours' },
  { id: 'daily', label: 'Daily' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'cron', label: 'Cron expression' },
]

/** The intervals Every may take (core.EveryMinutes and core.EveryHours): they divide the clock. */
export const everyMinutes = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]
export const everyHours = [1, 2, 3, 4, 6, 8, 12]

/** Days of the week as core numbers them (0 Sunday), in the order the toggles show, Monday first. */
export const weekDays = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ day: d, short: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d] }))

/** A new schedule: off, daily at 09:00 in the given timezone, skip overlapping and missed slots. */
export function blankSchedule(timezone: string): EditableSchedule {
  return { enabled: false, kind: 'daily', at: '09:00', timezone, overlap: 'skip', missed: 'skip' }
}

/** Today's date (YYYY-MM-DD) and the next whole hour (HH:00), by the given clock. */
function nextHour(now: Date): [string, string] {
  const t = new Date(now.getTime() + 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return [`${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`, `${pad(t.getHours())}:00`]
}

/**
 * Switches a schedule to another kind, keeping what carries over (the
 * timezone, the policies, the time of day) and giving the new form's
 * fields sensible values; fields of other kinds are dropped.
 */
export function withKind(s: EditableSchedule, kind: ScheduleKind, now = new Date()): EditableSchedule {
  const base = { enabled: s.enabled, kind, timezone: s.timezone, overlap: s.overlap, missed: s.missed, catchUpHours: s.catchUpHours }
  const time = timeOf(s.at) || '09:00'
  switch (kind) {
    case 'once': {
      const [d, t] = nextHour(now)
      return { ...base, at: `${d}T${t}` }
    }
    case 'every':
      return { ...base, every: 15, unit: 'minutes' }
    case 'daily':
      return { ...base, at: time }
    case 'weekly':
      return { ...base, at: time, days: s.days?.length ? [...s.days] : [1] }
    case 'monthly':
      return { ...base, at: time, dayOfMonth: s.dayOfMonth || 1 }
    case 'cron':
      return { ...base, cron: s.cron || '0 9 * * 1-5' }
  }
}

/** The time of day in an at value: "09:30" from "09:30" or "2026-12-01T09:30". */
export function timeOf(at: string | undefined): string {
  const m = /(?:^|T)(\d{2}:\d{2})$/.exec(at ?? '')
  return m ? m[1] : ''
}

/**
 * A time typed as 24-hour HH:MM ("9:05", "09:05", "17:30"), as the
 * schedule stores it ("09:05"); null when it is not such a time.
 */
export function parseTime24(text: string): string | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim())
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : null
}

/** The date of a once schedule's at value, or "". */
export function dateOf(at: string | undefined): string {
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(at ?? '')
  return m ? m[1] : ''
}

/** Joins a date and a time into a once schedule's at value. */
export function joinOnce(date: string, time: string): string {
  return `${date}T${time}`
}

/** Adds or removes a day of the week, keeping the list sorted. */
export function toggleDay(days: number[] | undefined, day: number): number[] {
  const set = new Set(days ?? [])
  if (set.has(day)) set.delete(day)
  else set.add(day)
  return [...set].sort((a, b) => a - b)
}

/** The intervals an every schedule may take in a unit. */
export function intervalsFor(unit: string | undefined): number[] {
  return unit === 'hours' ? everyHours : everyMinutes
}

/** Moves an every schedule to another unit, keeping the interval when it is allowed there. */
export function withUnit(s: EditableSchedule, unit: 'minutes' | 'hours'): EditableSchedule {
  const allowed = intervalsFor(unit)
  return { ...s, unit, every: allowed.includes(s.every ?? 0) ? s.every : allowed[0] }
}

/** Which editor field a save error names ("schedule.cron" → "cron"), or "" when it is not about the schedule. */
export function scheduleField(errorField: string | undefined): string {
  return errorField?.startsWith('schedule.') ? errorField.slice('schedule.'.length) : ''
}

/** A moment in local time for the list: "today 14:05", "tomorrow 09:00", "Mon 7 Dec 09:00". */
export function formatWhen(iso: string | undefined, now = new Date()): string {
  if (!iso) return ''
  const t = new Date(iso)
  if (Number.isNaN(t.getTime()) || t.getFullYear() < 1971) return ''
  const hm = t.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const diff = Math.round((day(t) - day(now)) / 86400_000)
  if (diff === 0) return `today ${hm}`
  if (diff === 1) return `tomorrow ${hm}`
  if (diff === -1) return `yesterday ${hm}`
  const date = t.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).replace(',', '')
  return `${date}${t.getFullYear() !== now.getFullYear() ? ' ' + t.getFullYear() : ''} ${hm}`
}
