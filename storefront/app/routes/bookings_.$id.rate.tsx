import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { BookingChangePage, bookingPath } from "~/components/booking-change-page"
import { FormAlert, FormStatus } from "~/components/field"
import { RatingPhotos, RatingSummary, STAR_WORDS } from "~/components/rating-stars"
import { businessTimeZone, problemOf } from "~/lib/api/booking.server"
import { addRatingPhoto, getBookingRating, saveRating } from "~/lib/api/ratings.server"
import { text } from "~/lib/forms"
import { formatMoment } from "~/lib/manage-booking"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"
import { pictureProblem, readForm, TOO_LARGE_MESSAGE } from "~/lib/uploads.server"
import { MAX_PICTURE_BYTES, MAX_RATING_COMMENT, MAX_RATING_PHOTOS, PICTURE_TYPES, RATING_WINDOW_CLOSED } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Rate booking ${data.booking.number}` : "Rate your visit")

async function loadRating(request: Request, id: string | undefined) {
  const token = await requireToken(request)
  const data = await getBookingRating(token, id ?? "")
  if (!data) throw new Response("Booking not found", { status: 404 })
  return { token, data }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await loadRating(request, params.id)
  const zone = businessTimeZone()
  return json({
    booking: {
      id: data.booking.id,
      number: data.booking.booking_number,
      service: data.booking.service_title,
      when: formatMoment(data.booking.starts_at, zone),
      fieldworker: data.booking.fieldworker_name,
    },
    rating: data.rating,
    completed: !!data.booking.completed_at,
    canRate: data.can_rate,
    until: data.changeable_until ? formatMoment(data.changeable_until, zone) : null,
    thanks: new URL(request.url).searchParams.get("thanks") === "1",
    reviewUrl: data.public_review_url,
  })
}

type ActionData = { formError: string; stars?: string; comment?: string }

/** Saves the stars and comment (first rating or a change), then any photos chosen; on to the thank-you. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { token, data } = await loadRating(request, params.id)
  // Several photos of up to 5 MB each, held in memory for the moment they are passed on.
  const read = await readForm(request, MAX_PICTURE_BYTES + 512 * 1024)
  if (read.tooLarge) return json<ActionData>({ formError: TOO_LARGE_MESSAGE }, { status: 413 })
  const { form } = read
  const stars = text(form, "stars")
  const comment = text(form, "comment")
  const keep = { stars, comment }
  if (!/^[1-5]$/.test(stars)) return json<ActionData>({ formError: "Choose from 1 to 5 stars.", ...keep }, { status: 400 })
  if (comment.length > MAX_RATING_COMMENT)
    return json<ActionData>({ formError: `Please keep the comment to ${MAX_RATING_COMMENT} characters.`, ...keep }, { status: 400 })
  const photos = form.getAll("photos").filter((value): value is File => typeof value !== "string" && value.size > 0)
  const room = MAX_RATING_PHOTOS - (data.rating?.photos.length ?? 0)
  if (photos.length > room) return json<ActionData>({ formError: `You can add ${room} more photo${room === 1 ? "" : "s"} at most.`, ...keep }, { status: 400 })
  const badPhoto = photos.map(pictureProblem).find(Boolean)
  if (badPhoto) return json<ActionData>({ formError: badPhoto, ...keep }, { status: 400 })
  try {
    await saveRating(token, data.booking.id, { stars: Number(stars), comment: comment || null }, !!data.rating)
  } catch (error) {
    const problem = await problemOf(request, error)
    return json<ActionData>({ formError: problem.message, ...keep }, { status: problem.status })
  }
  for (const photo of photos) {
    try {
      await addRatingPhoto(token, data.booking.id, photo, photo.name)
    } catch (error) {
      const problem = await problemOf(request, error)
      return json<ActionData>({ formError: `Your rating is saved, but a photo was not added: ${problem.message}`, ...keep }, { status: problem.status })
    }
  }
  return redirect(`${bookingPath(data.booking.id)}/rate?thanks=1`)
}

export default function RateVisit() {
  const { booking, rating, completed, canRate, until, thanks, reviewUrl } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const chosen = result?.stars ?? (rating ? String(rating.stars) : "")
  const photoRoom = MAX_RATING_PHOTOS - (rating?.photos.length ?? 0)

  if (thanks && rating) {
    return (
      <BookingChangePage booking={booking} title="Thank you for your rating" testId="rating-thanks">
        <FormStatus>
          <p>Your rating of booking {booking.number} is saved.</p>
        </FormStatus>
        <RatingSummary rating={rating} />
        {rating.stars === 5 && reviewUrl ? (
          <div className="notice-box" data-testid="public-review-invite">
            <p>We’re so glad it went well! Would you tell others in a public review? It helps a small business a lot.</p>
            <p>
              <a className="button" href={reviewUrl} target="_blank" rel="noopener noreferrer">
                Leave a public review
              </a>
            </p>
          </div>
        ) : null}
        {until ? <p className="muted">{`You can change your rating until ${until}.`}</p> : null}
        <p>
          <Link to={bookingPath(booking.id)}>Back to booking {booking.number}</Link>
        </p>
      </BookingChangePage>
    )
  }

  return (
    <BookingChangePage booking={booking} title={rating ? "Change your rating" : "How was your visit?"} testId="rate-visit">
      <p>{`${booking.service}, ${booking.when}.`}</p>
      {!completed ? (
        <p role="alert" className="alert">
          You can rate this visit once it is done.
        </p>
      ) : !canRate ? (
        <>
          <p role="alert" className="alert">
            {RATING_WINDOW_CLOSED}.
          </p>
          {rating ? <RatingSummary rating={rating} /> : null}
        </>
      ) : (
        <Form method="post" encType="multipart/form-data" className="form" noValidate>
          <FormAlert message={result?.formError} />
          <fieldset className="choices choices--stacked star-choices">
            <legend>{booking.fieldworker ? `How did ${booking.fieldworker} do?` : "How many stars would you give the visit?"}</legend>
            {STAR_WORDS.map((word, index) => {
              const value = String(index + 1)
              return (
                <div className="choice" key={value}>
                  <input type="radio" id={`stars-${value}`} name="stars" value={value} defaultChecked={chosen === value} required />
                  <label htmlFor={`stars-${value}`}>
                    <span aria-hidden="true">{"★".repeat(index + 1)}</span> {`${value} – ${word}`}
                  </label>
                </div>
              )
            })}
          </fieldset>
          <div className="field">
            <label htmlFor="comment">Tell us more (optional)</label>
            <textarea id="comment" name="comment" rows={5} maxLength={MAX_RATING_COMMENT} defaultValue={result?.comment ?? rating?.comment ?? ""} />
          </div>
          {photoRoom > 0 ? (
            <div className="field">
              <label htmlFor="photos">Add photos (optional)</label>
              <p className="field-hint" id="photos-hint">
                {`Up to ${photoRoom} photo${photoRoom === 1 ? "" : "s"}: JPEG, PNG or WebP, 5 MB each.`}
              </p>
              <input id="photos" name="photos" type="file" multiple accept={PICTURE_TYPES.join(",")} aria-describedby="photos-hint" />
            </div>
          ) : null}
          {rating ? <RatingPhotos photos={rating.photos} /> : null}
          {until ? <p className="muted">{`You can change your rating until ${until}.`}</p> : null}
          <button type="submit" className="button" disabled={submitting} data-testid="send-rating">
            {rating ? "Save my rating" : "Send my rating"}
          </button>
        </Form>
      )}
      <p>
        <Link to={bookingPath(booking.id)}>Back to booking {booking.number}</Link>
      </p>
    </BookingChangePage>
  )
}
