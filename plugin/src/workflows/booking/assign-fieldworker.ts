import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { FIELDWORKERS_MODULE, FieldworkersModuleService } from "../../modules/fieldworkers"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import {
  ASSIGNMENT_CONFLICTS,
  type AdminBookingRecord as Booking,
  BOOKING_FIELDWORKER_ASSIGNED,
  describeVisit,
  findAdminBooking as findBooking,
  visitName,
} from "./admin-booking-record"
import { bookingPostcode, STATUS_LABELS } from "./booking-status"

type Fieldworker = { id: string; name: string; service_areas: string[]; active: boolean }
type Assignment = { booking: Booking; fieldworker: Fieldworker | null; previous: Fieldworker | null; changed: boolean }

export const prepareFieldworkerAssignmentStepId = "prepare-fieldworker-assignment"
export const setBookingFieldworkerStepId = "set-booking-fieldworker"
export const assignFieldworkerWorkflowId = "assign-booking-fieldworker"

export type AssignFieldworkerInput = {
  booking_id: string
  /** null unassigns. */
  fieldworker_id: string | null
  /** Staff confirmed the fieldworker should go although the postcode is outside their areas. */
  outside_area?: boolean
  /** The staff member, for the customer's activity history. */
  actor?: ActivityActor | string | null
}

/**
 * Checks the assignment while the booking and fieldworker are locked: the booking is still open
 * (who did a completed visit, or was to do a cancelled one, stays on record), the fieldworker exists, is active, covers the postcode (unless staff confirmed) and
 * has no other visit at an overlapping time.
 */
const prepareAssignmentStep = createStep(
  prepareFieldworkerAssignmentStepId,
  async (input: AssignFieldworkerInput, { container }): Promise<StepResponse<Assignment>> => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const fieldworkers: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const booking = await findBooking(bookings, input.booking_id)
    const previous = booking.fieldworker_id
      ? (((await fieldworkers.listFieldworkers({ id: booking.fieldworker_id }, { take: 1, withDeleted: true }))[0] as unknown as Fieldworker | undefined) ??
        null)
      : null

    if (booking.status === "cancelled" || booking.status === "completed") {
      const message =
        booking.status === "cancelled"
          ? `Booking ${booking.booking_number} is cancelled, so nobody can be assigned to it.`
          : `Booking ${booking.booking_number} is ${STATUS_LABELS[booking.status]}, so its fieldworker stays as recorded${previous ? ` (${previous.name})` : ""}.`
      throw new MedusaError(MedusaError.Types.CONFLICT, message, ASSIGNMENT_CONFLICTS.closed)
    }
    if (!input.fieldworker_id) return new StepResponse<Assignment>({ booking, fieldworker: null, previous, changed: booking.fieldworker_id !== null })

    const [fieldworker] = (await fieldworkers.listFieldworkers({ id: input.fieldworker_id }, { take: 1 })) as unknown as Fieldworker[]
    if (!fieldworker) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Fieldworker ${input.fieldworker_id} was not found`)
    if (fieldworker.id === booking.fieldworker_id) return new StepResponse<Assignment>({ booking, fieldworker, previous, changed: false })
    if (!fieldworker.active) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${fieldworker.name} is marked inactive. Make them active under Settings → Fieldworkers to give them bookings.`,
        ASSIGNMENT_CONFLICTS.inactive
      )
    }
    const postcode = bookingPostcode(booking)
    if (postcode && !input.outside_area && !FieldworkersModuleService.covers(fieldworker, postcode)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${fieldworker.name} doesn't cover ${postcode} (their areas: ${fieldworker.service_areas.join(", ")}). Assign anyway if they are covering this visit.`,
        ASSIGNMENT_CONFLICTS.outsideArea
      )
    }

    const startsAt = new Date(booking.starts_at)
    const endsAt = new Date(booking.ends_at)
    const clash = await bookings.findFieldworkerClash({ fieldworker_id: fieldworker.id, booking_id: booking.id, starts_at: startsAt, ends_at: endsAt })
    if (clash) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${fieldworker.name} is already booked at that time: ${clash.service_title} (${clash.booking_number}), ${describeVisit(new Date(clash.starts_at), new Date(clash.ends_at), services.timeZone)}. Choose someone else or move one of the visits.`,
        ASSIGNMENT_CONFLICTS.busy
      )
    }
    return new StepResponse<Assignment>({ booking, fieldworker, previous, changed: true })
  }
)

const setBookingFieldworkerStep = createStep(
  setBookingFieldworkerStepId,
  async (input: { id: string; fieldworker_id: string | null; previous_fieldworker_id: string | null }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const updated = await bookings.updateBookings({ id: input.id, fieldworker_id: input.fieldworker_id })
    return new StepResponse(updated, { id: input.id, fieldworker_id: input.previous_fieldworker_id })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(previous)
  }
)

/**
 * Staff assign a fieldworker to a booking (or unassign). Two staff members giving the same
 * fieldworker overlapping visits at the same moment can't both succeed: the fieldworker's
 * schedule is locked while it is checked and changed.
 */
export const assignFieldworkerWorkflow = createWorkflow(assignFieldworkerWorkflowId, (input: AssignFieldworkerInput) => {
  // One key per lock (a partly taken set of keys would wait for itself): the schedule being filled.
  const lockKey = transform({ input }, ({ input }) => (input.fieldworker_id ? `fieldworker-schedule:${input.fieldworker_id}` : `booking:${input.booking_id}`))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const prepared = prepareAssignmentStep(input)
  const updated = when({ prepared }, ({ prepared }) => prepared.changed).then(() =>
    setBookingFieldworkerStep(
      transform({ prepared }, ({ prepared }) => ({
        id: prepared.booking.id,
        fieldworker_id: prepared.fieldworker?.id ?? null,
        previous_fieldworker_id: prepared.booking.fieldworker_id,
      }))
    )
  )
  recordActivityStep(
    transform({ prepared, input }, ({ prepared, input }): ActivityEntry[] => {
      const { booking, fieldworker, previous } = prepared
      if (!prepared.changed || !booking.customer_id) return []
      const visit = visitName(booking)
      const message = !fieldworker
        ? `${previous?.name ?? "The fieldworker"} was unassigned from ${visit}.`
        : previous
          ? `${fieldworker.name} replaced ${previous.name} on ${visit}.`
          : `${fieldworker.name} was assigned to ${visit}.`
      return [
        {
          customer_id: booking.customer_id,
          kind: "booking_fieldworker_assigned",
          message,
          data: { booking_id: booking.id, fieldworker_id: fieldworker?.id ?? null, previous_fieldworker_id: previous?.id ?? null },
          changes: [
            { field: "fieldworker", label: `Fieldworker on ${booking.booking_number}`, before: previous?.name ?? null, after: fieldworker?.name ?? null },
          ],
          actor: input.actor ?? null,
        },
      ]
    })
  )
  releaseLockStep({ key: lockKey })
  when({ prepared }, ({ prepared }) => prepared.changed).then(() => {
    emitEventStep({
      eventName: BOOKING_FIELDWORKER_ASSIGNED,
      data: transform({ prepared }, ({ prepared }) => ({
        id: prepared.booking.id,
        fieldworker_id: prepared.fieldworker?.id ?? null,
        previous_fieldworker_id: prepared.booking.fieldworker_id,
      })),
    })
  })
  return new WorkflowResponse(transform({ prepared, updated }, ({ prepared, updated }) => updated ?? prepared.booking))
})
