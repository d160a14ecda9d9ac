import { addDays, type LocalDate, localDateOf, minutesOf, wallTimeExists, weekdayOf, zonedTime } from "./time-zone"

export type WorkingHours = { weekday: number; start: string; end: string }[]

export type ScheduleSettings = {
  duration_minutes: number
  window_minutes: number
  capacity: number
  working_hours: WorkingHours
  lead_time_hours: number
  horizon_days: number
}

export type ArrivalWindow = { starts_at: Date; ends_at: Date }

const HOUR = 60 * 60 * 1000

/**
 * The arrival windows the schedule offers between `from` and `to`: each opening period is cut
 * into windows of `window_minutes`, keeping those where a visit starting then still ends
 * within opening hours, no sooner than the lead time and no later than the horizon. A start
 * the clock skips when it goes forward is not offered; one it passes twice when it goes back is
 * offered once, at its first passing.
 */
export function windowsBetween(settings: ScheduleSettings, from: Date, to: Date, now: Date, timeZone: string): ArrivalWindow[] {
  const earliest = Math.max(from.getTime(), now.getTime() + settings.lead_time_hours * HOUR)
  const latest = Math.min(to.getTime(), now.getTime() + settings.horizon_days * 24 * HOUR)
  if (earliest >= latest || settings.window_minutes <= 0) return []

  const windows: ArrivalWindow[] = []
  const lastDay = localDateOf(new Date(latest), timeZone)
  for (let day = localDateOf(new Date(earliest), timeZone); ; day = addDays(day, 1)) {
    const weekday = weekdayOf(day)
    for (const period of settings.working_hours.filter((hours) => hours.weekday === weekday)) {
      const open = minutesOf(period.start)
      const close = minutesOf(period.end)
      if (open === null || close === null) continue
      for (let start = open; start + settings.duration_minutes <= close; start += settings.window_minutes) {
        if (!wallTimeExists(day, start, timeZone)) continue
        const starts_at = zonedTime(day, start, timeZone)
        if (starts_at.getTime() < earliest || starts_at.getTime() >= latest) continue
        const ends_at = zonedTime(day, Math.min(start + settings.window_minutes, close), timeZone)
        if (ends_at.getTime() > starts_at.getTime()) windows.push({ starts_at, ends_at })
      }
    }
    if (day.year === lastDay.year && day.month === lastDay.month && day.day === lastDay.day) break
  }
  // Opening periods that overlap (08:00–12:00 and 10:00–14:00) can offer the same start twice: once is enough.
  const byStart = new Map<number, ArrivalWindow>()
  for (const window of windows) {
    const same = byStart.get(window.starts_at.getTime())
    if (!same || same.ends_at.getTime() < window.ends_at.getTime()) byStart.set(window.starts_at.getTime(), window)
  }
  return [...byStart.values()].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())
}

/** The offered window starting exactly then, if there is one. */
export function windowStartingAt(settings: ScheduleSettings, startsAt: Date, now: Date, timeZone: string): ArrivalWindow | null {
  const [window] = windowsBetween(settings, startsAt, new Date(startsAt.getTime() + 1), now, timeZone)
  return window && window.starts_at.getTime() === startsAt.getTime() ? window : null
}

/** "2026-12-01" → its calendar date; null when it is not a real date. */
export function readLocalDate(value: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day))
  return check.getUTCMonth() + 1 === date.month && check.getUTCDate() === date.day ? date : null
}

/**
 * The stretch of time a request for `days` days of arrival windows covers, in whole days of the
 * business's calendar: from the start of `from` (or from now) to the start of the day `days`
 * days later. Whole local days, not multiples of 24 hours, so a page of days ends where the next
 * one starts, whatever the time of day and across the nights the clocks change.
 */
export function availabilityRange(from: LocalDate | null, days: number, now: Date, timeZone: string): { start: Date; end: Date } {
  const firstDay = from ?? localDateOf(now, timeZone)
  return {
    start: from ? zonedTime(from, 0, timeZone) : now,
    end: zonedTime(addDays(firstDay, days), 0, timeZone),
  }
}
