import { Button, Text, clx } from "@medusajs/ui"
import { formatVisitTimes, todayIn } from "../../../../lib/bookings"
import { WINDOW_PAGE_DAYS, useServiceWindows } from "../../../../lib/new-booking"
import { addDays, dayOf, shortDay } from "../../../../lib/schedule"

type Props = {
  serviceId: string
  from: string
  day: string
  startsAt: string
  onPage: (from: string) => void
  onDay: (day: string) => void
  onWindow: (startsAt: string) => void
}

const chip = (chosen: boolean) =>
  clx("txt-compact-small rounded-md border px-3 py-1.5", chosen ? "border-ui-border-interactive bg-ui-bg-highlight" : "border-ui-border-base bg-ui-bg-base")

/**
 * The arrival time: the days with room as buttons, then that day's windows. The office may book
 * inside the customers' lead time; capacity is the same as the portal's.
 */
export function WindowChoice({ serviceId, from, day, startsAt, onPage, onDay, onWindow }: Props) {
  const { data, isLoading, isFetching, error } = useServiceWindows(serviceId, from)
  const timeZone = data?.time_zone
  const windows = data?.windows ?? []
  const days = [...new Set(windows.map((window) => dayOf(window.starts_at, timeZone)))]
  const shownDay = days.includes(day) ? day : (days[0] ?? "")
  // The page's first day: today's when it starts from now.
  const first = from || todayIn(timeZone)
  const earlier = addDays(first, -WINDOW_PAGE_DAYS)

  if (isLoading) return <Text size="small">Loading free times…</Text>
  if (error)
    return (
      <Text size="small" className="text-ui-fg-error">
        {error.message}
      </Text>
    )
  return (
    <div className="flex flex-col gap-y-3" data-testid="new-booking-times">
      {days.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="new-booking-times-none">
          No free times in these {WINDOW_PAGE_DAYS} days.
        </Text>
      ) : (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Days with free times">
          {days.map((item) => (
            <button
              key={item}
              type="button"
              aria-pressed={item === shownDay}
              onClick={() => onDay(item)}
              className={chip(item === shownDay)}
              data-testid="new-booking-day"
            >
              {shortDay(item)}
            </button>
          ))}
        </div>
      )}
      {shownDay && (
        <div className="flex flex-wrap gap-2" role="group" aria-label={`Arrival times on ${shortDay(shownDay)}`}>
          {windows
            .filter((window) => dayOf(window.starts_at, timeZone) === shownDay)
            .map((window) => (
              <button
                key={window.starts_at}
                type="button"
                aria-pressed={window.starts_at === startsAt}
                onClick={() => onWindow(window.starts_at)}
                className={chip(window.starts_at === startsAt)}
                data-testid="new-booking-window"
                data-starts-at={window.starts_at}
              >
                {formatVisitTimes({ ...window, window_ends_at: window.ends_at }, timeZone)}
                {window.remaining === 1 ? <span className="text-ui-fg-subtle"> · last place</span> : null}
              </button>
            ))}
        </div>
      )}
      <div className="flex gap-x-2">
        <Button size="small" variant="transparent" disabled={!from || isFetching} onClick={() => onPage(earlier <= todayIn(timeZone) ? "" : earlier)}>
          Earlier dates
        </Button>
        <Button
          size="small"
          variant="transparent"
          disabled={isFetching}
          onClick={() => onPage(addDays(first, WINDOW_PAGE_DAYS))}
          data-testid="new-booking-later"
        >
          Later dates
        </Button>
      </div>
    </div>
  )
}
