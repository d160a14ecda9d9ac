import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { toBookingView, type BookingView } from "~/lib/bookings"
import { listMyBookings } from "~/lib/api/bookings.server"
import { listBookingSeries } from "~/lib/api/booking-series.server"
import { CalendarLink, SeriesList } from "~/components/booking-series/series-list"
import type { PendingRating, StoreBookingSeries } from "@fieldservice/contract"
import { pageTitle } from "~/lib/meta"
import { PendingRatingsPrompt } from "~/components/rating-stars"
import { getPendingRatings } from "~/lib/api/ratings.server"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "My bookings")

const PAGE_SIZE = 10

type When = "upcoming" | "past"
type Order = "asc" | "desc"

/** Upcoming bookings soonest first, past ones latest first, unless the customer turns it round. */
const DEFAULT_ORDER: Record<When, Order> = { upcoming: "asc", past: "desc" }

function pageUrl(when: When, order: Order, page: number): string {
  const query = new URLSearchParams()
  if (when !== "upcoming") query.set("when", when)
  if (order !== DEFAULT_ORDER[when]) query.set("order", order)
  if (page > 1) query.set("page", String(page))
  const search = query.toString()
  return search ? `/bookings?${search}` : "/bookings"
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const params = new URL(request.url).searchParams
  const when: When = params.get("when") === "past" ? "past" : "upcoming"
  const orderParam = params.get("order")
  const order: Order = orderParam === "asc" || orderParam === "desc" ? orderParam : DEFAULT_ORDER[when]
  const page = Math.max(1, Math.floor(Number(params.get("page"))) || 1)

  const base = {
    when,
    order,
    page,
    tabs: {
      upcoming: pageUrl("upcoming", DEFAULT_ORDER.upcoming, 1),
      past: pageUrl("past", DEFAULT_ORDER.past, 1),
    },
    sort: {
      label: order === "asc" ? "Earliest first" : "Latest first",
      toggleLabel: order === "asc" ? "Show latest first" : "Show earliest first",
      toggleUrl: pageUrl(when, order === "asc" ? "desc" : "asc", 1),
    },
  }
  try {
    const [result, series, pending] = await Promise.all([
      listMyBookings(token, { when, order, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      // Repeat visits are listed above the upcoming ones.
      when === "upcoming" ? listBookingSeries(token) : Promise.resolve([] as StoreBookingSeries[]),
      // The ask to rate a visit is a nicety: the list still shows when it can't be read.
      getPendingRatings(token).catch((): PendingRating[] => []),
    ])
    const pages = Math.max(1, Math.ceil(result.count / PAGE_SIZE))
    const zone = businessTimeZone()
    return json({
      ...base,
      error: null as string | null,
      zone,
      series,
      pending,
      bookings: result.bookings.map((booking) => toBookingView(booking, zone)),
      count: result.count,
      pages,
      previousUrl: page > 1 ? pageUrl(when, order, Math.min(page - 1, pages)) : null,
      nextUrl: page < pages ? pageUrl(when, order, page + 1) : null,
    })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json(
      {
        ...base,
        error: problem.message,
        zone: businessTimeZone(),
        series: [] as StoreBookingSeries[],
        pending: [] as PendingRating[],
        bookings: [] as BookingView[],
        count: 0,
        pages: 1,
        previousUrl: null as string | null,
        nextUrl: null as string | null,
      },
      { status: problem.status >= 500 ? 503 : problem.status }
    )
  }
}

export default function MyBookings() {
  const data = useLoaderData<typeof loader>()
  const { when, bookings } = data
  return (
    <>
      <h1>My bookings</h1>
      <PendingRatingsPrompt pending={data.pending} />
      <nav aria-label="Which bookings" className="tabs">
        <Link to={data.tabs.upcoming} aria-current={when === "upcoming" ? "page" : undefined}>
          Upcoming
        </Link>
        <Link to={data.tabs.past} aria-current={when === "past" ? "page" : undefined}>
          Past
        </Link>
      </nav>
      <SeriesList series={data.series} timeZone={data.zone} />
      {when === "upcoming" && (data.series.length || bookings.length) ? <CalendarLink /> : null}
      {data.error ? (
        <p role="alert" className="alert">
          {data.error}
        </p>
      ) : bookings.length === 0 ? (
        <div data-testid="bookings-empty">
          <p>{when === "upcoming" ? "You have no upcoming bookings." : "You have no past bookings yet."}</p>
          {when === "upcoming" ? (
            <p>
              <Link to="/services" className="button">
                Book a service
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="list-meta">
            <span data-testid="bookings-count">
              {data.count} {when} booking{data.count === 1 ? "" : "s"}, {data.sort.label.toLowerCase()}
            </span>
            {" · "}
            <Link to={data.sort.toggleUrl}>{data.sort.toggleLabel}</Link>
          </p>
          <ul className="booking-list" aria-label={when === "upcoming" ? "Upcoming bookings" : "Past bookings"}>
            {bookings.map((booking) => (
              <li key={booking.id} className="profile" data-testid="booking">
                <h2 className="profile__name">
                  <Link to={`/bookings/${encodeURIComponent(booking.id)}`}>{booking.service}</Link>
                </h2>
                <dl className="details">
                  {booking.option ? (
                    <>
                      <dt>Option</dt>
                      <dd>{booking.option}</dd>
                    </>
                  ) : null}
                  <dt>Arrival time</dt>
                  <dd data-testid="booking-when">{booking.when}</dd>
                  <dt>Address</dt>
                  <dd>{booking.location ?? "To be confirmed"}</dd>
                  <dt>Status</dt>
                  <dd data-testid="booking-status">{booking.status}</dd>
                  <dt>Booking number</dt>
                  <dd data-testid="booking-number">{booking.number}</dd>
                </dl>
              </li>
            ))}
          </ul>
          {data.pages > 1 ? (
            <nav aria-label="Pages" className="pager">
              {data.previousUrl ? <Link to={data.previousUrl}>Previous page</Link> : null}
              <span data-testid="bookings-page">
                Page {data.page} of {data.pages}
              </span>
              {data.nextUrl ? <Link to={data.nextUrl}>Next page</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  )
}
