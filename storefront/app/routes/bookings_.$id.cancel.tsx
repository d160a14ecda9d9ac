import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { bookingPath, BookingChangePage } from "~/components/booking-change-page"
import { FormAlert } from "~/components/field"
import { businessTimeZone } from "~/lib/api/booking.server"
import { toBookingView } from "~/lib/bookings"
import { text } from "~/lib/forms"
import { formatMoment } from "~/lib/manage-booking"
import { cancelBooking, changeProblem, loadManagedBooking } from "~/lib/api/manage-booking.server"
import { pageTitle } from "~/lib/meta"
import { cutoffText } from "@fieldservice/contract"
import { OfficeContact, WithOfficeLinks } from "~/components/office-contact"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Cancel booking ${data.booking.number}` : "Cancel booking")

const MAX_REASON = 500

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await loadManagedBooking(request, params.id, { bookingNumber: true })
  const { booking, changes } = data
  const zone = businessTimeZone()
  const view = toBookingView(booking, zone)
  return json({
    booking: { id: view.id, number: view.number, service: view.service, option: view.option, when: view.when, location: view.location },
    canCancel: changes.can_cancel,
    refusal: changes.cancel_refusal,
    until: changes.cancel_until ? formatMoment(changes.cancel_until, zone) : null,
    cutoff: cutoffText(changes.cancellation_cutoff_hours),
    policy: changes.cancellation_policy,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, data } = await loadManagedBooking(request, params.id, { bookingNumber: true })
  const reason = text(await request.formData(), "reason")
  if (reason.length > MAX_REASON) {
    return json({ formError: `Please keep the reason to ${MAX_REASON} characters.`, reason }, { status: 400 })
  }
  try {
    await cancelBooking(access, data.booking.id, reason || null)
  } catch (error) {
    const problem = await changeProblem(request, access, error)
    return json({ formError: problem.message, reason }, { status: problem.status })
  }
  return redirect(`/bookings/${encodeURIComponent(data.booking.id)}?done=cancelled`)
}

export default function CancelBooking() {
  const { booking, canCancel, refusal, until, cutoff, policy } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const back = bookingPath(booking.id)
  return (
    <BookingChangePage booking={booking} title="Cancel this booking?" testId="cancel-booking">
      <dl className="details">
        <dt>Service</dt>
        <dd>{booking.option ? `${booking.service} (${booking.option})` : booking.service}</dd>
        <dt>Arrival time</dt>
        <dd data-testid="cancel-when">{booking.when}</dd>
        <dt>Address</dt>
        <dd>{booking.location ?? "To be confirmed"}</dd>
      </dl>
      <section aria-labelledby="policy-heading" className="booking-section" data-testid="cancel-policy">
        <h2 id="policy-heading">Our cancellation policy</h2>
        <p>{`You can cancel online ${cutoff}.`}</p>
        <p>{policy}</p>
        <p>
          Questions? Please <OfficeContact />.
        </p>
      </section>
      {canCancel ? (
        <Form method="post" className="form" noValidate>
          <FormAlert message={result?.formError} />
          <p data-testid="cancel-deadline">{`This visit can be cancelled here until ${until}.`}</p>
          <div className="field">
            <label htmlFor="reason">Reason (optional)</label>
            <p className="field-hint" id="reason-hint">
              It helps us plan; our office sees it.
            </p>
            <textarea id="reason" name="reason" rows={3} maxLength={MAX_REASON} defaultValue={result?.reason ?? ""} aria-describedby="reason-hint" />
          </div>
          <button type="submit" className="button button--danger" disabled={submitting}>
            Cancel booking
          </button>{" "}
          <Link to={back}>Keep my booking</Link>
        </Form>
      ) : (
        <>
          <p role="alert" className="alert" data-testid="cancel-refused">
            <WithOfficeLinks text={refusal ?? ""} />
          </p>
          <p>
            <Link to={back}>Back to my booking</Link>
          </p>
        </>
      )}
    </BookingChangePage>
  )
}
