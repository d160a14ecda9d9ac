import type { Rating } from "@fieldservice/contract"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { starsText, useRatings, useRatingsReport } from "../lib/ratings"

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })

function RatingItem({ rating, show }: { rating: Rating; show: { booking?: boolean; customer?: boolean; fieldworker?: boolean } }) {
  return (
    <li className="flex flex-col gap-y-1 px-6 py-3" data-testid="rating-row">
      <div className="flex flex-wrap items-center justify-between gap-x-2">
        <span className="text-ui-tag-orange-icon" role="img" aria-label={`${rating.stars} out of 5 stars`} data-testid="rating-stars">
          {starsText(rating.stars)}
        </span>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {day(rating.updated_at)}
        </Text>
      </div>
      {rating.comment && (
        <Text size="small" className="whitespace-pre-wrap">
          {rating.comment}
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {show.booking && (
          <>
            <Link to={`/bookings/${rating.booking_id}`} className="text-ui-fg-interactive">
              {rating.booking_number}
            </Link>
            {" · "}
          </>
        )}
        {rating.service_title}
        {show.fieldworker && rating.fieldworker_name ? ` · ${rating.fieldworker_name}` : ""}
        {show.customer && (
          <>
            {" · "}
            <Link to={`/customers/${rating.customer_id}`} className="text-ui-fg-interactive">
              Customer
            </Link>
          </>
        )}
      </Text>
      {rating.photos.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {rating.photos.map((photo) => (
            <a key={photo.id} href={photo.url} target="_blank" rel="noreferrer">
              <img src={photo.url} alt={photo.filename} className="h-16 w-16 rounded object-cover" loading="lazy" />
            </a>
          ))}
        </div>
      )}
    </li>
  )
}

/** The ratings of a customer, a booking or a fieldworker, newest first, in a card of its own. */
export function RatingsCard({
  title = "Ratings",
  filters,
  show,
  testId,
}: {
  title?: string
  filters: { customer_id?: string; booking_id?: string; fieldworker_id?: string }
  show: { booking?: boolean; customer?: boolean; fieldworker?: boolean }
  testId: string
}) {
  const { data, isLoading, error } = useRatings(filters)
  const ratings = data?.ratings ?? []
  const average = ratings.length ? ratings.reduce((sum, rating) => sum + rating.stars, 0) / ratings.length : null
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{title}</Heading>
        {average !== null && (data?.count ?? 0) <= ratings.length && (
          <Text size="small" className="text-ui-fg-subtle">
            {`Average ${average.toFixed(1)} of ${ratings.length}`}
          </Text>
        )}
      </div>
      {isLoading ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          Loading ratings…
        </Text>
      ) : error ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          The ratings could not be loaded: {error.message}
        </Text>
      ) : ratings.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No ratings yet.
        </Text>
      ) : (
        <ul className="divide-y">
          {ratings.map((rating) => (
            <RatingItem key={rating.id} rating={rating} show={show} />
          ))}
        </ul>
      )}
    </Container>
  )
}

/** A fieldworker's average rating and count (all time), linking to the report filtered to them. */
export function FieldworkerRating({ fieldworkerId }: { fieldworkerId: string }) {
  const { data } = useRatingsReport({})
  const group = data?.by_fieldworker.find((row) => row.key === fieldworkerId)
  if (!group) return <span className="text-ui-fg-muted">—</span>
  return (
    <Link
      to={`/ratings?fieldworker_id=${encodeURIComponent(fieldworkerId)}`}
      className="text-ui-fg-interactive"
      onClick={(event) => event.stopPropagation()}
      data-testid="fieldworker-rating"
    >
      {`★ ${group.average.toFixed(1)} (${group.count})`}
    </Link>
  )
}
