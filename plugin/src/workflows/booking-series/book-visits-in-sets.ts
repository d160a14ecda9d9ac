import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { describeBookingArrival } from "../../modules/booking"
import { bookingPlacedMessage } from "../booking/booking-activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { holdSeriesWindowsStep, type WindowAsk } from "./steps/hold-series-windows"
import { createSeriesVisitsStep, type SeriesVisitRow, type SeriesVisitTemplate } from "./steps/series-visit-writes"

export const bookSeriesVisitsInSetsWorkflowId = "book-series-visits-in-sets"

export type BookVisitsInSetsInput = {
  /** The group's price and tax, from a visit of the group placed through place-booking. */
  template: SeriesVisitTemplate
  /** Visits of one price group, each in its usual window. */
  visits: SeriesVisitRow[]
  now: string
  time_zone: string
}

export type BookVisitsInSetsResult = {
  booked: { series_id: string; occurrence: string; booking_id: string }[]
  /** No place left in the usual window (or not offered): for the one-by-one path and its nearest free time. */
  left: { series_id: string; occurrence: string }[]
}

const windowKey = (v: { product_id?: string | null; starts_at: string }) => `${v.product_id}|${new Date(v.starts_at).toISOString()}`

/**
 * The rolling job's common case in sets: a batch of a price group's visits whose usual windows
 * have room. Capacity is held per window in one statement each, then the orders, payments,
 * bookings, logins and history lines are written in sets; any failure undoes the whole batch
 * (places given back, rows removed) and the job books those visits one by one instead.
 */
export const bookSeriesVisitsInSetsWorkflow = createWorkflow(bookSeriesVisitsInSetsWorkflowId, (input: BookVisitsInSetsInput) => {
  const windows = transform({ input }, ({ input }) => {
    const asks = new Map<string, WindowAsk>()
    for (const visit of input.visits) {
      const key = windowKey(visit)
      const ask = asks.get(key) ?? { product_id: visit.product_id!, starts_at: new Date(visit.starts_at).toISOString(), count: 0 }
      ask.count++
      asks.set(key, ask)
    }
    return { windows: [...asks.values()], now: input.now }
  })
  const held = holdSeriesWindowsStep(windows)
  const chosen = transform({ input, held }, ({ input, held }) => {
    const room = new Map(held.map((w) => [windowKey(w), { left: w.taken, ends_at: w.ends_at }]))
    const visits: SeriesVisitRow[] = []
    const left: BookVisitsInSetsResult["left"] = []
    for (const visit of input.visits) {
      const window = room.get(windowKey(visit))
      if (!window || window.left < 1) {
        left.push({ series_id: visit.series_id!, occurrence: visit.occurrence! })
        continue
      }
      window.left--
      visits.push({ ...visit, location: { ...(visit.location ?? {}), window_ends_at: window.ends_at } })
    }
    return { visits, left }
  })
  const written = createSeriesVisitsStep(
    transform({ input, chosen }, ({ input, chosen }) => ({ template: input.template, visits: chosen.visits, now: input.now }))
  )
  recordActivityStep(
    transform({ chosen, written, input }, ({ chosen, written, input }) =>
      chosen.visits.map((visit, i): ActivityEntry => {
        const booking = { ...visit, id: written[i].booking_id, booking_number: written[i].booking_number }
        return {
          customer_id: visit.customer_id,
          kind: "booking_placed",
          message: bookingPlacedMessage(booking, describeBookingArrival(booking, input.time_zone)),
          changes: [],
          data: { booking_id: booking.id, booking_number: booking.booking_number },
          actor: { type: "system" },
        }
      })
    )
  )
  // What completeCartWorkflow tells of each order it makes.
  emitEventStep({
    eventName: OrderWorkflowEvents.PLACED,
    data: transform({ written }, ({ written }) => written.map((visit) => ({ id: visit.order_id }))),
  })
  return new WorkflowResponse(
    transform({ chosen, written }, ({ chosen, written }): BookVisitsInSetsResult => ({
      booked: chosen.visits.map((visit, i) => ({ series_id: visit.series_id!, occurrence: visit.occurrence!, booking_id: written[i].booking_id })),
      left: chosen.left,
    }))
  )
})
