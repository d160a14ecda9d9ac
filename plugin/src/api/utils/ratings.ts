import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { PendingRating, StoreBookingRatingResponse } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { RATINGS_MODULE, type RatingsModuleService } from "../../modules/ratings"
import { fieldworkerName, findRating, loadOwnBooking, presentRating, ratingChangeableUntil, storePhotoUrl } from "../../workflows/ratings/rating-record"
import { sendAttachmentFile } from "./private-files"

/** The customer's booking with its rating as the portal's rating page and booking page show it; anyone else's is 404. */
export async function loadStoreBookingRating(
  scope: MedusaContainer,
  customerId: string,
  bookingId: string,
  now = new Date()
): Promise<StoreBookingRatingResponse> {
  const booking = await loadOwnBooking(scope, customerId, bookingId)
  const [rating, name, settings] = await Promise.all([
    findRating(scope, { booking_id: booking.id }),
    fieldworkerName(scope, booking.fieldworker_id),
    scope.resolve<RatingsModuleService>(RATINGS_MODULE).getRatingSettings(),
  ])
  const until = ratingChangeableUntil(booking)
  return {
    booking: {
      id: booking.id,
      booking_number: booking.booking_number,
      service_title: booking.service_title,
      starts_at: new Date(booking.starts_at).toISOString(),
      fieldworker_name: rating?.fieldworker_name ?? name,
      completed_at: booking.completed_at ? new Date(booking.completed_at).toISOString() : null,
    },
    rating: rating ? presentRating(rating, storePhotoUrl(booking.id)) : null,
    changeable_until: until ? until.toISOString() : null,
    can_rate: !!until && now.getTime() <= until.getTime(),
    public_review_url: settings.public_review_url,
  }
}

/** Completed visits of the customer without a rating whose 14 days haven't run out, newest first. */
export async function pendingRatings(scope: MedusaContainer, customerId: string, now: Date): Promise<PendingRating[]> {
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const ratings: RatingsModuleService = scope.resolve(RATINGS_MODULE)
  const since = new Date(now.getTime() - 14 * 24 * 60 * 60_000)
  const completed = await bookings.listBookings(
    { customer_id: customerId, status: "completed", completed_at: { $gte: since } },
    { order: { completed_at: "DESC" }, take: 50 }
  )
  if (!completed.length) return []
  const rated = new Set((await ratings.listRatings({ booking_id: completed.map((b) => b.id) }, { select: ["booking_id"] })).map((r) => r.booking_id))
  const open = completed.filter((booking) => !rated.has(booking.id))
  const names = await Promise.all(open.map((booking) => fieldworkerName(scope, booking.fieldworker_id)))
  return open.map((booking, index) => ({
    booking_id: booking.id,
    booking_number: booking.booking_number,
    service_title: booking.service_title,
    starts_at: new Date(booking.starts_at).toISOString(),
    fieldworker_name: names[index],
    changeable_until: ratingChangeableUntil(booking)!.toISOString(),
  }))
}

/**
 * Streams a rating's photo: for a customer, only of their own booking's rating; for staff, of the
 * rating named. Anything else is the same 404 as a photo that never existed.
 */
export async function sendRatingPhoto(
  scope: MedusaContainer,
  res: MedusaResponse,
  input: { photo_id: string } & ({ booking_id: string; customer_id: string } | { rating_id: string })
) {
  const ratings: RatingsModuleService = scope.resolve(RATINGS_MODULE)
  const rating =
    "rating_id" in input
      ? await findRating(scope, { id: input.rating_id })
      : await findRating(scope, { booking_id: input.booking_id, customer_id: input.customer_id })
  const [photo] = rating ? await ratings.listRatingImages({ id: input.photo_id, rating_id: rating.id }, { take: 1 }) : []
  if (!photo) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Photo ${input.photo_id} was not found`)
  await sendAttachmentFile(scope, res, photo)
}
