import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { describeArrivalWindow } from "../../modules/services/time-zone"
import { placeBookingWorkflow, type PlaceBookingResult } from "../booking/place-booking"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { eventActor, officeEmail, quoteActivity, quoteLabel } from "./quote-activity"
import { recordQuoteEventStep } from "./steps/customer-action"
import { loadVisitFromQuoteStep, type ScheduleQuoteInput, setQuoteBookingStep } from "./steps/visit-from-quote"

export const scheduleQuoteWorkflowId = "schedule-quote"

export type ScheduleQuoteWorkflowInput = ScheduleQuoteInput & {
  sales_channel_id?: string | null
  /** The staff member booking it (staff may take windows inside the lead time), or null for the customer. */
  actor?: ActivityActor | null
}

/** "Visit booked from Quote QUO-… (title): booking BK-…, Monday 4 January 2027, arriving between 09:00 and 11:00." */
const scheduledSentenceStep = createStep(
  "quote-scheduled-sentence",
  async (input: { label: string; booking: { booking_number: string; starts_at: Date | string; location: unknown } }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const ends = (input.booking.location as { window_ends_at?: string } | null)?.window_ends_at
    const when = describeArrivalWindow(new Date(input.booking.starts_at), new Date(ends ?? input.booking.starts_at), services.timeZone)
    return new StepResponse(`Visit booked from ${input.label}: booking ${input.booking.booking_number}, ${when}.`)
  }
)

/**
 * An accepted quote becomes a visit, booked by the customer in the portal or by staff from the quote
 * page: place-booking makes the booking for the accepted option's lines at the quoted prices (the
 * window from the first service line's service, the quote's address and business profile), the
 * card held only for what a paid deposit leaves. The acceptance keeps the booking (once: two tabs
 * book one visit), and the quote's history, the customer's activity and the office hear of it.
 */
export const scheduleQuoteWorkflow = createWorkflow(scheduleQuoteWorkflowId, (input: ScheduleQuoteWorkflowInput) => {
  const lockKey = transform({ input }, ({ input }) => `quote:${input.quote_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const visit = loadVisitFromQuoteStep(input)
  const placed = placeBookingWorkflow.runAsStep({
    input: transform({ visit, input }, ({ visit, input }) => ({
      customer_id: visit.acting.quote.customer_id,
      sales_channel_id: input.sales_channel_id ?? null,
      service_id: visit.service_id,
      variant_id: visit.variant_id,
      starts_at: input.starts_at,
      location: visit.location,
      business_profile_id: visit.acting.quote.business_profile_id,
      instructions: input.instructions ?? null,
      saved_card_id: visit.saved_card_id,
      by: input.actor ? ("staff" as const) : ("customer" as const),
      actor: input.actor ?? null,
      quote: { id: visit.acting.quote.id, number: visit.acting.quote.number ?? "", lines: visit.lines, paid_deposit: visit.paid_deposit },
    })),
  })
  setQuoteBookingStep(
    transform({ visit, placed }, ({ visit, placed }) => ({
      acceptance_id: visit.acceptance_id,
      booking_id: placed.booking.id,
      previous_booking_id: visit.previous_booking_id,
    }))
  )
  const sentence = scheduledSentenceStep(
    transform({ visit, placed }, ({ visit, placed }) => ({ label: quoteLabel(visit.acting.quote), booking: placed.booking }))
  )
  recordQuoteEventStep(
    transform({ visit, placed, input }, ({ visit, placed, input }) => ({
      quote_id: visit.acting.quote.id,
      kind: "scheduled" as const,
      version: visit.acting.quote.current_version,
      message: `Booking ${placed.booking.booking_number}`,
      actor: input.actor ? eventActor(input.actor) : "customer",
    }))
  )
  recordActivityStep(
    transform({ visit, placed, input, sentence }, ({ visit, placed, input, sentence }) => [
      quoteActivity(visit.acting.quote, "quote_scheduled", sentence, input.actor ?? { type: "customer", id: visit.acting.quote.customer_id }, {
        booking_id: placed.booking.id,
        booking_number: placed.booking.booking_number,
      }),
    ])
  )
  // The office hears when the customer booked it; staff booking it know already.
  when({ input }, ({ input }) => !input.actor).then(() => {
    sendAfterCommitStep(transform({ visit, sentence }, ({ visit, sentence }) => officeEmail(visit.acting, "quote.scheduled", sentence)))
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(placed as unknown as PlaceBookingResult)
})
