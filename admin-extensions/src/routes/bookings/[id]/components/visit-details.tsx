import { Container, Heading } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatVisitDay, formatVisitTime } from "../../../../lib/bookings"
import { formatDateTime } from "../../../../lib/portal"
import { Row } from "./row"
import { VisitActions } from "./visit-actions"
import type { AdminBooking } from "@fieldservice/contract"

export function VisitDetails({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const contact = booking.contact ?? {}
  const card = booking.card
  return (
    <Container className="divide-y p-0" data-testid="booking-details">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Visit</Heading>
        <VisitActions booking={booking} timeZone={timeZone} />
      </div>
      <Row label="When" testId="booking-when">
        <span>{formatVisitDay(booking.starts_at, timeZone)}</span>
        <span className="text-ui-fg-subtle">
          {booking.window_ends_at
            ? `Arriving between ${formatVisitTime(booking.starts_at, timeZone)} and ${formatVisitTime(booking.window_ends_at, timeZone)}`
            : `${formatVisitTime(booking.starts_at, timeZone)}–${formatVisitTime(booking.ends_at, timeZone)}`}
          {booking.reschedule_count > 0 && ` · moved ${booking.reschedule_count === 1 ? "once" : `${booking.reschedule_count} times`}`}
        </span>
      </Row>
      {booking.quote_id && (
        <Row label="Quote" testId="booking-quote">
          <span>
            From quote{" "}
            <Link to={`/quotes/${booking.quote_id}`} className="text-ui-fg-interactive">
              {booking.quote_number}
            </Link>
          </span>
        </Row>
      )}
      <Row label="Where" testId="booking-where">
        {booking.location_text ?? "—"}
      </Row>
      <Row label="Contact on the day" testId="booking-contact">
        <span>{contact.name ?? "—"}</span>
        {contact.email && <span className="text-ui-fg-subtle">{contact.email}</span>}
        {contact.phone && <span className="text-ui-fg-subtle">{contact.phone}</span>}
      </Row>
      {booking.additional_contact && (
        <Row label="Also contact" testId="booking-additional-contact">
          <span>
            {booking.additional_contact.name}
            {booking.additional_contact.role ? ` (${booking.additional_contact.role})` : ""}
          </span>
          {[...booking.additional_contact.emails, ...booking.additional_contact.phones].map((value) => (
            <span key={value} className="text-ui-fg-subtle">
              {value}
            </span>
          ))}
        </Row>
      )}
      <Row label="Instructions" testId="booking-instructions">
        <span className="whitespace-pre-wrap">{booking.instructions || "—"}</span>
      </Row>
      {booking.dependents.length > 0 && (
        <Row label="For" testId="booking-dependents">
          {booking.dependents.map((dependent) => (
            <span key={dependent.id}>
              {dependent.name}
              {dependent.type_label && <span className="text-ui-fg-subtle"> · {dependent.type_label}</span>}
            </span>
          ))}
        </Row>
      )}
      {booking.business_profile && (
        <Row label="Business profile" testId="booking-business-profile">
          <span>{booking.business_profile.name}</span>
          <span className="text-ui-fg-subtle">{booking.business_profile.billing_email}</span>
          <span className="text-ui-fg-subtle">{booking.business_profile.address_text}</span>
          {booking.business_profile.tax_id && <span className="text-ui-fg-subtle">Tax ID {booking.business_profile.tax_id}</span>}
        </Row>
      )}
      {card && (
        <Row label="Card" testId="booking-card">
          {card.brand ? `${card.brand[0].toUpperCase()}${card.brand.slice(1)}` : "Card"} ending {card.last4}
          {card.exp_month && card.exp_year ? `, expires ${String(card.exp_month).padStart(2, "0")}/${String(card.exp_year).slice(-2)}` : ""}
        </Row>
      )}
      <Row label="Booked">{formatDateTime(booking.created_at)}</Row>
    </Container>
  )
}
