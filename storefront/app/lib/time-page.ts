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

/** A day with free times, as a link that shows its times. */
export type DayLink = { key: string; label: string; longLabel: string; count: number; url: string }

/** The first day a page of times asks for: `?from=` when it is a day, else from today. */
export const requestedDay = (request: Request) => {
  const requested = new URL(request.url).searchParams.get("from")
  return isDay(requested) ? requested : undefined
}

function groupByDay(availability: Availability, skip?: (startsAt: Date) => boolean): DayGroup[] {
  const zone = availability.time_zone
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
    group.windows.push({ startsAt: window.starts_at, label: formatTimeRange(window.starts_at, window.ends_at, zone), fewLeft: window.remaining === 1 })
  }
  return days
}

const dayLabel = (day: string) => formatDay(new Date(`${day}T12:00:00Z`), "UTC")

/**
 * One page of free arrival times in the business's time zone: the days that have any (as links),
 * the times of one day (`?day=`, else the day of `chosen` when it is still free, else the first),
 * and links to earlier and later pages (`base` is the page's own path). `skip` leaves out a time
 * (the visit's current one when rescheduling). Nothing is ticked unless the customer chose it.
 */
export function timePage(
  availability: Availability,
  request: Request,
  base: string,
  options: { skip?: (startsAt: Date) => boolean; chosen?: string | null } = {}
) {
  const zone = availability.time_zone
  const today = dayKey(new Date(), zone)
  const requested = requestedDay(request)
  const from = requested && requested > today ? requested : today
  const pageUrl = (query: Record<string, string>) => {
    const search = new URLSearchParams(query).toString()
    return search ? `${base}?${search}` : base
  }
  const fromQuery: Record<string, string> = from === today ? {} : { from }

  const days = groupByDay(availability, options.skip)
  const wanted = new URL(request.url).searchParams.get("day")
  const chosen = options.chosen ?? null
  const chosenDay = chosen ? days.find((day) => day.windows.some((window) => window.startsAt === chosen)) : undefined
  const day = days.find((group) => group.key === wanted) ?? chosenDay ?? days[0] ?? null

  const earlier = from > today ? (addDays(from, -PAGE_DAYS) > today ? addDays(from, -PAGE_DAYS) : today) : null
  const last = addDays(from, PAGE_DAYS - 1)
  return {
    from,
    today,
    dayLinks: days.map((group): DayLink => ({
      key: group.key,
      label: group.label,
      longLabel: group.longLabel,
      count: group.windows.length,
      url: pageUrl({ ...fromQuery, day: group.key }),
    })),
    day,
    /** The times of `day` the customer chose before, ticked again. */
    selected: chosen && day?.windows.some((window) => window.startsAt === chosen) ? chosen : null,
    /** What the page lists: the first to the last day with free times, else the dates searched. */
    range: days.length ? `${days[0].label} to ${days[days.length - 1].label}` : `${dayLabel(from)} to ${dayLabel(last)}`,
    earlierUrl: earlier ? pageUrl(earlier === today ? {} : { from: earlier }) : null,
    laterUrl: pageUrl({ from: addDays(from, PAGE_DAYS) }),
  }
}

export type TimePage = ReturnType<typeof timePage>
