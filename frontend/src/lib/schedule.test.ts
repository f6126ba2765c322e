import { describe, expect, it } from 'vitest'
import { blankSchedule, dateOf, formatWhen, intervalsFor, joinOnce, scheduleField, timeOf, toggleDay, parseTime24, withKind, withUnit } from './schedule'

describe('withKind', () => {
  const daily = { ...blankSchedule('Europe/Berlin'), at: '07:30', overlap: 'queue', missed: 'catch_up', catchUpHours: 12 }
  it('keeps the timezone, the policies and the time of day', () => {
    const w = withKind(daily, 'weekly')
    expect(w).toMatchObject({ kind: 'weekly', at: '07:30', days: [1], timezone: 'Europe/Berlin', overlap: 'queue', missed: 'catch_up', catchUpHours: 12 })
  })
  it('drops the fields of other kinds', () => {
    const w = withKind(withKind(daily, 'monthly'), 'every')
    expect(w).toMatchObject({ kind: 'every', every: 15, unit: 'minutes' })
    expect(w.at).toBeUndefined()
    expect(w.dayOfMonth).toBeUndefined()
  })
  it('gives once the next whole hour by the clock', () => {
    const w = withKind(daily, 'once', new Date(2026, 11, 31, 23, 20))
    expect(w.at).toBe('2027-01-01T00:00')
  })
  it('gives cron a working expression', () => {
    expect(withKind(daily, 'cron').cron).toBe('0 9 * * 1-5')
  })
})

describe('once parts', () => {
  it.each([
    ['2026-12-01T09:30', '2026-12-01', '09:30'],
    ['09:30', '', '09:30'],
    ['', '', ''],
    [undefined, '', ''],
  ])('%s', (at, d, t) => {
    expect(dateOf(at)).toBe(d)
    expect(timeOf(at)).toBe(t)
  })
  it('joins back', () => expect(joinOnce('2026-12-01', '09:30')).toBe('2026-12-01T09:30'))
})

describe('toggleDay', () => {
  it.each([
    [[1], 3, [1, 3]],
    [[1, 3], 1, [3]],
    [undefined, 0, [0]],
    [[5, 2], 6, [2, 5, 6]],
  ])('%j toggling %d gives %j', (days, day, want) => expect(toggleDay(days as number[] | undefined, day)).toEqual(want))
})

describe('withUnit', () => {
  const s = { ...blankSchedule('UTC'), kind: 'every' as const, every: 30, unit: 'minutes' as const }
  it('keeps an interval allowed in the new unit', () => expect(withUnit({ ...s, every: 6 }, 'hours').every).toBe(6))
  it('falls back to the first allowed one', () => expect(withUnit(s, 'hours').every).toBe(1))
  it('lists the intervals by unit', () => {
    expect(intervalsFor('hours')).toContain(12)
    expect(intervalsFor('minutes')).not.toContain(7)
  })
})

describe('scheduleField', () => {
  it.each([
    ['schedule.cron', 'cron'],
    ['schedule.catchUpHours', 'catchUpHours'],
    ['steps.s1.values.x', ''],
    [undefined, ''],
  ])('%s -> %s', (f, want) => expect(scheduleField(f)).toBe(want))
})

describe('formatWhen', () => {
  const now = new Date(2026, 10, 20, 12, 0)
  it.each([
    [new Date(2026, 10, 20, 14, 5), 'today 14:05'],
    [new Date(2026, 10, 21, 9, 0), 'tomorrow 09:00'],
    [new Date(2026, 10, 19, 23, 59), 'yesterday 23:59'],
    [new Date(2026, 11, 7, 9, 0), 'Mon 7 Dec 09:00'],
    [new Date(2027, 0, 4, 9, 0), 'Mon 4 Jan 2027 09:00'],
  ])('%s', (t, want) => expect(formatWhen(t.toISOString(), now)).toBe(want))
  it('is empty for none or the zero time', () => {
    expect(formatWhen('', now)).toBe('')
    expect(formatWhen('0001-01-01T00:00:00Z', now)).toBe('')
  })
})

describe('parseTime24', () => {
  it.each([
    ['09:05', '09:05'], ['9:05', '09:05'], [' 17:30 ', '17:30'], ['00:00', '00:00'], ['23:59', '23:59'],
    ['24:00', null], ['9:5', null], ['12:60', null], ['9 AM', null], ['09:00 PM', null], ['', null], ['0905', null],
  ])('%s -> %s', (text, want) => expect(parseTime24(text)).toBe(want))
})
