// Feedback and ratings (issue #21): a customer rates a completed visit 1–5 stars, with a comment and
// photos, changeable for 14 days; staff read the ratings report and each rating on the customer,
// booking and fieldworker pages.
import { z } from "zod"

/** How long after a visit was completed its rating can be given or changed. */
export const RATING_CHANGE_DAYS = 14
export const RATING_WINDOW_CLOSED = `Ratings can be changed for ${RATING_CHANGE_DAYS} days after the visit`
export const MAX_RATING_COMMENT = 2000
export const MAX_RATING_PHOTOS = 3

/** Emitted once when a rating is given (or changed) at or under the low-rating setting; the complaints slice opens a complaint from it. */
export const RATING_LOW_RATING_GIVEN = "rating.low_rating_given"
export type RatingLowRatingGivenEvent = { rating_id: string; booking_id: string; customer_id: string; stars: number; comment: string | null }

export type RatingPhoto = { id: string; filename: string; mime_type: string; size_bytes: number; url: string }

/** One rating: a visit's stars for the fieldworker who came (null when none was assigned). */
export type Rating = {
  id: string
  booking_id: string
  booking_number: string
  customer_id: string
  fieldworker_id: string | null
  fieldworker_name: string | null
  service_title: string
  postcode_area: string | null
  visit_completed_at: string
  stars: number
  comment: string | null
  photos: RatingPhoto[]
  created_at: string
  updated_at: string
}

export type RatingSettings = {
  /** A rating at or under this many stars alerts the office and opens a complaint. */
  low_rating_threshold: number
  /** Where customers who gave 5 stars are invited to leave a public review (e.g. Google); null: no invitation. */
  public_review_url: string | null
}

/** The booking's rating as the portal shows it, and whether it can still be given or changed. */
export type StoreBookingRatingResponse = {
  booking: { id: string; booking_number: string; service_title: string; starts_at: string; fieldworker_name: string | null; completed_at: string | null }
  rating: Rating | null
  /** Until when the rating can be given or changed; null when the visit isn't completed. */
  changeable_until: string | null
  can_rate: boolean
  /** Shown after 5 stars when the business set a review link. */
  public_review_url: string | null
}

export type PendingRating = {
  booking_id: string
  booking_number: string
  service_title: string
  starts_at: string
  fieldworker_name: string | null
  changeable_until: string
}
export type StorePendingRatingsResponse = { pending: PendingRating[] }

export const ratingBody = z
  .object({
    stars: z
      .number({ error: "Choose from 1 to 5 stars" })
      .int("Choose from 1 to 5 stars")
      .min(1, "Choose from 1 to 5 stars")
      .max(5, "Choose from 1 to 5 stars"),
    comment: z
      .string({ error: "The comment must be text" })
      .trim()
      .max(MAX_RATING_COMMENT, `The comment can be at most ${MAX_RATING_COMMENT} characters`)
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .strict()
export type RatingBody = z.infer<typeof ratingBody>

export const ratingSettingsUpdate = z
  .object({
    low_rating_threshold: z
      .number({ error: "The low-rating threshold must be a number of stars" })
      .int("The low-rating threshold must be a whole number of stars")
      .min(0, "The low-rating threshold can be 0 (no alerts) to 4 stars")
      .max(4, "The low-rating threshold can be 0 (no alerts) to 4 stars")
      .optional(),
    public_review_url: z
      .union([z.url({ protocol: /^https?$/, error: "The review link must be a full web address, starting with https://" }), z.literal(""), z.null()])
      .optional()
      .transform((value) => (value === "" ? null : value)),
  })
  .strict()
export type RatingSettingsUpdate = z.infer<typeof ratingSettingsUpdate>
export type AdminRatingSettingsResponse = { settings: RatingSettings }

/** The report's filters (all optional): completed-visit dates (YYYY-MM-DD, inclusive), fieldworker, service, postcode area. */
export const ratingsReportQuery = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "from must be a date, YYYY-MM-DD")
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "to must be a date, YYYY-MM-DD")
      .optional(),
    fieldworker_id: z.string().trim().min(1).optional(),
    service: z.string().trim().min(1).optional(),
    postcode_area: z
      .string()
      .trim()
      .min(1)
      .transform((value) => value.toUpperCase().replace(/\s+/g, ""))
      .optional(),
  })
  .strict()
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "from must be on or before to", path: ["from"] })
export type RatingsReportQuery = z.infer<typeof ratingsReportQuery>

export const adminRatingsQuery = z
  .object({
    customer_id: z.string().trim().min(1).optional(),
    booking_id: z.string().trim().min(1).optional(),
    fieldworker_id: z.string().trim().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminRatingsQuery = z.infer<typeof adminRatingsQuery>
export type AdminRatingsResponse = { ratings: Rating[]; count: number; limit: number; offset: number }

/** One group of the report: average stars, how many, and how many of each star (index 0 = 1 star). */
export type RatingsGroup = { key: string; label: string; average: number; count: number; distribution: [number, number, number, number, number] }
export type RatingsReportResponse = {
  total: RatingsGroup
  by_fieldworker: RatingsGroup[]
  by_service: RatingsGroup[]
  by_postcode_area: RatingsGroup[]
  /** key YYYY-MM, oldest first. */
  by_month: RatingsGroup[]
}
