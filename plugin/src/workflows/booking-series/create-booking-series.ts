import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService, type SeriesRecord } from "../../modules/booking-series"
import type { BookingParty } from "../../modules/services"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import type { BookingAddress, BookingLocationInput } from "../booking/booking-cart"
import { placeBookingWorkflow } from "../booking/place-booking"
import { saveVisitLocationStep } from "../booking/steps/save-visit-location"
import { BOOKING_SERIES_CHANGED, seriesActivity, seriesName, type SeriesChangedEvent } from "./series-activity"
import { prepareBookingSeriesStep, type SeriesTiming } from "./steps/prepare-booking-series"

export const createBookingSeriesWorkflowId = "create-booking-series"

export type CreateBookingSeriesInput = SeriesTiming & {
  customer_id: string
  sales_channel_id?: string | null
  service_id: string
  variant_id: string
  location: BookingLocationInput
  contact?: { name?: string | null; email?: string | null; phone?: string | null }
  business_profile_id?: string | null
  additional_contact_id?: string | null
  dependent_ids?: string[]
  instructions?: string | null
  /** Who set it up: the customer in the portal, or staff from the customer's page. */
  by: BookingParty
  actor?: ActivityActor | null
  /** The clock the first visit is checked against (tests pin it); now when not given. */
  now?: string | null
  /** The series this one continues (a change from a date on). */
  previous_series_id?: string | null
}

const createSeriesRecordStep = createStep(
  "create-booking-series-record",
  async (data: Omit<SeriesRecord, "id" | "status" | "ended_at" | "ended_by" | "end_reason" | "created_at" | "updated_at" | "deleted_at">, { container }) => {
    const series: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
    const created = (await series.createBookingSeries(data as never)) as unknown as SeriesRecord
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const series: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
    await series.deleteBookingSeries(id)
  }
)

/**
 * A visit that repeats: the rule is checked (first visit not in the past, end not before start,
 * not more often than the service's duration allows), the series recorded, and its first visit
 * booked through the same place-booking workflow as a single booking (same capacity rule, cart
 * → order, paid on the day). If the first visit can't be booked, nothing is written. The rest of
 * the visits up to the horizon are booked by bookSeriesVisits (the route runs it straight after,
 * the scheduled job every night).
 */
export const createBookingSeriesWorkflow = createWorkflow(createBookingSeriesWorkflowId, (input: CreateBookingSeriesInput) => {
  const prepared = prepareBookingSeriesStep(input)
  const newLocation = when({ input }, ({ input }) => "address" in input.location).then(() =>
    saveVisitLocationStep(
      transform({ input }, ({ input }) => {
        const location = input.location as { address: BookingAddress; label?: string | null }
        return { customer_id: input.customer_id, address: location.address, label: location.label ?? null }
      })
    )
  )
  const series = createSeriesRecordStep(
    transform({ input, prepared, newLocation }, ({ input, prepared, newLocation }) => ({
      customer_id: input.customer_id,
      frequency: input.frequency,
      rule: prepared.rule,
      starts_on: prepared.starts_on,
      start_time: prepared.start_time,
      time_zone: prepared.time_zone,
      until: prepared.until,
      count: prepared.count,
      pauses: [],
      skipped: [],
      booked_until: prepared.starts_on,
      product_id: prepared.product_id,
      variant_id: input.variant_id,
      service_title: prepared.service_title,
      option_title: prepared.option_title,
      sales_channel_id: input.sales_channel_id ?? null,
      address_id: (prepared.address_id ?? newLocation?.id) as string,
      location_text: prepared.location_text,
      contact: input.contact ?? null,
      business_profile_id: input.business_profile_id ?? null,
      additional_contact_id: input.additional_contact_id ?? null,
      dependent_ids: input.dependent_ids ?? [],
      instructions: input.instructions ?? null,
      created_by: input.by,
      previous_series_id: input.previous_series_id ?? null,
    }))
  )
  const first = placeBookingWorkflow.runAsStep({
    input: transform({ input, series }, ({ input, series }) => ({
      customer_id: input.customer_id,
      sales_channel_id: input.sales_channel_id ?? null,
      service_id: input.service_id,
      variant_id: input.variant_id,
      starts_at: input.starts_at,
      location: { address_id: series.address_id },
      contact: input.contact,
      business_profile_id: input.business_profile_id ?? null,
      additional_contact_id: input.additional_contact_id ?? null,
      dependent_ids: input.dependent_ids ?? [],
      instructions: input.instructions ?? null,
      by: input.by,
      actor: input.actor ?? null,
      series: { id: series.id, occurrence: series.starts_on },
    })),
  })
  const summary = transform({ series, input }, ({ series, input }) =>
    input.previous_series_id
      ? `Repeat visits changed from ${series.starts_on}: now ${seriesName(series)}.`
      : `Repeat visits set up: ${seriesName(series)}, from ${series.starts_on}${series.until ? ` until ${series.until}` : series.count ? `, ${series.count} visits` : ""}.`
  )
  recordActivityStep(
    transform({ series, input, summary }, ({ series, input, summary }) => [
      seriesActivity(series, input.previous_series_id ? "changed" : "created", summary, input.actor),
    ])
  )
  when({ input }, ({ input }) => !input.previous_series_id).then(() => {
    emitEventStep({
      eventName: BOOKING_SERIES_CHANGED,
      data: transform({ series, input, summary }, ({ series, input, summary }): SeriesChangedEvent => ({
        id: series.id,
        kind: "created",
        summary,
        by: input.by,
      })),
    })
  })
  return new WorkflowResponse(transform({ series, first }, ({ series, first }) => ({ series, first_booking_id: first.booking.id as string })))
})
