import { Button, Text } from "@medusajs/ui"
import type { Quote } from "@fieldservice/contract"
import { useState } from "react"
import { Link } from "react-router-dom"
import { formatVisitDay, formatVisitTimes } from "../../../lib/bookings"
import { ScheduleVisitDrawer } from "./schedule-visit-drawer"

/** Under the acceptance: the visit booked from the quote (linked), or "Schedule visit" while none is. */
export function QuoteVisit({ quote, timeZone }: { quote: Quote; timeZone: string }) {
  const [open, setOpen] = useState(false)
  if (quote.visit) {
    return (
      <div className="px-6 py-4" data-testid="quote-visit">
        <Text size="small">
          Visit booked:{" "}
          <Link to={`/bookings/${quote.visit.booking_id}`} className="text-ui-fg-interactive" data-testid="quote-visit-link">
            {quote.visit.booking_number}
          </Link>
          , {formatVisitDay(quote.visit.starts_at, timeZone)},{" "}
          {formatVisitTimes({ starts_at: quote.visit.starts_at, ends_at: quote.visit.starts_at, window_ends_at: quote.visit.window_ends_at }, timeZone)}
        </Text>
      </div>
    )
  }
  if (quote.status !== "accepted") return null
  return (
    <div className="flex items-center justify-between px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">
        No visit booked yet.
      </Text>
      <Button size="small" onClick={() => setOpen(true)} data-testid="quote-schedule-visit">
        Schedule visit
      </Button>
      <ScheduleVisitDrawer quote={quote} open={open} onOpenChange={setOpen} />
    </div>
  )
}
