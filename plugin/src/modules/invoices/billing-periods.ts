import { type BillingCycleSetting, WEEKDAY_NAMES } from "@fieldservice/contract"
import { addDays, type LocalDate } from "../services/time-zone"

/**
 * When billing periods close, as whole days of the business's calendar. A period closes at the end
 * of its close day, so the run the day after invoices it. Pure, so the job, the preview and the
 * tests agree.
 */

type Periodic = Exclude<BillingCycleSetting, { frequency: "per_visit" }>

const DAY_MS = 86_400_000
const dayNumber = (date: LocalDate) => Date.UTC(date.year, date.month - 1, date.day) / DAY_MS
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

export const isoDay = (date: LocalDate) => `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`

export function parseDay(value: string): LocalDate {
  const [year, month, day] = value.split("-").map(Number)
  return { year, month, day }
}

export const compareDays = (a: LocalDate, b: LocalDate) => dayNumber(a) - dayNumber(b)

function monthClose(setting: { month_day: number | "last" }, year: number, month: number): LocalDate {
  const last = daysInMonth(year, month)
  return { year, month, day: setting.month_day === "last" ? last : Math.min(setting.month_day, last) }
}

/** The first day on or after `day` that a period closes on. */
export function closeDayOnOrAfter(setting: Periodic, day: LocalDate): LocalDate {
  if (setting.frequency === "weekly") {
    const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()
    return addDays(day, (setting.weekday - weekday + 7) % 7)
  }
  if (setting.frequency === "fortnightly") {
    const anchor = parseDay(setting.anchor_date)
    const behind = dayNumber(day) - dayNumber(anchor)
    return addDays(anchor, Math.ceil(behind / 14) * 14)
  }
  const here = monthClose(setting, day.year, day.month)
  if (here.day >= day.day) return here
  const next = day.month === 12 ? { year: day.year + 1, month: 1 } : { year: day.year, month: day.month + 1 }
  return monthClose(setting, next.year, next.month)
}

/** The last close day before `today`: the end of the latest period that has closed. */
export function lastCloseBefore(setting: Periodic, today: LocalDate): LocalDate {
  if (setting.frequency === "weekly") return closeDayOnOrAfter(setting, addDays(today, -7))
  if (setting.frequency === "fortnightly") return closeDayOnOrAfter(setting, addDays(today, -14))
  const here = monthClose(setting, today.year, today.month)
  if (here.day < today.day) return here
  const previous = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 }
  return monthClose(setting, previous.year, previous.month)
}

/** The period `today` falls in: from the day after the last close to the next close day. */
export function openPeriod(setting: Periodic, today: LocalDate): { starts_on: LocalDate; closes_on: LocalDate } {
  return { starts_on: addDays(lastCloseBefore(setting, today), 1), closes_on: closeDayOnOrAfter(setting, today) }
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`

/** The cycle in staff's words: "Monthly, closing on the last day of the month". */
export function describeCycle(setting: BillingCycleSetting): string {
  switch (setting.frequency) {
    case "per_visit":
      return "Per visit: each visit is invoiced when it is completed"
    case "weekly":
      return `Weekly, closing every ${WEEKDAY_NAMES[setting.weekday]}`
    case "fortnightly":
      return `Fortnightly, closing every other ${WEEKDAY_NAMES[setting.weekday]} (from ${setting.anchor_date})`
    case "monthly":
      return `Monthly, closing on the ${setting.month_day === "last" ? "last day" : `${ordinal(setting.month_day)}`} of the month`
  }
}
