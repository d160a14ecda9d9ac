import type { Rating } from "@fieldservice/contract"

export const STAR_WORDS = ["Poor", "Fair", "Good", "Very good", "Excellent"] as const

/** "★★★★☆", read out as "4 out of 5 stars". */
export function Stars({ stars }: { stars: number }) {
  return (
    <span className="rating-stars" role="img" aria-label={`${stars} out of 5 stars`}>
      {"★".repeat(stars)}
      <span className="rating-stars__empty">{"★".repeat(5 - stars)}</span>
    </span>
  )
}

/** The photos of a rating, each opening full size. */
export function RatingPhotos({ photos }: { photos: Rating["photos"] }) {
  if (!photos.length) return null
  return (
    <ul className="rating-photos" aria-label="Your photos">
      {photos.map((photo) => (
        <li key={photo.id}>
          <a href={photo.url}>
            <img src={photo.url} alt={`Your photo ${photo.filename}`} width={96} height={96} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  )
}

/** A given rating: the stars, the comment and the photos (through the portal's /files/…). */
export function RatingSummary({ rating, testId }: { rating: Pick<Rating, "stars" | "comment" | "photos">; testId?: string }) {
  return (
    <div className="rating-summary" data-testid={testId}>
      <p>
        <Stars stars={rating.stars} /> <span>{STAR_WORDS[rating.stars - 1]}</span>
      </p>
      {rating.comment ? <p className="rating-summary__comment">{rating.comment}</p> : null}
      <RatingPhotos photos={rating.photos} />
    </div>
  )
}

type BookingRating = { rating: Pick<Rating, "stars" | "comment" | "photos"> | null; canRate: boolean; until: string | null }

/** On a completed visit's page: "How was your visit? Rate it", or the rating given with "Change" within the 14 days. */
export function BookingRatingSection({ bookingId, rating }: { bookingId: string; rating: BookingRating }) {
  const rate = `/bookings/${encodeURIComponent(bookingId)}/rate`
  if (!rating.rating && !rating.canRate) return null
  return (
    <section aria-labelledby="rating-heading" className="booking-section" data-testid="booking-rating">
      <h2 id="rating-heading">{rating.rating ? "Your rating" : "How was your visit?"}</h2>
      {rating.rating ? (
        <>
          <RatingSummary rating={rating.rating} />
          {rating.canRate ? (
            <p>
              <a href={rate}>Change</a>
              {rating.until ? <span className="muted">{` (until ${rating.until})`}</span> : null}
            </p>
          ) : null}
        </>
      ) : (
        <p>
          <a className="button" href={rate} data-testid="rate-visit-link">
            Rate it
          </a>
        </p>
      )}
    </section>
  )
}

type Pending = { booking_id: string; booking_number: string; service_title: string; fieldworker_name: string | null }

/** "How was your visit? Rate it" for each completed visit still waiting for a rating (My bookings, the home page). */
export function PendingRatingsPrompt({ pending }: { pending: Pending[] }) {
  if (!pending.length) return null
  return (
    <div className="notice-box rating-prompt" data-testid="pending-ratings">
      {pending.slice(0, 3).map((visit) => (
        <p key={visit.booking_id}>
          {`How was your ${visit.service_title} visit${visit.fieldworker_name ? ` with ${visit.fieldworker_name}` : ""} (booking ${visit.booking_number})? `}
          <a href={`/bookings/${encodeURIComponent(visit.booking_id)}/rate`}>Rate it</a>
        </p>
      ))}
    </div>
  )
}
