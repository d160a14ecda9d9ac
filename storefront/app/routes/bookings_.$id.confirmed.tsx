import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { FormStatus } from "~/components/field"
import { businessTimeZone, failWith } from "~/lib/api/booking.server"
import { toBookingView } from "~/lib/bookings"
import { getMyBooking } from "~/lib/api/bookings.server"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"
import { dueText, PriceSummary } from "~/components/price-summary"
import { describeCard } from "~/lib/manage-booking"
import type { StoreManagedBooking as ManagedBooking } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Booking confirmed")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  let booking: ManagedBooking | null
  try {
    booking = await getMyBooking(token, params.id ?? "")
  } catch (error) {
    return failWith(request, error)
  }
  if (!booking) throw new Response("Booking not found", { status: 404 })
  const card = describeCard(booking.card)
  return json({ booking: toBookingView(booking, businessTimeZone()), price: booking.price, card })
}

export default function BookingConfirmed() {
  const { booking, price, card } = useLoaderData<typeof loader>()
  return (
    <section className="narrow" data-testid="booking-confirmed">
      <h1>Booking confirmed</h1>
      <FormStatus testId="booking-confirmed-notice">
        <p>Thank you. Your {booking.service} is booked. We&rsquo;ve sent the details to your email.</p>
      </FormStatus>
      <dl className="details">
        <dt>Booking number</dt>
        <dd data-testid="booking-number">{booking.number}</dd>
        <dt>Service</dt>
        <dd data-testid="booking-service">
          {booking.service}
          {booking.option ? ` · ${booking.option}` : null}
        </dd>
        {booking.quote ? (
          <>
            <dt>Quote</dt>
            <dd data-testid="booking-quote">From quote {booking.quote.number}</dd>
          </>
        ) : null}
        <dt>Arrival time</dt>
        <dd data-testid="booking-when">{booking.when}</dd>
        <dt>Address</dt>
        <dd data-testid="booking-location">{booking.location ?? "To be confirmed"}</dd>
        <dt>Payment</dt>
        <dd data-testid="booking-payment">{card ?? "Pay on the day"}</dd>
      </dl>
      {price ? <PriceSummary price={price} due={dueText(card)} /> : null}
      <p className="muted">Keep your booking number: you can also sign in with it and your email.</p>
      <p className="link-row">
        <Link to={`/bookings/${encodeURIComponent(booking.id)}`}>View this booking</Link>
        <Link to="/bookings">My bookings</Link>
        <Link to="/services">Book another service</Link>
      </p>
    </section>
  )
}
