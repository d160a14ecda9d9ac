import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS, bookingListQuery, formatVisitDay, formatVisitTimes } from "../lib/bookings"
import { sdk } from "../lib/sdk"
import { RepeatVisits } from "./customer-bookings/repeat-visits"
import type { AdminBookingListResponse as BookingListResponse, AdminBookingListItem as ListedBooking } from "@fieldservice/contract"

/** How many of each list the widget shows; the link opens the rest in Bookings. */
const SHOWN = 5

/**
 * The customer's visits at a glance, in the page's side column (next to their activity): the next
 * bookings and the latest past ones, each with its status and a link to the booking; "All
 * bookings" opens the bookings list filtered to this customer. Their repeat visits come first.
 */
const CustomerBookingsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  // Upcoming and past as the portal shows them: upcoming is open and not over; completed,
  // cancelled and finished visits are past.
  const upcomingQuery = bookingListQuery({ customer_id: customer.id, when: "upcoming", limit: SHOWN })
  const pastQuery = bookingListQuery({ customer_id: customer.id, when: "past", order: "-starts_at", limit: SHOWN })
  const upcoming = useQuery({
    queryKey: ["customer-bookings", customer.id, "upcoming", upcomingQuery],
    queryFn: () => sdk.client.fetch<BookingListResponse>(`/admin/bookings?${upcomingQuery}`),
  })
  const past = useQuery({
    queryKey: ["customer-bookings", customer.id, "past", pastQuery],
    queryFn: () => sdk.client.fetch<BookingListResponse>(`/admin/bookings?${pastQuery}`),
  })
  const allLink = `/bookings?${new URLSearchParams({ customer_id: customer.id, from: "" })}`

  return (
    <Container className="divide-y p-0" data-testid="customer-bookings">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Bookings</Heading>
        <div className="flex items-center gap-x-3">
          <Link to={allLink} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover" data-testid="customer-bookings-all">
            All bookings
          </Link>
          <Button size="small" variant="secondary" asChild>
            <Link to={`/bookings/new?${new URLSearchParams({ customer_id: customer.id })}`} data-testid="customer-bookings-new">
              New booking
            </Link>
          </Button>
        </div>
      </div>
      <RepeatVisits customerId={customer.id} />
      <BookingGroup
        title="Upcoming"
        testId="customer-bookings-upcoming"
        result={upcoming}
        empty="No upcoming visits."
        more={(count) => `${count} upcoming in all`}
        allLink={`/bookings?${new URLSearchParams({ customer_id: customer.id, from: "", when: "upcoming" })}`}
      />
      <BookingGroup
        title="Recent"
        testId="customer-bookings-past"
        result={past}
        empty="No past visits."
        more={(count) => `${count} past in all`}
        allLink={`/bookings?${new URLSearchParams({ customer_id: customer.id, from: "", when: "past", order: "-starts_at" })}`}
      />
    </Container>
  )
}

function BookingGroup({
  title,
  testId,
  result,
  empty,
  more,
  allLink,
}: {
  title: string
  testId: string
  result: { data?: BookingListResponse; isLoading: boolean; error: Error | null }
  empty: string
  more: (count: number) => string
  allLink: string
}) {
  const { data, isLoading, error } = result
  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" data-testid={testId}>
      <Text size="small" weight="plus" leading="compact" asChild>
        <h3>{title}</h3>
      </Text>
      {isLoading && (
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      )}
      {error && (
        <Text size="small" className="text-ui-fg-error">
          The bookings could not be loaded: {error.message}
        </Text>
      )}
      {data && data.bookings.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle" data-testid={`${testId}-empty`}>
          {empty}
        </Text>
      )}
      {data && data.bookings.length > 0 && (
        <ul className="flex flex-col gap-y-1">
          {data.bookings.map((booking) => (
            <BookingItem key={booking.id} booking={booking} timeZone={data.time_zone} />
          ))}
        </ul>
      )}
      {data && data.count > data.bookings.length && (
        <Link to={allLink} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          {more(data.count)}
        </Link>
      )}
    </section>
  )
}

function BookingItem({ booking, timeZone }: { booking: ListedBooking; timeZone: string }) {
  return (
    <li>
      <Link
        to={`/bookings/${booking.id}`}
        className="hover:bg-ui-bg-base-hover -mx-2 flex items-start justify-between gap-x-2 rounded-md px-2 py-1.5"
        data-testid="customer-booking"
        data-booking-id={booking.id}
      >
        <div className="flex min-w-0 flex-col">
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {booking.service_title}
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
            {formatVisitDay(booking.starts_at, timeZone)}, {formatVisitTimes(booking, timeZone)}
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted font-mono">
            {booking.booking_number}
            {booking.fieldworker && ` · ${booking.fieldworker.name}`}
          </Text>
        </div>
        <Badge size="2xsmall" color={BOOKING_STATUS_COLORS[booking.status]} data-testid="customer-booking-status">
          {BOOKING_STATUS_LABELS[booking.status]}
        </Badge>
      </Link>
    </li>
  )
}

export const config = defineWidgetConfig({
  // Its place on the page: migration-scripts/customer-page-layout.ts.
  id: "customer-bookings",
  zone: "customer.details.side.before",
})

export default CustomerBookingsWidget
