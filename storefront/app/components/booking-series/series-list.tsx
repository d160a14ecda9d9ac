import type { StoreBookingSeries } from "@fieldservice/contract"
import { Link } from "@remix-run/react"

import { seriesPath } from "~/lib/booking-series"
import { formatWindow } from "~/lib/services"

/** "Active", "Paused for now", "Ended". */
export function seriesStatus(series: Pick<StoreBookingSeries, "status" | "paused_now">): string {
  if (series.status === "ended") return "Ended"
  return series.paused_now ? "Paused for now" : "Active"
}

/** "Add to my calendar": the customer's visits as an .ics file (through the portal, with their session). */
export function CalendarLink() {
  return (
    <p className="muted" data-testid="calendar-link">
      <a href="/files/visits.ics" download="my-visits.ics">
        Add my visits to a calendar (.ics file)
      </a>
      {" · "}
      <Link to="/bookings/calendar">Keep my calendar up to date</Link>
    </p>
  )
}

/** My bookings: the customer's repeat visits, each with its next visits and a link to its page. */
export function SeriesList({ series, timeZone }: { series: StoreBookingSeries[]; timeZone: string }) {
  if (!series.length) return null
  return (
    <section aria-labelledby="series-heading" data-testid="series-list">
      <h2 id="series-heading">Repeat visits</h2>
      <ul className="booking-list">
        {series.map((item) => (
          <li key={item.id} className="profile" data-testid="series">
            <h3 className="profile__name">
              <Link to={seriesPath(item.id)}>{item.service_title}</Link>
            </h3>
            <dl className="details">
              <dt>How often</dt>
              <dd data-testid="series-frequency">{`${item.frequency_text}, arriving from ${item.start_time}`}</dd>
              <dt>Address</dt>
              <dd>{item.location_text ?? "To be confirmed"}</dd>
              <dt>Status</dt>
              <dd data-testid="series-status">{seriesStatus(item)}</dd>
              <dt>Next visits</dt>
              <dd data-testid="series-next">
                {item.next_visits.length
                  ? item.next_visits.map((visit) => formatWindow(visit.starts_at, visit.window_ends_at, timeZone)).join("; ")
                  : "None booked"}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  )
}
