import { Link } from "@remix-run/react"
import type { Quote } from "@fieldservice/contract"

import { formatWindow } from "~/lib/services"

/**
 * On an accepted quote: the visit booked from it (a link to the booking, for a signed-in
 * customer: the emailed link's session sees this quote only), or "Book a visit".
 */
export function QuoteVisitLink({ quote, timeZone, viaLink = false }: { quote: Quote; timeZone: string; viaLink?: boolean }) {
  if (quote.visit) {
    const booking = `booking ${quote.visit.booking_number}`
    return (
      <p className="notice-box" data-testid="quote-visit">
        Visit booked: {viaLink ? booking : <Link to={`/bookings/${encodeURIComponent(quote.visit.booking_id)}`}>{booking}</Link>},{" "}
        {formatWindow(quote.visit.starts_at, quote.visit.window_ends_at, timeZone, "long")}.
      </p>
    )
  }
  if (quote.status !== "accepted") return null
  return (
    <p>
      <Link to={`/quotes/${encodeURIComponent(quote.id)}/book`} className="button" data-testid="quote-book-visit">
        Book a visit
      </Link>
    </p>
  )
}
