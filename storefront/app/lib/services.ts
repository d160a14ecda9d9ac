/** How services, prices, durations and appointment times are shown. Shared by server and browser. */

import { formatMoney, BUSINESS_LOCALE } from "@fieldservice/contract"

/** "£65.00": the contract's, so the portal and the emails write prices alike. */
export { formatMoney }

/** "From £25.00" (the cheapest option), or "Price on request" when no option has a price; lower case mid-sentence. */
export function fromPrice(rate: number | null, currencyCode: string, { midSentence = false } = {}): string {
  const text = rate === null ? "Price on request" : `From ${formatMoney(rate, currencyCode)}`
  return midSentence ? text.charAt(0).toLowerCase() + text.slice(1) : text
}

/** "2 hours 30 minutes", "1 hour", "45 minutes" */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const parts = []
  if (hours) parts.push(`${hours} hour${hours === 1 ? "" : "s"}`)
  if (rest || !hours) parts.push(`${rest} minute${rest === 1 ? "" : "s"}`)
  return parts.join(" ")
}

/** A length as it reads before a noun: "2-hour", "90-minute", "2½-hour". */
export function formatLengthAdjective(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60}-hour`
  if (minutes > 60 && minutes % 60 === 30) return `${Math.floor(minutes / 60)}½-hour`
  return `${minutes}-minute`
}

/** "BS6 7QT": upper case, one space before the last three characters. */
export function formatPostcode(postcode: string): string {
  const code = postcode.toUpperCase().replace(/\s+/g, "")
  return code.length > 3 ? `${code.slice(0, -3)} ${code.slice(-3)}` : code
}

/**
 * Whether a service with these areas works at this postcode: the same rule as the API ("BS6"
 * covers BS6 7QT but not BS61 1AA; "B" does not cover BS6; no areas means everywhere).
 */
export function servesPostcode(areas: readonly string[], postcode: string): boolean {
  if (!areas.length) return true
  const code = postcode.toUpperCase().replace(/\s+/g, "")
  const outward = code.length > 3 ? code.slice(0, -3) : code
  return areas.some((area) => {
    const normalized = area.toUpperCase().replace(/\s+/g, "")
    if (!outward.startsWith(normalized)) return false
    const next = outward.charAt(normalized.length)
    return next === "" || (/[A-Z]$/.test(normalized) && /\d/.test(next))
  })
}

/** The API's own wording, so the message is the same whether the portal or the API notices first. */
export function notServedMessage(serviceTitle: string, postcode: string): string {
  return `Sorry, we don't offer ${serviceTitle} in ${postcode.trim().toUpperCase()} yet. Choose another location or call us.`
}

export const DEFAULT_TIME_ZONE = "Europe/London"

function validTimeZone(zone: string | null | undefined): string {
  if (!zone) return DEFAULT_TIME_ZONE
  try {
    new Intl.DateTimeFormat(BUSINESS_LOCALE, { timeZone: zone })
    return zone
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

/** "2025-11-25": the calendar day of `date` in the time zone. */
export function dayKey(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: validTimeZone(timeZone),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date)
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? ""
  return `${get("year")}-${get("month")}-${get("day")}`
}

/** "Tue 25 Nov" */
export function formatDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(BUSINESS_LOCALE, {
    timeZone: validTimeZone(timeZone),
    weekday: "short",
    day: "numeric",
    month: "short",
  })
    .format(date)
    .replace(",", "")
}

/** "Tuesday 25 November 2025" */
export function formatLongDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(BUSINESS_LOCALE, {
    timeZone: validTimeZone(timeZone),
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  })
    .format(date)
    .replace(",", "")
}

/** "10:00" */
export function formatTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(BUSINESS_LOCALE, {
    timeZone: validTimeZone(timeZone),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date)
}

/** "10:00–12:00" */
export function formatTimeRange(startsAt: string, endsAt: string | null | undefined, timeZone: string): string {
  const start = new Date(startsAt)
  const end = endsAt ? new Date(endsAt) : null
  if (!end || Number.isNaN(end.getTime())) return formatTime(start, timeZone)
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`
}

/** "Tue 25 Nov, 10:00–12:00" (or with the long day); "Date to be confirmed" for a bad date. */
export function formatWindow(startsAt: string, endsAt: string | null | undefined, timeZone: string, style: "short" | "long" = "short"): string {
  const start = new Date(startsAt)
  if (Number.isNaN(start.getTime())) return "Date to be confirmed"
  const day = style === "long" ? formatLongDay(start, timeZone) : formatDay(start, timeZone)
  return `${day}, ${formatTimeRange(startsAt, endsAt, timeZone)}`
}

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export function isDay(value: string | null | undefined): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
}

type ListedService = {
  id: string
  handle: string
  title: string
  summary: string | null
  starting_rate: number | null
  currency_code: string
  duration_minutes: number
}

/** What a service card shows. */
export function toServiceCard(service: ListedService) {
  return {
    id: service.id,
    handle: service.handle,
    title: service.title,
    summary: service.summary,
    fromPrice: fromPrice(service.starting_rate, service.currency_code),
    duration: formatDuration(service.duration_minutes),
  }
}
