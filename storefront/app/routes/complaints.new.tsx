import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { complaintOpening, MAX_ATTACHMENT_BYTES, MAX_COMPLAINT_DESCRIPTION } from "@fieldservice/contract"

import { Field, FormAlert, SelectField } from "~/components/field"
import { problemOf } from "~/lib/api/booking.server"
import { getMyBooking } from "~/lib/api/bookings.server"
import { addComplaintPhoto, openComplaint } from "~/lib/api/complaints.server"
import { CATEGORY_OPTIONS, isPastVisit } from "~/lib/complaints"
import { text } from "~/lib/forms"
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT, ATTACHMENT_TOO_LARGE, attachmentProblem } from "~/lib/manage-booking"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"
import { readForm, uploadedFile } from "~/lib/uploads.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Report a problem")

/** The visit it is about (?booking=…, from the booking's page), when it is the customer's and has taken place. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const bookingId = new URL(request.url).searchParams.get("booking")
  const booking = bookingId ? await getMyBooking(token, bookingId).catch(() => null) : null
  const visit = booking && isPastVisit(booking) ? { id: booking.id, number: booking.booking_number, service: booking.service_title } : null
  return json({ visit })
}

type ActionData = { formError?: string; fields?: Record<string, string>; values: { category: string; description: string } }

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const read = await readForm(request, MAX_ATTACHMENT_BYTES + 512 * 1024)
  if (read.tooLarge) return json<ActionData>({ formError: ATTACHMENT_TOO_LARGE, values: { category: "", description: "" } }, { status: 413 })
  const { form } = read
  const values = { category: text(form, "category"), description: text(form, "description") }
  const parsed = complaintOpening.safeParse({ ...values, booking_id: text(form, "booking_id") })
  if (!parsed.success) {
    const fields: Record<string, string> = {}
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message
    return json<ActionData>({ formError: "Please check the form.", fields, values }, { status: 400 })
  }
  const file = uploadedFile(form, "file")
  const fileProblem = file ? attachmentProblem(file) : null
  if (fileProblem) return json<ActionData>({ formError: fileProblem, fields: { file: fileProblem }, values }, { status: 400 })
  let id: string
  try {
    id = (await openComplaint(token, parsed.data)).id
  } catch (error) {
    const problem = await problemOf(request, error)
    return json<ActionData>({ formError: problem.message, values }, { status: problem.status })
  }
  // The complaint is kept even if its photo is refused: the page says so and offers to add it again.
  let done = "opened"
  if (file) await addComplaintPhoto(token, id, file, file.name).catch(() => (done = "opened-photo-failed"))
  return redirect(`/complaints/${encodeURIComponent(id)}?done=${done}`)
}

/** "Report a problem": what it is about, what went wrong, and a photo if it helps. Works without JavaScript. */
export default function NewComplaint() {
  const { visit } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="narrow" data-testid="new-complaint">
      <p className="muted">
        <Link to="/complaints">Complaints</Link>
      </p>
      <h1>Report a problem</h1>
      {visit ? (
        <p data-testid="complaint-visit">{`About your ${visit.service} visit, booking ${visit.number}.`}</p>
      ) : (
        <p>Tell us what went wrong. To report a problem with a particular visit, use “Report a problem” on the visit’s page.</p>
      )}
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <FormAlert message={result?.formError} />
        {visit ? <input type="hidden" name="booking_id" value={visit.id} /> : null}
        <SelectField
          name="category"
          label="What is it about?"
          options={CATEGORY_OPTIONS}
          defaultValue={result?.values.category ?? ""}
          required
          error={result?.fields?.category}
        />
        <div className="field">
          <label htmlFor="description">What went wrong?</label>
          <textarea
            id="description"
            name="description"
            rows={6}
            maxLength={MAX_COMPLAINT_DESCRIPTION}
            required
            defaultValue={result?.values.description ?? ""}
            aria-invalid={result?.fields?.description ? true : undefined}
            aria-describedby={result?.fields?.description ? "description-error" : undefined}
          />
          {result?.fields?.description ? (
            <p className="field-error" id="description-error">
              {result.fields.description}
            </p>
          ) : null}
        </div>
        <Field name="file" label="A photo or document (optional)" type="file" accept={ATTACHMENT_ACCEPT} hint={ATTACHMENT_HINT} error={result?.fields?.file} />
        <button type="submit" className="button" disabled={submitting}>
          Send
        </button>
      </Form>
    </section>
  )
}
