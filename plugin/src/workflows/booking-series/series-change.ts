import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, type BookingModuleService, changeRules } from "../../modules/booking"
import type { SeriesRecord } from "../../modules/booking-series"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { describeArrivalWindow } from "../../modules/services/time-zone"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { toLoadedBooking } from "../booking/steps/load-booking-for-change"
import { cancelSeriesVisitWorkflow } from "./cancel-series-visit"
import { BOOKING_SERIES_CHANGED, seriesActivity, type SeriesChangedEvent, type SeriesEventKind } from "./series-activity"

type ChangeNote = { kind: SeriesEventKind; summary: string; by: SeriesChangedEvent["by"]; actor: ActivityActor | null }

/** The history line of a series change and its event (the subscriber emails the customer and, unless staff did it, the office). */
export const recordSeriesChangeWorkflow = createWorkflow(
  "record-series-change",
  (input: { series: Pick<SeriesRecord, "id" | "customer_id" | "service_title" | "frequency" | "starts_on" | "start_time"> } & ChangeNote) => {
    recordActivityStep(transform({ input }, ({ input }) => [seriesActivity(input.series, input.kind, input.summary, input.actor)]))
    emitEventStep({
      eventName: BOOKING_SERIES_CHANGED,
      data: transform({ input }, ({ input }): SeriesChangedEvent => ({ id: input.series.id, kind: input.kind, summary: input.summary, by: input.by })),
    })
    return new WorkflowResponse(input.series.id)
  }
)

export async function emitSeriesChange(container: MedusaContainer, series: SeriesRecord, note: ChangeNote) {
  await recordSeriesChangeWorkflow(container).run({ input: { series, ...note } })
}

type BookingRow = Awaited<ReturnType<BookingModuleService["listBookings"]>>[number]

/** The series' visits still to come (booked, not cancelled), whose dates fall from `from` to `to` (both included; open-ended without `to`). */
export async function openVisits(container: MedusaContainer, seriesId: string, from: string, to?: string | null): Promise<BookingRow[]> {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const occurrence = to ? { $gte: from, $lte: to } : { $gte: from }
  return bookings.listBookings({ series_id: seriesId, occurrence, status: ["requested", "confirmed"] } as never, { order: { starts_at: "ASC" } })
}

/**
 * A customer's change to the series may only touch visits they could cancel themselves (the
 * same cut-off as single bookings): otherwise a 409 naming the first visit too close to change.
 */
export async function checkCustomerCutoff(container: MedusaContainer, visits: BookingRow[], now = new Date()) {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const policy = await portal.getChangePolicy()
  for (const visit of visits) {
    const refusal = changeRules(visit, policy, now).cancel_refusal
    if (refusal) {
      const when = describeArrivalWindow(new Date(visit.starts_at), new Date(visit.ends_at), services.timeZone).split(", arriving")[0]
      throw new MedusaError(MedusaError.Types.CONFLICT, `The visit on ${when} can't be changed here any more: ${refusal} Choose a later date.`)
    }
  }
}

/** Cancels the visits (each its own workflow: window given back, order cancelled, nothing charged). */
export async function cancelVisits(
  container: MedusaContainer,
  visits: BookingRow[],
  how: { cancelled_by: "customer" | "staff"; reason: string; actor: ActivityActor | null }
) {
  for (const visit of visits) {
    await cancelSeriesVisitWorkflow(container).run({ input: { booking: toLoadedBooking(visit), ...how } })
  }
  return visits.length
}
