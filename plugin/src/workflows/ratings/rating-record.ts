import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { RATING_CHANGE_DAYS, RATING_LOW_RATING_GIVEN, RATING_WINDOW_CLOSED, type Rating, type RatingLowRatingGivenEvent } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../../modules/fieldworkers"
import { RATINGS_MODULE, type RatingsModuleService } from "../../modules/ratings"

export const RATING_LOW_GIVEN = RATING_LOW_RATING_GIVEN
export type LowRatingGiven = RatingLowRatingGivenEvent

const DAY = 24 * 60 * 60_000

type BookingRow = Awaited<ReturnType<BookingModuleService["retrieveBooking"]>>
type RatingRow = Awaited<ReturnType<RatingsModuleService["retrieveRating"]>>

/** Until when a completed visit's rating can be given or changed; null when it isn't completed. */
export function ratingChangeableUntil(booking: { status: string; completed_at?: Date | string | null }): Date | null {
  if (booking.status !== "completed" || !booking.completed_at) return null
  return new Date(new Date(booking.completed_at).getTime() + RATING_CHANGE_DAYS * DAY)
}

/** The customer's own booking, or the same 404 as a booking that doesn't exist. */
export async function loadOwnBooking(container: MedusaContainer, customerId: string, bookingId: string): Promise<BookingRow> {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ id: bookingId, customer_id: customerId }, { take: 1 })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${bookingId} was not found`)
  return booking
}

/**
 * Why the visit can't be rated (or its rating changed) now, in the customer's words; null when it can.
 * `now` is the request's clock, passed in so tests can pin it.
 */
export function ratingRefusal(booking: BookingRow, now: Date): MedusaError | null {
  const until = ratingChangeableUntil(booking)
  if (!until) {
    return new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Booking ${booking.booking_number}'s visit isn't completed yet: you can rate it once it is done.`,
      "visit_not_completed"
    )
  }
  if (now.getTime() > until.getTime()) return new MedusaError(MedusaError.Types.NOT_ALLOWED, RATING_WINDOW_CLOSED, "rating_window_closed")
  return null
}

/** The fieldworker's name as it is now (kept on the rating, so the report still names them after they leave). */
export async function fieldworkerName(container: MedusaContainer, fieldworkerId: string | null | undefined): Promise<string | null> {
  if (!fieldworkerId) return null
  const fieldworkers: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
  const [row] = await fieldworkers.listFieldworkers({ id: fieldworkerId }, { take: 1, withDeleted: true })
  return row?.name ?? null
}

/** The booking's rating with its photos, or null. */
export async function findRating(container: MedusaContainer, filters: { booking_id?: string; id?: string; customer_id?: string }): Promise<RatingRow | null> {
  const ratings: RatingsModuleService = container.resolve(RATINGS_MODULE)
  const [rating] = await ratings.listRatings(filters, { take: 1, relations: ["photos"] })
  return rating ?? null
}

const iso = (value: Date | string) => new Date(value).toISOString()

/** A rating as the API answers it; photo urls point at the route that streams them for the asker. */
export function presentRating(rating: RatingRow, photoUrl: (photoId: string) => string): Rating {
  return {
    id: rating.id,
    booking_id: rating.booking_id,
    booking_number: rating.booking_number,
    customer_id: rating.customer_id,
    fieldworker_id: rating.fieldworker_id ?? null,
    fieldworker_name: rating.fieldworker_name ?? null,
    service_title: rating.service_title,
    postcode_area: rating.postcode_area ?? null,
    visit_completed_at: iso(rating.visit_completed_at),
    stars: Number(rating.stars),
    comment: rating.comment ?? null,
    photos: [...(rating.photos ?? [])]
      .sort((a, b) => iso(a.created_at).localeCompare(iso(b.created_at)))
      .map((photo) => ({ id: photo.id, filename: photo.filename, mime_type: photo.mime_type, size_bytes: Number(photo.size_bytes), url: photoUrl(photo.id) })),
    created_at: iso(rating.created_at),
    updated_at: iso(rating.updated_at),
  }
}

export const storePhotoUrl = (bookingId: string) => (photoId: string) => `/store/customers/me/bookings/${bookingId}/rating/photos/${photoId}`
export const adminPhotoUrl = (ratingId: string) => (photoId: string) => `/admin/ratings/${ratingId}/photos/${photoId}`

export const starsText = (stars: number) => `${stars} star${stars === 1 ? "" : "s"}`
