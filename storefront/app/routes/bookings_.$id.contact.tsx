import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { bookingPath, BookingChangePage } from "~/components/booking-change-page"
import { Field, FormAlert } from "~/components/field"
import { businessTimeZone, problemOf } from "~/lib/api/booking.server"
import { toBookingView } from "~/lib/bookings"
import { hasErrors, text } from "~/lib/forms"
import { loadManagedBooking, updateBookingDetails } from "~/lib/api/manage-booking.server"
import { pageTitle } from "~/lib/meta"
import { bookingContactChangeForm, fieldProblems } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Contact details for booking ${data.booking.number}` : "Contact details")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await loadManagedBooking(request, params.id)
  const view = toBookingView(data.booking, businessTimeZone())
  const contact = data.booking.contact ?? {}
  return json({
    booking: { id: view.id, number: view.number, service: view.service, when: view.when },
    values: { name: contact.name ?? "", email: contact.email ?? "", phone: contact.phone ?? "" },
    refusal: data.changes.can_edit ? null : data.changes.edit_refusal,
  })
}

type Values = { name: string; email: string; phone: string }
type ActionData = { formError?: string; errors?: Partial<Record<keyof Values, string>>; values: Values }

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, data } = await loadManagedBooking(request, params.id)
  const form = await request.formData()
  const values: Values = { name: text(form, "name"), email: text(form, "email"), phone: text(form, "phone") }
  const errors = fieldProblems<keyof Values>(bookingContactChangeForm, values)
  if (hasErrors(errors)) return json<ActionData>({ errors, values }, { status: 400 })
  try {
    await updateBookingDetails(access.token, data.booking.id, {
      contact: { name: values.name, email: values.email, phone: values.phone || null },
    })
  } catch (error) {
    const problem = await problemOf(request, error)
    return json<ActionData>({ formError: problem.message, values }, { status: problem.status })
  }
  return redirect(`/bookings/${encodeURIComponent(data.booking.id)}?done=contact`)
}

export default function BookingContact() {
  const { booking, values, refusal } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const shown = result?.values ?? values
  const back = bookingPath(booking.id)
  return (
    <BookingChangePage booking={booking} title="Contact details">
      <p>{`Who should our team contact about ${booking.service} on ${booking.when}?`}</p>
      {refusal ? (
        <p role="alert" className="alert">
          {refusal}
        </p>
      ) : (
        <Form method="post" className="form" noValidate>
          <FormAlert message={result?.formError ?? (result?.errors ? "Please check the details below." : null)} />
          <Field name="name" label="Name" autoComplete="name" defaultValue={shown.name} error={result?.errors?.name} required />
          <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={shown.email} error={result?.errors?.email} required />
          <Field
            name="phone"
            label="Phone (optional)"
            type="tel"
            autoComplete="tel"
            defaultValue={shown.phone}
            error={result?.errors?.phone}
            hint="So our team can call on the day."
          />
          <button type="submit" className="button" disabled={submitting}>
            Save contact details
          </button>
        </Form>
      )}
      <p>
        <Link to={back}>Go back without saving</Link>
      </p>
    </BookingChangePage>
  )
}
