import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import leafletStyles from "leaflet/dist/leaflet.css?url"

import { BookingMap } from "~/components/booking-map"
import { MessageUsLink } from "~/components/messages/message-us-link"
import { dueText, PriceSummary } from "~/components/price-summary"
import { mapTiles } from "~/lib/map-tiles.server"
import { Field, FormAlert, FormStatus } from "~/components/field"
import { businessTimeZone, problemOf } from "~/lib/api/booking.server"
import { findBookingInvoice } from "~/lib/api/invoices.server"
import { toBookingView } from "~/lib/bookings"
import { text } from "~/lib/forms"
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_HINT,
  ATTACHMENT_TOO_LARGE,
  attachmentProblem,
  describeCard,
  DONE_MESSAGES,
  formatBytes,
  formatMoment,
  isThumbnailImage,
} from "~/lib/manage-booking"
import { addBookingAttachment, loadManagedBooking, removeBookingAttachment } from "~/lib/api/manage-booking.server"
import { pageTitle } from "~/lib/meta"
import { getToken, requireToken } from "~/lib/session.server"
import { readForm, uploadedFile } from "~/lib/uploads.server"
import { cutoffMoment, MAX_ATTACHMENT_BYTES } from "@fieldservice/contract"
import { WithOfficeLinks } from "~/components/office-contact"
import { isPastVisit } from "~/lib/complaints"
import { BookingRatingSection } from "~/components/rating-stars"
import { getBookingRating } from "~/lib/api/ratings.server"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Booking ${data.booking.number}` : "Booking")

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, data } = await loadManagedBooking(request, params.id, { bookingNumber: true })
  const { booking, changes } = data
  const zone = businessTimeZone()
  const done = new URL(request.url).searchParams.get("done")
  const token = access.viaBookingNumber || booking.status !== "completed" ? null : await getToken(request)
  const [invoice, rated] = token
    ? await Promise.all([findBookingInvoice(token, booking.id).catch(() => null), getBookingRating(token, booking.id).catch(() => null)])
    : [null, null]
  return json({
    invoice,
    rating: rated ? { rating: rated.rating, canRate: rated.can_rate, until: rated.changeable_until ? formatMoment(rated.changeable_until, zone) : null } : null,
    booking: {
      ...toBookingView(booking, zone),
      cancelled: booking.status === "cancelled",
      cancelledAt: booking.cancelled_at ? formatMoment(booking.cancelled_at, zone) : null,
      card: describeCard(booking.card),
      rescheduled: booking.reschedule_count > 0,
      bookAgainUrl: booking.service_handle ? `/book/${encodeURIComponent(booking.service_handle)}` : "/services",
      map: booking.map,
      price: booking.price,
      attachments: booking.attachments.map((attachment) => ({
        id: attachment.id,
        url: attachment.url,
        filename: attachment.filename,
        size: formatBytes(attachment.size_bytes),
        thumbnail: isThumbnailImage(attachment.mime_type),
        kind: attachment.mime_type === "application/pdf" ? "PDF" : "Photo",
        byCustomer: attachment.added_by === "customer",
      })),
    },
    changes: {
      canEdit: changes.can_edit,
      canAddFiles: changes.can_add_attachments,
      canCancel: changes.can_cancel,
      canReschedule: changes.can_reschedule,
      cancelUntil: changes.cancel_until ? formatMoment(changes.cancel_until, zone) : null,
      rescheduleUntil: changes.reschedule_until ? formatMoment(changes.reschedule_until, zone) : null,
      cancelRefusal: changes.cancel_refusal,
      rescheduleRefusal: changes.reschedule_refusal,
      cancellationCutoff: cutoffMoment(changes.cancellation_cutoff_hours),
      rescheduleCutoff: cutoffMoment(changes.reschedule_cutoff_hours),
      policy: changes.cancellation_policy,
    },
    tiles: mapTiles(),
    // Signed in with a booking number: cancel and reschedule here; details and files need a full account.
    viaBookingNumber: access.viaBookingNumber,
    // A visit that has taken place can be reported ("Report a problem"), with a full account.
    reportUrl: !access.viaBookingNumber && isPastVisit(booking) ? `/complaints/new?booking=${encodeURIComponent(booking.id)}` : null,
    done: done ? (DONE_MESSAGES[done] ?? null) : null,
    // A file's message is shown beside the files, where the page scrolls to (on a phone the top is far away).
    doneWithFiles: done === "file-added" || done === "file-removed",
  })
}

type FilesActionData = { fileError?: string; removeError?: string }

/** Adding a file (multipart) or removing one, from this page's own forms. */
export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const here = `/bookings/${encodeURIComponent(id)}`
  // A little over 10 MB, so a file just over the limit still reaches the size check (and its message).
  const read = await readForm(request, MAX_ATTACHMENT_BYTES + 512 * 1024)
  if (read.tooLarge) return json<FilesActionData>({ fileError: ATTACHMENT_TOO_LARGE }, { status: 413 })
  const { form } = read

  if (form.get("intent") === "remove-file") {
    try {
      await removeBookingAttachment(token, id, text(form, "attachment_id"))
    } catch (error) {
      const problem = await problemOf(request, error)
      return json<FilesActionData>({ removeError: problem.message }, { status: problem.status })
    }
    return redirect(`${here}?done=file-removed#files`)
  }

  const file = uploadedFile(form, "file")
  if (!file) return json<FilesActionData>({ fileError: "Choose a photo or a PDF to add." }, { status: 400 })
  const tooBig = attachmentProblem(file)
  if (tooBig) return json<FilesActionData>({ fileError: tooBig }, { status: file.size > MAX_ATTACHMENT_BYTES ? 413 : 400 })
  try {
    await addBookingAttachment(token, id, file, file.name)
  } catch (error) {
    const problem = await problemOf(request, error)
    return json<FilesActionData>({ fileError: problem.message }, { status: problem.status })
  }
  return redirect(`${here}?done=file-added#files`)
}

