import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ADDRESS_LABELS, type ActivityActor, addressLine, diffFields, pickFields } from "../customer-profile/activity"
import { type ActivityEntry, recordActivityStep } from "../customer-profile/steps/record-activity"
import { bookingActivityStep } from "./booking-activity"
import type { BookingLocationInput } from "./booking-cart"
import { loadBookingForStaffEditStep } from "./steps/load-booking-for-staff-edit"
import { resolveVisitLocationStep } from "./steps/resolve-visit-location"
import { saveVisitLocationStep } from "./steps/save-visit-location"
import { type BookingContact, updateBookingDetailsStep } from "./steps/update-booking-details"
import { updateVisitLocationStep } from "./steps/update-visit-location"

export const staffUpdateBookingWorkflowId = "staff-update-booking"

export type StaffUpdateBookingInput = {
  booking_id: string
  /** A saved location of the booking's customer, or a new address (saved to their locations under `label`). */
  location?: BookingLocationInput
  /** Only the parts given change; a null phone clears it. */
  contact?: { name?: string; email?: string; phone?: string | null }
  instructions?: string | null
  /** The staff member, for the customer's activity history. */
  actor: ActivityActor
}

/**
 * Staff change where an open visit is, who to ask for and the notes for the team (a phone call:
 * "we've moved house", "ring my partner instead"). No cut-off applies, unlike the customer's own
 * edit; a completed or cancelled booking is refused. A new address joins the customer's saved
 * locations as one typed in while booking does. The booking is locked meanwhile, so two edits of
 * one visit queue up rather than one undoing the other. Any failure undoes every step.
 */
export const staffUpdateBookingWorkflow = createWorkflow(staffUpdateBookingWorkflowId, (input: StaffUpdateBookingInput) => {
  const lockKey = transform({ input }, ({ input }) => `booking:${input.booking_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const booking = loadBookingForStaffEditStep(transform({ input }, ({ input }) => ({ booking_id: input.booking_id, change: "edit" as const })))
  const location = resolveVisitLocationStep(transform({ input, booking }, ({ input, booking }) => ({ booking, location: input.location ?? null })))

  const newLocation = when({ location }, ({ location }) => !!location?.save).then(() =>
    saveVisitLocationStep(
      transform({ location }, ({ location }) => ({ customer_id: location!.save!.customer_id, address: location!.address, label: location!.save!.label }))
    )
  )
  when({ location }, ({ location }) => !!location).then(() => {
    updateVisitLocationStep(
      transform({ booking, location, newLocation }, ({ booking, location, newLocation }) => ({
        booking,
        address: location!.address,
        address_id: location!.address_id ?? newLocation?.id ?? null,
        location_text: location!.location_text,
      }))
    )
  })

  const updated = updateBookingDetailsStep(
    transform({ input, booking }, ({ input, booking }) => {
      const current = (booking.contact ?? {}) as { name?: string | null; email?: string | null; phone?: string | null }
      // Staff send the parts they change; the rest of who to ask for stays as it was.
      const contact: BookingContact | undefined = input.contact
        ? {
            name: input.contact.name ?? current.name ?? "",
            email: input.contact.email ?? current.email ?? "",
            phone: input.contact.phone !== undefined ? input.contact.phone : (current.phone ?? null),
          }
        : undefined
      return { booking, contact, instructions: input.instructions }
    })
  )

  const edited = bookingActivityStep(
    transform({ booking, input }, ({ booking, input }) => ({
      booking_id: booking.id,
      kind: "booking_updated" as const,
      before: { contact: booking.contact, instructions: booking.instructions, location_text: booking.location_text },
      actor: input.actor,
    }))
  )
  recordActivityStep(
    transform({ edited, newLocation, booking, input }, ({ edited, newLocation, booking, input }) => {
      const entries: ActivityEntry[] = [...edited]
      if (newLocation && booking.customer_id) {
        const address = newLocation as unknown as Record<string, unknown>
        entries.push({
          customer_id: booking.customer_id,
          kind: "address_added",
          message: `Address added while changing booking ${booking.booking_number}: ${addressLine(address)}.`,
          changes: diffFields(null, pickFields(address, ADDRESS_LABELS), ADDRESS_LABELS),
          data: { address_id: newLocation.id, booking_id: booking.id },
          actor: input.actor,
        })
      }
      return entries
    })
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(updated)
})
