import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { businessTimeZone, failWith } from "~/lib/booking.server";
import { toBookingView } from "~/lib/bookings";
import { getMyBooking, requireToken, type CustomerBooking } from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Booking ${data.booking.number}` : "Booking");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request);
  let booking: CustomerBooking | null;
  try {
    booking = await getMyBooking(token, params.id ?? "");
  } catch (error) {
    return failWith(request, error);
  }
  // Someone else's booking is "not found", like one that doesn't exist.
  if (!booking) throw new Response("Booking not found", { status: 404 });
  return json({ booking: toBookingView(booking, businessTimeZone()) });
}

export default function BookingOverview() {
  const { booking } = useLoaderData<typeof loader>();
  return (
    <section className="narrow" data-testid="booking-overview">
      <p className="muted">
        <Link to="/bookings">My bookings</Link>
      </p>
      <h1>{booking.service}</h1>
      <dl className="details">
        <dt>Booking number</dt>
        <dd data-testid="booking-number">{booking.number}</dd>
        <dt>Status</dt>
        <dd data-testid="booking-status">{booking.status}</dd>
        <dt>Service</dt>
        <dd data-testid="booking-service">{booking.service}</dd>
        <dt>Option</dt>
        <dd data-testid="booking-option">{booking.option ?? "—"}</dd>
        <dt>Arrival time</dt>
        <dd data-testid="booking-when">{booking.when}</dd>
        <dt>Address</dt>
        <dd data-testid="booking-location">{booking.location ?? "To be confirmed"}</dd>
        <dt>Contact</dt>
        <dd data-testid="booking-contact">{booking.contact ?? "—"}</dd>
        <dt>Instructions</dt>
        <dd data-testid="booking-instructions" className="pre-line">
          {booking.instructions ?? "None"}
        </dd>
      </dl>
    </section>
  );
}
