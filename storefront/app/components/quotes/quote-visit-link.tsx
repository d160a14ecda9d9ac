import { Link } from "@remix-run/react"
import type { Quote } from "@fieldservice/contract"

import { formatWindow } from "~/lib/services"

/**
 * On an accepted quote: the visit booked from it (a link to the booking), or "Book a visit". The
 * emailed link's session is sent to sign in first by the booking page itself.
 */
export function QuoteVisitLink({ quote, timeZone }: { quote: Quote; timeZone: string }) {
  if (quote.visit) {
    return (
      <p className="notice-box" data-testid="quote-visit">
        Visit booked: <Link to={`/bookings/${encodeURIComponent(quote.visit.booking_id)}`}>booking {quote.visit.booking_number}</Link>,{" "}
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
