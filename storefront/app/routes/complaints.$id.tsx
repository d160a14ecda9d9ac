import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { complaintAge, MAX_ATTACHMENT_BYTES } from "@fieldservice/contract"

import { Field, FormAlert, FormStatus } from "~/components/field"
import { errorStatus } from "~/lib/api/api.server"
import { businessTimeZone, problemOf } from "~/lib/api/booking.server"
import { addComplaintPhoto, complaintPhotoUrl, getComplaint } from "~/lib/api/complaints.server"
import { categoryText, complaintMessageUrl, complaintStatusText } from "~/lib/complaints"
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT, ATTACHMENT_TOO_LARGE, attachmentProblem, formatBytes, formatMoment, isThumbnailImage } from "~/lib/manage-booking"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"
import { readForm, uploadedFile } from "~/lib/uploads.server"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Complaint ${data.complaint.number}` : "Complaint")

const DONE: Record<string, string> = {
  opened: "Thank you. We have your complaint and will be in touch.",
  "opened-photo-failed": "Thank you. We have your complaint, but its photo could not be added: please add it again below.",
  "photo-added": "Your file was added.",
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const complaint = await getComplaint(token, params.id ?? "").catch((error) => {
    if (errorStatus(error) === 404) throw new Response("Complaint not found", { status: 404 })
    throw error
  })
  const zone = businessTimeZone()
  const done = new URL(request.url).searchParams.get("done")
  return json({
    complaint: {
      id: complaint.id,
      number: complaint.number,
      status: complaint.status,
      statusText: complaintStatusText(complaint.status),
      category: categoryText(complaint.category),
      description: complaint.description,
      resolutionNote: complaint.resolution_note,
      opened: formatMoment(complaint.created_at, zone),
      age: complaintAge(complaint.created_at, complaint.resolved_at ?? complaint.closed_at ?? new Date()),
      visit: complaint.booking ? { id: complaint.booking.id, number: complaint.booking.booking_number, service: complaint.booking.service_title } : null,
      photos: complaint.photos.map((photo) => ({
        id: photo.id,
        url: complaintPhotoUrl(complaint.id, photo.id),
        filename: photo.filename,
        size: formatBytes(photo.size_bytes),
        thumbnail: isThumbnailImage(photo.mime_type),
        kind: photo.mime_type === "application/pdf" ? "PDF" : "Photo",
      })),
      canAddFiles: complaint.status !== "closed",
    },
    done: done ? (DONE[done] ?? null) : null,
  })
}

/** Adding a photo or PDF to the complaint (multipart, without JavaScript). */
export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const read = await readForm(request, MAX_ATTACHMENT_BYTES + 512 * 1024)
  if (read.tooLarge) return json({ fileError: ATTACHMENT_TOO_LARGE }, { status: 413 })
  const file = uploadedFile(read.form, "file")
  if (!file) return json({ fileError: "Choose a photo or a PDF to add." }, { status: 400 })
  const tooBig = attachmentProblem(file)
  if (tooBig) return json({ fileError: tooBig }, { status: 400 })
  try {
    await addComplaintPhoto(token, id, file, file.name)
  } catch (error) {
    const problem = await problemOf(request, error)
    return json({ fileError: problem.message }, { status: problem.status })
  }
  return redirect(`/complaints/${encodeURIComponent(id)}?done=photo-added#files`)
}

/** One complaint: where it stands, what was done about it, its files, and "Message us" to talk about it. */
export default function ComplaintPage() {
  const { complaint, done } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="narrow" data-testid="complaint-page">
      <p className="muted">
        <Link to="/complaints">Complaints</Link>
      </p>
      <h1>
        {`Complaint ${complaint.number}`}{" "}
        <span className="badge" data-testid="complaint-status">
          {complaint.statusText}
        </span>
      </h1>
      {done ? <FormStatus testId="complaint-done">{done}</FormStatus> : null}
      <dl className="details">
        <dt>About</dt>
        <dd>{complaint.category}</dd>
        {complaint.visit ? (
          <>
            <dt>Visit</dt>
            <dd>
              <Link to={`/bookings/${encodeURIComponent(complaint.visit.id)}`}>{`${complaint.visit.service}, booking ${complaint.visit.number}`}</Link>
            </dd>
          </>
        ) : null}
        <dt>Opened</dt>
        <dd>{complaint.opened}</dd>
        <dt>{complaint.status === "resolved" || complaint.status === "closed" ? "Took" : "Open for"}</dt>
        <dd>{complaint.age}</dd>
      </dl>
      <h2>What went wrong</h2>
      <p style={{ whiteSpace: "pre-wrap" }} data-testid="complaint-description">
        {complaint.description}
      </p>
      {complaint.resolutionNote ? (
        <section className="notice-box" aria-labelledby="resolution-heading" data-testid="complaint-resolution">
          <h2 id="resolution-heading">What we did</h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{complaint.resolutionNote}</p>
        </section>
      ) : null}
      <p>
        <Link to={complaintMessageUrl(complaint.id)} className="button button--secondary" data-testid="complaint-message-us">
          Message us
        </Link>
      </p>
      <section aria-labelledby="files-heading" id="files">
        <h2 id="files-heading">Photos and documents</h2>
        {complaint.photos.length === 0 ? (
          <p className="muted">No photos or documents.</p>
        ) : (
          <ul className="attachment-list" aria-label="Photos and documents">
            {complaint.photos.map((photo) => (
              <li key={photo.id} className="attachment" data-testid="complaint-photo">
                <a href={photo.url} target="_blank" rel="noreferrer" className="attachment__link">
                  {photo.thumbnail ? (
                    <img src={photo.url} alt="" className="attachment__thumbnail" loading="lazy" />
                  ) : (
                    <span className="attachment__icon" aria-hidden="true">
                      {photo.kind}
                    </span>
                  )}
                  <span>{photo.filename}</span>
                </a>
                <span className="muted">{` ${photo.kind}, ${photo.size}`}</span>
              </li>
            ))}
          </ul>
        )}
        {complaint.canAddFiles ? (
          <Form key={complaint.photos.map((photo) => photo.id).join()} method="post" encType="multipart/form-data" className="form" noValidate>
            <FormAlert message={result?.fileError} />
            <Field name="file" label="Add a photo or document" type="file" accept={ATTACHMENT_ACCEPT} required hint={ATTACHMENT_HINT} />
            <button type="submit" className="button button--secondary" disabled={submitting}>
              Add file
            </button>
          </Form>
        ) : null}
      </section>
    </section>
  )
}
