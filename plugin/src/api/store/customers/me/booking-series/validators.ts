import { SERIES_FREQUENCIES, SERIES_MAX_COUNT } from "@fieldservice/contract"
import { z } from "@medusajs/framework/zod"
import { readLocalDate } from "../../../../../modules/services/availability"
import { StoreCreateBooking } from "../bookings/validators"

/** A calendar date (YYYY-MM-DD) that exists. */
export const seriesDate = (label: string) =>
  z
    .string({ error: `${label} must be a date (YYYY-MM-DD)` })
    .trim()
    .refine((value) => readLocalDate(value) !== null, `${label} must be a date (YYYY-MM-DD)`)

const frequency = z.enum(SERIES_FREQUENCIES, {
  error: "frequency must be one of: every week, every 2, 3 or 4 weeks, monthly by date, monthly by weekday",
})
const startsAt = z.iso.datetime({ offset: true, error: "starts_at must be one of the times offered (an ISO date and time)" })

/** How often and until when; the first visit as a booking's answers (paid on the day: no saved card). */
export const seriesFields = {
  frequency,
  until: seriesDate("until").nullish(),
  count: z
    .number({ error: "count must be a whole number of visits" })
    .int("count must be a whole number of visits")
    .min(2, "count must be at least 2 visits (one visit is a single booking)")
    .max(SERIES_MAX_COUNT, `count must be at most ${SERIES_MAX_COUNT} visits`)
    .nullish(),
}
const oneEnd = (body: { until?: string | null; count?: number | null }) => !(body.until && body.count)
const oneEndMessage = "Choose one way to end: on a date (until) or after a number of visits (count), not both"

export const StoreCreateBookingSeries = StoreCreateBooking.omit({ saved_card_id: true }).extend(seriesFields).strict().refine(oneEnd, oneEndMessage)
export type StoreCreateBookingSeriesType = z.infer<typeof StoreCreateBookingSeries>

export const StoreSkipSeriesVisit = z.object({ date: seriesDate("date") }).strict()
export type StoreSkipSeriesVisitType = z.infer<typeof StoreSkipSeriesVisit>

export const StoreMoveSeriesVisit = z.object({ date: seriesDate("date"), starts_at: startsAt }).strict()
export type StoreMoveSeriesVisitType = z.infer<typeof StoreMoveSeriesVisit>

export const StoreChangeBookingSeries = z
  .object({
    from: seriesDate("from"),
    starts_at: startsAt,
    frequency: frequency.optional(),
    variant_id: z
      .string({ error: "variant_id must be one of the service's options" })
      .trim()
      .min(1, "variant_id must be one of the service's options")
      .optional(),
  })
  .strict()
export type StoreChangeBookingSeriesType = z.infer<typeof StoreChangeBookingSeries>

export const StorePauseBookingSeries = z.object({ from: seriesDate("from"), to: seriesDate("to") }).strict()
export type StorePauseBookingSeriesType = z.infer<typeof StorePauseBookingSeries>

export const StoreEndBookingSeries = z.object({ from: seriesDate("from").nullish() }).strict()
export type StoreEndBookingSeriesType = z.infer<typeof StoreEndBookingSeries>
