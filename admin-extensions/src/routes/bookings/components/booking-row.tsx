import { PaperClip } from "@medusajs/icons"
import { Badge, Table } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS, formatVisitDay, formatVisitTimes } from "../../../lib/bookings"
import type { AdminBookingListItem as ListedBooking } from "@fieldservice/contract"

export function BookingRow({ booking, timeZone, onOpen }: { booking: ListedBooking; timeZone?: string; onOpen: () => void }) {
  const customerName = booking.customer?.name || booking.contact_name || booking.email
  return (
    <Table.Row className="cursor-pointer" onClick={onOpen} data-testid="booking-row" data-booking-id={booking.id} data-booking-number={booking.booking_number}>
      <Table.Cell>
        <div className="flex flex-col">
          <span>{formatVisitDay(booking.starts_at, timeZone)}</span>
          <span className="text-ui-fg-subtle">{formatVisitTimes(booking, timeZone)}</span>
        </div>
      </Table.Cell>
      <Table.Cell>
        <div className="flex items-center gap-x-1">
          {/* A real link too, so staff can open a booking in a new tab. */}
          <Link
            to={`/bookings/${booking.id}`}
            onClick={(event) => event.stopPropagation()}
            className="txt-compact-small-plus font-mono"
            data-testid="booking-number"
          >
            {booking.booking_number}
          </Link>
          {booking.attachment_count > 0 && (
            <span className="text-ui-fg-muted flex items-center" title={`${booking.attachment_count} attachment${booking.attachment_count === 1 ? "" : "s"}`}>
              <PaperClip />
            </span>
          )}
        </div>
      </Table.Cell>
      <Table.Cell>{booking.option_title ? `${booking.service_title} (${booking.option_title})` : booking.service_title}</Table.Cell>
      <Table.Cell>
        <div className="flex flex-col">
          <span data-testid="booking-customer">{customerName}</span>
          {customerName !== booking.email && <span className="text-ui-fg-subtle">{booking.email}</span>}
        </div>
      </Table.Cell>
      <Table.Cell>{booking.postcode ?? "—"}</Table.Cell>
      <Table.Cell data-testid="booking-fieldworker">
        {booking.fieldworker ? booking.fieldworker.name : <span className="text-ui-fg-muted">Unassigned</span>}
      </Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={BOOKING_STATUS_COLORS[booking.status]} data-testid="booking-status">
          {BOOKING_STATUS_LABELS[booking.status]}
        </Badge>
      </Table.Cell>
    </Table.Row>
  )
}
