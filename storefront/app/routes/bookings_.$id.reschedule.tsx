import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { BookingChangePage } from "~/components/booking-change-page"
import { FormAlert } from "~/components/field"
import { TimePicker } from "~/components/time-window-choices"
import { businessTimeZone, failWith } from "~/lib/api/booking.server"
import { toBookingView } from "~/lib/bookings"
import { text } from "~/lib/forms"
import { formatMoment } from "~/lib/manage-booking"
import { changeProblem, loadManagedBooking, rescheduleBooking } from "~/lib/api/manage-booking.server"
import { pageTitle } from "~/lib/meta"
import { getAvailability } from "~/lib/api/services.server"
import { PAGE_DAYS, requestedDay, timePage } from "~/lib/time-page"
import { cutoffText, officeContact, type StoreAvailabilityResponse as Availability } from "@fieldservice/contract"
import { WithOfficeLinks } from "~/components/office-contact"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Reschedule booking ${data.booking.number}` : "Reschedule booking")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await loadManagedBooking(request, params.id, { bookingNumber: true })
  const { booking, changes } = data
  const zone = businessTimeZone()
  const view = toBookingView(booking, zone)
  const base = `/bookings/${encodeURIComponent(booking.id)}/reschedule`

  let page: ReturnType<typeof timePage> | null = null
  // Times are only offered while the visit can still be moved.
  if (changes.can_reschedule && booking.product_id) {
    let availability: Availability
    try {
      availability = await getAvailability(booking.service_handle ?? booking.product_id, requestedDay(request), PAGE_DAYS)
    } catch (error) {
      return failWith(request, error)
    }
    const current = new Date(booking.starts_at).getTime()
    // The visit's own time is not a new one.
    page = timePage(availability, request, base, { skip: (start) => start.getTime() === current })
  }

  return json({
    booking: { id: view.id, number: view.number, service: view.service, when: view.when },
    refusal: changes.can_reschedule
      ? booking.product_id
        ? null
        : `This booking can't be moved online. To change its time, please ${officeContact(changes)}.`
      : changes.reschedule_refusal,
    until: changes.reschedule_until ? formatMoment(changes.reschedule_until, zone) : null,
    cutoff: cutoffText(changes.reschedule_cutoff_hours),
    policy: changes.cancellation_policy,
    page,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, data } = await loadManagedBooking(request, params.id, { bookingNumber: true })
  const startsAt = text(await request.formData(), "starts_at")
  if (!startsAt || Number.isNaN(Date.parse(startsAt))) {
    return json({ formError: "Choose the new time for your visit." }, { status: 400 })
  }
  try {
    await rescheduleBooking(access, data.booking.id, new Date(startsAt).toISOString())
  } catch (error) {
    const problem = await changeProblem(request, access, error)
    // The times shown again are fresh: one just taken is no longer among them.
    return json({ formError: problem.message }, { status: problem.status })
  }
  return redirect(`/bookings/${encodeURIComponent(data.booking.id)}?done=rescheduled`)
}

export default function RescheduleBooking() {
  const { booking, refusal, until, cutoff, policy, page } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <BookingChangePage booking={booking} title={<>Reschedule {booking.service}</>} testId="reschedule-booking">
      <p>
        Your visit is now <strong data-testid="reschedule-current">{booking.when}</strong>.
      </p>
      <section aria-labelledby="policy-heading" className="booking-section" data-testid="reschedule-policy">
        <h2 id="policy-heading">Our rescheduling policy</h2>
        <p>{`You can move a visit online ${cutoff}.`}</p>
        <p>{policy}</p>
      </section>
      {refusal ? (
        <p role="alert" className="alert" data-testid="reschedule-refused">
          <WithOfficeLinks text={refusal} />
        </p>
      ) : (
        <>
          <FormAlert message={result?.formError} />
          {page ? (
            <TimePicker {...page} intro={`Choose a new arrival time (you can do this until ${until}).`} submitLabel="Move my visit" submitting={submitting} />
          ) : null}
        </>
      )}
    </BookingChangePage>
  )
}
