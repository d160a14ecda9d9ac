import { addDays, dayKey, formatDay, formatLongDay, formatTimeRange, isDay } from "~/lib/services"
import type { StoreAvailabilityResponse as Availability } from "@fieldservice/contract"

/** How many days one page of arrival times covers (booking flow and reschedule alike). */
export const PAGE_DAYS = 14

export type DayGroup = {
  key: string
  label: string
  longLabel: string
  windows: Array<{ startsAt: string; label: string; fewLeft: boolean }>
}

/** The first day a page of times asks for: `?from=` when it is a day, else from today. */
export const requestedDay = (request: Request) => {
  const requested = new URL(request.url).searchParams.get("from")
  return isDay(requested) ? requested : undefined
}

/**
 * One page of free arrival times grouped by day in the business's time zone, with the page's date
 * range and the links to earlier and later pages (`base` is the page's own path). `skip` leaves
 * out a time (the visit's current one when rescheduling).
 */
export function timePage(availability: Availability, request: Request, base: string, skip?: (startsAt: Date) => boolean) {
  const zone = availability.time_zone
  const today = dayKey(new Date(), zone)
  const requested = requestedDay(request)
  const from = requested && requested > today ? requested : today

  const days: DayGroup[] = []
  for (const window of availability.windows) {
    const start = new Date(window.starts_at)
    if (skip?.(start)) continue
    const key = dayKey(start, zone)
    let group = days[days.length - 1]
    if (!group || group.key !== key) {
      group = { key, label: formatDay(start, zone), longLabel: formatLongDay(start, zone), windows: [] }
      days.push(group)
    }
    group.windows.push({
      startsAt: window.starts_at,
      label: formatTimeRange(window.starts_at, window.ends_at, zone),
      fewLeft: window.remaining === 1,
    })
  }
  const earlier = from > today ? (addDays(from, -PAGE_DAYS) > today ? addDays(from, -PAGE_DAYS) : today) : null
  return {
    days,
    from,
    today,
    range: `${formatDay(new Date(`${from}T12:00:00Z`), "UTC")} to ${formatDay(new Date(`${addDays(from, PAGE_DAYS - 1)}T12:00:00Z`), "UTC")}`,
    earlierUrl: earlier ? (earlier === today ? base : `${base}?from=${earlier}`) : null,
    laterUrl: `${base}?from=${addDays(from, PAGE_DAYS)}`,
  }
}
