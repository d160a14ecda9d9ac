import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { bookingPath, BookingChangePage } from "~/components/booking-change-page"
import { FormAlert } from "~/components/field"
import { businessTimeZone, problemOf } from "~/lib/api/booking.server"
import { toBookingView } from "~/lib/bookings"
import { text } from "~/lib/forms"
import { loadManagedBooking, updateBookingDetails } from "~/lib/api/manage-booking.server"
import { pageTitle } from "~/lib/meta"
import { BUSINESS_LOCALE } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Job notes for booking ${data.booking.number}` : "Job notes")

/** The API keeps up to 2,000 characters. */
const MAX_NOTES = 2000

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await loadManagedBooking(request, params.id)
  const view = toBookingView(data.booking, businessTimeZone())
  return json({
    booking: { id: view.id, number: view.number, service: view.service, when: view.when },
    instructions: data.booking.instructions ?? "",
    refusal: data.changes.can_edit ? null : data.changes.edit_refusal,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, data } = await loadManagedBooking(request, params.id)
  const instructions = text(await request.formData(), "instructions")
  if (instructions.length > MAX_NOTES) {
    return json({ formError: `Please keep the notes to ${MAX_NOTES.toLocaleString(BUSINESS_LOCALE)} characters.`, instructions }, { status: 400 })
  }
  try {
    await updateBookingDetails(access.token, data.booking.id, { instructions: instructions || null })
  } catch (error) {
    const problem = await problemOf(request, error)
    return json({ formError: problem.message, instructions }, { status: problem.status })
  }
  return redirect(`/bookings/${encodeURIComponent(data.booking.id)}?done=notes`)
}

export default function BookingNotes() {
  const { booking, instructions, refusal } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const back = bookingPath(booking.id)
  return (
    <BookingChangePage booking={booking} title="Job notes">
      <p>{`${booking.service}, ${booking.when}.`}</p>
      {refusal ? (
        <p role="alert" className="alert">
          {refusal}
        </p>
      ) : (
        <Form method="post" className="form" noValidate>
          <FormAlert message={result?.formError} />
          <div className="field">
            <label htmlFor="instructions">Instructions for our team</label>
            <p className="field-hint" id="instructions-hint">
              For example how to get in, where to park, or anything we should look out for. Leave it empty to remove your notes.
            </p>
            <textarea
              id="instructions"
              name="instructions"
              rows={6}
              maxLength={MAX_NOTES}
              defaultValue={result?.instructions ?? instructions}
              aria-describedby="instructions-hint"
              aria-invalid={result?.formError ? true : undefined}
            />
          </div>
          <button type="submit" className="button" disabled={submitting}>
            Save notes
          </button>
        </Form>
      )}
      <p>
        <Link to={back}>Go back without saving</Link>
      </p>
    </BookingChangePage>
  )
}
