import { frequencyText, SERIES_MAX_YEARS, type SeriesFrequency } from "@fieldservice/contract"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isoDate, ruleFor, shortestGapDays } from "../../../modules/booking-series"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { addDays, localDateOf } from "../../../modules/services/time-zone"
import { type BookingLocationInput, checkBookingCartChoices } from "../../booking/booking-cart"
import { locationText } from "../../booking/steps/resolve-visit-location"

export const prepareBookingSeriesStepId = "prepare-booking-series"

export type SeriesTiming = {
  /** The first visit's arrival window start (one of the times offered). */
  starts_at: string
  frequency: SeriesFrequency
  /** The last date a visit may fall on (YYYY-MM-DD, inclusive), or how many visits; neither: no end. */
  until?: string | null
  count?: number | null
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** "HH:MM" of an instant in the zone. */
export function localTimeOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)
}

/**
 * The series' rule and dates from its first visit, checked: the first visit not in the past, the
 * end not before the start (nor more than SERIES_MAX_YEARS ahead), and visits no closer together
 * than the service's duration allows. Nothing is written.
 */
export function seriesTiming(timing: SeriesTiming, duration_minutes: number, service_title: string, timeZone: string, now: Date) {
  const startsAt = new Date(timing.starts_at)
  if (startsAt.getTime() <= now.getTime()) throw invalid("The first visit can't be in the past. Choose one of the times offered.")
  const first = localDateOf(startsAt, timeZone)
  const starts_on = isoDate(first)
  if (timing.until && timing.until < starts_on) {
    throw invalid(`The visits can't end on ${timing.until}, before the first visit on ${starts_on}. Choose a later end date.`)
  }
  const latest = isoDate(addDays(first, SERIES_MAX_YEARS * 365))
  if (timing.until && timing.until > latest) throw invalid(`The visits can end at most ${SERIES_MAX_YEARS} years after the first one (by ${latest}).`)
  const rule = ruleFor(timing.frequency, first)
  const gapDays = shortestGapDays({ rule, starts_on })
  if (gapDays * 24 * 60 < duration_minutes) {
    throw invalid(`${frequencyText(timing.frequency, starts_on)} is too often for ${service_title}: one visit takes ${Math.ceil(duration_minutes / 60)} hours.`)
  }
  return { rule, starts_on, start_time: localTimeOf(startsAt, timeZone), time_zone: timeZone, until: timing.until ?? null, count: timing.count ?? null }
}

export type PrepareSeriesInput = SeriesTiming & {
  customer_id: string
  service_id: string
  variant_id: string
  location: BookingLocationInput
  business_profile_id?: string | null
  now?: string | null
}

/** What the series books each time (checked as a booking's choices are) and its rule. */
export const prepareBookingSeriesStep = createStep(prepareBookingSeriesStepId, async (input: PrepareSeriesInput, { container }) => {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const { details, variant, address, address_id } = await checkBookingCartChoices(container, input)
  const timing = seriesTiming(input, details.duration_minutes, variant.product.title, services.timeZone, input.now ? new Date(input.now) : new Date())
  return new StepResponse({
    ...timing,
    product_id: variant.product.id,
    service_title: variant.product.title,
    option_title: variant.title,
    address,
    address_id,
    location_text: locationText(address),
  })
})
