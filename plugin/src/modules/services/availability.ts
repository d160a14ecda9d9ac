import { addDays, localDateOf, minutesOf, weekdayOf, zonedTime } from "./time-zone"

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
 * within opening hours, no sooner than the lead time and no later than the horizon.
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
        const starts_at = zonedTime(day, start, timeZone)
        if (starts_at.getTime() < earliest || starts_at.getTime() >= latest) continue
        windows.push({ starts_at, ends_at: zonedTime(day, Math.min(start + settings.window_minutes, close), timeZone) })
      }
    }
    if (day.year === lastDay.year && day.month === lastDay.month && day.day === lastDay.day) break
  }
  return windows.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())
}

/** The offered window starting exactly then, if there is one. */
export function windowStartingAt(settings: ScheduleSettings, startsAt: Date, now: Date, timeZone: string): ArrivalWindow | null {
  const [window] = windowsBetween(settings, startsAt, new Date(startsAt.getTime() + 1), now, timeZone)
  return window && window.starts_at.getTime() === startsAt.getTime() ? window : null
}