export default function BookingOverview() {
  const { booking, changes, tiles, done, doneWithFiles, viaBookingNumber, invoice, reportUrl, rating } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const base = `/bookings/${encodeURIComponent(booking.id)}`

  return (
    <section className="narrow" data-testid="booking-overview">
      <p className="muted">{viaBookingNumber ? <Link to="/my-booking">My booking</Link> : <Link to="/bookings">My bookings</Link>}</p>
      <h1>{booking.service}</h1>
      {done && !doneWithFiles ? <FormStatus testId="booking-done">{done}</FormStatus> : null}
      {booking.cancelled ? (
        <div className="alert" data-testid="booking-cancelled">
          <p>{booking.cancelledAt ? `This booking was cancelled on ${booking.cancelledAt}.` : "This booking was cancelled."}</p>
          <p>
            <Link to={booking.bookAgainUrl} className="button">
              Book again
            </Link>
          </p>
        </div>
      ) : null}

      <dl className="details">
        <dt>Booking number</dt>
        <dd data-testid="booking-number">{booking.number}</dd>
        <dt>Status</dt>
        <dd data-testid="booking-status">{booking.status}</dd>
        <dt>Service</dt>
        <dd data-testid="booking-service">{booking.service}</dd>
        <dt>Option</dt>
        <dd data-testid="booking-option">{booking.option ?? "—"}</dd>
        {booking.quote ? (
          <>
            <dt>Quote</dt>
            <dd data-testid="booking-quote">
              From quote <Link to={`/quotes/${encodeURIComponent(booking.quote.id)}`}>{booking.quote.number}</Link>
            </dd>
          </>
        ) : null}
        <dt>Arrival time</dt>
        <dd data-testid="booking-when">
          {booking.when}
          {booking.rescheduled && !booking.cancelled ? <span className="muted"> (rescheduled)</span> : null}
        </dd>
        <dt>Address</dt>
        <dd data-testid="booking-location">{booking.location ?? "To be confirmed"}</dd>
        {invoice ? (
          <>
            <dt>Invoice</dt>
            <dd>
              <Link to={`/invoices/${encodeURIComponent(invoice.id)}`} data-testid="booking-invoice">
                Invoice {invoice.number}
              </Link>
            </dd>
          </>
        ) : null}
        {booking.card ? (
          <>
            <dt>Card</dt>
            <dd data-testid="booking-card">{booking.card}</dd>
          </>
        ) : null}
      </dl>
      {rating ? <BookingRatingSection bookingId={booking.id} rating={rating} /> : null}
      {booking.cancelled ? null : <BookingMap point={booking.map} tiles={tiles} address={booking.location} />}
      {booking.price && !booking.cancelled ? <PriceSummary price={booking.price} due={dueText(booking.card)} /> : null}
      {viaBookingNumber ? null : <MessageUsLink about="booking" id={booking.id} what="booking" />}

      <section aria-labelledby="contact-heading" className="booking-section">
        <h2 id="contact-heading">Contact for this visit</h2>
        <p data-testid="booking-contact">{booking.contact ?? "—"}</p>
        {changes.canEdit ? <Link to={`${base}/contact`}>Edit contact details</Link> : null}
      </section>

      <section aria-labelledby="notes-heading" className="booking-section">
        <h2 id="notes-heading">Instructions for our team</h2>
        <p data-testid="booking-instructions" className="pre-line">
          {booking.instructions ?? "None"}
        </p>
        {changes.canEdit ? <Link to={`${base}/notes`}>{booking.instructions ? "Edit job notes" : "Add job notes"}</Link> : null}
      </section>

      {viaBookingNumber ? (
        <section aria-labelledby="account-heading" className="booking-section notice-box" data-testid="needs-full-account">
          <h2 id="account-heading">Photos, documents and details</h2>
          <p>
            With your booking number you can reschedule or cancel this visit. To see its photos and documents, or change its contact details and notes,{" "}
            <Link to="/my-booking">create a full account</Link> (it takes a password) or sign in.
          </p>
        </section>
      ) : (
        <section aria-labelledby="files-heading" className="booking-section" id="files">
          <h2 id="files-heading">Photos and documents</h2>
          {done && doneWithFiles ? <FormStatus testId="booking-done">{done}</FormStatus> : null}
          {booking.attachments.length === 0 ? (
            <p className="muted" data-testid="attachments-empty">
              No photos or documents yet.
            </p>
          ) : (
            <ul className="attachment-list" aria-label="Photos and documents">
              {booking.attachments.map((attachment) => (
                <li key={attachment.id} className="attachment" data-testid="attachment">
                  <a href={attachment.url} target="_blank" rel="noreferrer" className="attachment__link">
                    {attachment.thumbnail ? (
                      <img src={attachment.url} alt="" className="attachment__thumbnail" loading="lazy" />
                    ) : (
                      <span className="attachment__icon" aria-hidden="true">
                        {attachment.kind}
                      </span>
                    )}
                    <span data-testid="attachment-name">{attachment.filename}</span>
                  </a>
                  <span className="muted">
                    {" "}
                    {attachment.kind}, {attachment.size}
                    {attachment.byCustomer ? "" : ", added by our team"}
                  </span>
                  {attachment.byCustomer && changes.canAddFiles ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove-file" />
                      <input type="hidden" name="attachment_id" value={attachment.id} />
                      <button type="submit" className="button button--secondary button--small" disabled={submitting}>
                        Remove<span className="visually-hidden"> {attachment.filename}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {result?.removeError ? (
            <p role="alert" className="alert">
              {result.removeError}
            </p>
          ) : null}
          {changes.canAddFiles ? (
            // A new key after each added or removed file empties the picker, so "Add file" can't send the same file again.
            <Form key={booking.attachments.map((attachment) => attachment.id).join()} method="post" encType="multipart/form-data" className="form" noValidate>
              <FormAlert message={result?.fileError} />
              <input type="hidden" name="intent" value="add-file" />
              <Field
                name="file"
                label="Add a photo or document"
                type="file"
                accept={ATTACHMENT_ACCEPT}
                required
                hint={ATTACHMENT_HINT}
                aria-invalid={result?.fileError ? true : undefined}
              />
              <button type="submit" className="button button--secondary" disabled={submitting}>
                Add file
              </button>
            </Form>
          ) : null}
        </section>
      )}

      {reportUrl ? (
        <section aria-labelledby="problem-heading" className="booking-section" data-testid="booking-report">
          <h2 id="problem-heading">Something not right?</h2>
          <p>
            <Link to={reportUrl} className="button button--secondary" data-testid="report-problem">
              Report a problem
            </Link>
          </p>
        </section>
      ) : null}

      {booking.cancelled ? null : (
        <section aria-labelledby="changes-heading" className="booking-section" data-testid="booking-changes">
          <h2 id="changes-heading">Reschedule or cancel</h2>
          {changes.canReschedule ? (
            <p>
              <Link to={`${base}/reschedule`} className="button button--secondary">
                Reschedule
              </Link>{" "}
              <span className="muted">{`until ${changes.rescheduleUntil} (${changes.rescheduleCutoff})`}</span>
            </p>
          ) : (
            <p data-testid="reschedule-refusal">
              <WithOfficeLinks text={changes.rescheduleRefusal ?? ""} />
            </p>
          )}
          {changes.canCancel ? (
            <p>
              <Link to={`${base}/cancel`} className="button button--danger">
                Cancel booking
              </Link>{" "}
              <span className="muted">{`until ${changes.cancelUntil} (${changes.cancellationCutoff})`}</span>
            </p>
          ) : changes.cancelRefusal !== changes.rescheduleRefusal ? (
            <p data-testid="cancel-refusal">
              <WithOfficeLinks text={changes.cancelRefusal ?? ""} />
            </p>
          ) : null}
          <p className="muted" data-testid="booking-policy">
            {changes.policy}
          </p>
        </section>
      )}
    </section>
  )
}
