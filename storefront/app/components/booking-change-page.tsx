import { Link } from "@remix-run/react"
import type { ReactNode } from "react"

export const bookingPath = (id: string) => `/bookings/${encodeURIComponent(id)}`

type BookingChangePageProps = {
  booking: { id: string; number: string }
  title: ReactNode
  testId?: string
  children: ReactNode
}

/** A page that changes one booking (cancel, reschedule, job notes, contact): the way back to it, its title, then its own parts. */
export function BookingChangePage({ booking, title, testId, children }: BookingChangePageProps) {
  return (
    <section className="narrow" data-testid={testId}>
      <p className="muted">
        <Link to={bookingPath(booking.id)}>Back to booking {booking.number}</Link>
      </p>
      <h1>{title}</h1>
      {children}
    </section>
  )
}
