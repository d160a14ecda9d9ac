import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { moveBookingToWindow } from "./reschedule-booking"
import { loadBookingForStaffMoveStep } from "./steps/load-booking-for-staff-move"

export const staffRescheduleBookingWorkflowId = "staff-reschedule-booking"

export type StaffRescheduleBookingInput = {
  booking_id: string
  starts_at: string
  /** The staff member, for the customer's activity history. */
  actor: ActivityActor
}

/**
 * Staff move a visit to another free window of its service (the schedule board). The place in
 * the new window is taken by the same conditional update as a customer's booking or reschedule,
 * so the window's capacity holds however the requests race; a full window or one not offered is
 * refused and nothing changes. The booking is locked while it moves, so two staff moves of one
 * visit queue up rather than both reading the old time.
 */
export const staffRescheduleBookingWorkflow = createWorkflow(staffRescheduleBookingWorkflowId, (input: StaffRescheduleBookingInput) => {
  const lockKey = transform({ input }, ({ input }) => `booking:${input.booking_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const booking = loadBookingForStaffMoveStep(transform({ input }, ({ input }) => ({ booking_id: input.booking_id, starts_at: input.starts_at })))
  const moved = moveBookingToWindow(
    booking,
    transform({ input }, ({ input }) => ({ starts_at: input.starts_at, actor: input.actor, by: "staff" as const }))
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(moved)
})
