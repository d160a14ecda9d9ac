import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BOOKING_CONFLICT_CODES, type BookingStatus, COMPLETION_UNDO_MINUTES, OPEN_BOOKING_STATUSES } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService, canUndoCompletion } from "../../modules/booking"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"
import { type AdminBookingRecord, BOOKING_STATUS_CHANGED, findAdminBooking, visitName } from "./admin-booking-record"
import { STATUS_LABELS } from "./booking-status"

export const prepareCompletionUndoStepId = "prepare-booking-completion-undo"
export const reopenCompletedBookingStepId = "reopen-completed-booking"
export const reopenCompletedBookingWorkflowId = "reopen-completed-booking"

export type ReopenCompletedBookingInput = { booking_id: string; actor?: ActivityActor | string | null }

type Reopening = { booking: AdminBookingRecord; reopen_as: BookingStatus }

/**
 * A completion can be undone for COMPLETION_UNDO_MINUTES after it was marked, counted by the
 * server's clock (409 "completion_undo_expired" after that, "booking_not_completed" if it isn't).
 */
const prepareCompletionUndoStep = createStep(prepareCompletionUndoStepId, async (input: ReopenCompletedBookingInput, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const booking = await findAdminBooking(bookings, input.booking_id)
  if (booking.status !== "completed") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Booking ${booking.booking_number} is ${STATUS_LABELS[booking.status]}, not completed, so there is nothing to undo.`,
      BOOKING_CONFLICT_CODES.notCompleted
    )
  }
  if (!canUndoCompletion(booking, new Date())) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Booking ${booking.booking_number} was marked completed more than ${COMPLETION_UNDO_MINUTES} minutes ago, so it stays completed.`,
      BOOKING_CONFLICT_CODES.undoExpired
    )
  }
  // Money taken for the visit's invoice can't be undone by a click: staff correct it with a credit note.
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const [paid] = await invoices.listInvoices({ booking_id: booking.id, status: ["partially_paid", "paid"] }, { take: 1 })
  if (paid) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Booking ${booking.booking_number}'s invoice ${paid.number} has been paid, so the visit stays completed. Correct the invoice with a credit note instead.`,
      BOOKING_CONFLICT_CODES.invoicePaid
    )
  }
  const from = booking.completed_from as BookingStatus | null
  const reopenAs: BookingStatus = from && OPEN_BOOKING_STATUSES.includes(from) ? from : "confirmed"
  return new StepResponse<Reopening>({ booking, reopen_as: reopenAs })
})

const reopenBookingStep = createStep(
  reopenCompletedBookingStepId,
  async ({ booking, reopen_as }: Reopening, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const updated = await bookings.updateBookings({ id: booking.id, status: reopen_as, completed_at: null, completed_from: null })
    const completedAt = booking.completed_at ? new Date(booking.completed_at) : null
    return new StepResponse(updated, { id: booking.id, status: booking.status, completed_at: completedAt, completed_from: booking.completed_from })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(previous)
  }
)

/**
 * "Undo" on a completion staff marked a few minutes ago: the visit goes back to the status it had
 * (in progress or confirmed), with a line in the customer's history. Past the window it is final.
 */
export const reopenCompletedBookingWorkflow = createWorkflow(reopenCompletedBookingWorkflowId, (input: ReopenCompletedBookingInput) => {
  const lockKey = transform({ input }, ({ input }) => `booking:${input.booking_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const prepared = prepareCompletionUndoStep(input)
  const updated = reopenBookingStep(prepared)
  recordActivityStep(
    transform({ prepared, input }, ({ prepared, input }): ActivityEntry[] => {
      const { booking, reopen_as } = prepared
      if (!booking.customer_id) return []
      const visit = visitName(booking)
      return [
        {
          customer_id: booking.customer_id,
          kind: "booking_status_changed",
          message: `Completion of ${visit} was undone: it is ${STATUS_LABELS[reopen_as]} again.`,
          data: { booking_id: booking.id, from: "completed", to: reopen_as, undo: true },
          changes: [{ field: "status", label: `Status of ${booking.booking_number}`, before: STATUS_LABELS.completed, after: STATUS_LABELS[reopen_as] }],
          actor: input.actor ?? null,
        },
      ]
    })
  )
  releaseLockStep({ key: lockKey })
  emitEventStep({
    eventName: BOOKING_STATUS_CHANGED,
    data: transform({ prepared }, ({ prepared }) => ({ id: prepared.booking.id, from: "completed", to: prepared.reopen_as, by: "staff", undo: true })),
  })
  return new WorkflowResponse(updated)
})
