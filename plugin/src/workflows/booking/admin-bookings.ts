import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, cancelOrderWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BOOKING_CANCELLED } from "./cancel-booking"
import { findOrderToCancelStep } from "./steps/find-booking-order-to-cancel"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { FIELDWORKERS_MODULE, FieldworkersModuleService } from "../../modules/fieldworkers"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import type { BookingStatus } from "@fieldservice/contract"
import { bookingPostcode, canChangeStatus, refusedTransitionMessage, STATUS_LABELS } from "./booking-status"

export const BOOKING_STATUS_CHANGED = "booking.status_changed"
export const BOOKING_FIELDWORKER_ASSIGNED = "booking.fieldworker_assigned"

/** Codes on the 409 answers, so the admin can tell "assign anyway?" apart from a hard no. */
export const ASSIGNMENT_CONFLICTS = {
  outsideArea: "fieldworker_outside_area",
  busy: "fieldworker_busy",
  inactive: "fieldworker_inactive",
  closed: "booking_closed",
} as const

/** A visit lasts at most a day (a service's longest duration), which bounds the search for clashes. */

type Booking = {
  id: string
  booking_number: string
  customer_id: string | null
  status: BookingStatus
  service_title: string
  starts_at: Date | string
  ends_at: Date | string
  product_id: string | null
  fieldworker_id: string | null
  order_id: string | null
  location: unknown
  location_text: string | null
  cancelled_at: Date | string | null
  cancelled_by: string | null
  cancellation_reason: string | null
}
type Fieldworker = { id: string; name: string; service_areas: string[]; active: boolean }
type Assignment = { booking: Booking; fieldworker: Fieldworker | null; previous: Fieldworker | null; changed: boolean }

async function findBooking(bookings: BookingModuleService, id: string): Promise<Booking> {
  const [booking] = await bookings.listBookings({ id }, { take: 1 })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${id} was not found`)
  return booking as unknown as Booking
}

function describeVisit(startsAt: Date, endsAt: Date, timeZone: string) {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(startsAt)
  const time = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)
  return `${day}, ${time(startsAt)}–${time(endsAt)}`
}

// ---- Assigning a fieldworker ------------------------------------------------------------------

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
 * Checks the assignment while the booking and fieldworker are locked: the booking is not
 * cancelled, the fieldworker exists, is active, covers the postcode (unless staff confirmed) and
 * has no other visit at an overlapping time.
 */
const prepareAssignmentStep = createStep(
  "prepare-fieldworker-assignment",
  async (input: AssignFieldworkerInput, { container }): Promise<StepResponse<Assignment>> => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const fieldworkers: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const booking = await findBooking(bookings, input.booking_id)
    const previous = booking.fieldworker_id
      ? (((await fieldworkers.listFieldworkers({ id: booking.fieldworker_id }, { take: 1, withDeleted: true }))[0] as unknown as Fieldworker | undefined) ??
        null)
      : null

    if (booking.status === "cancelled") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Booking ${booking.booking_number} is cancelled, so nobody can be assigned to it.`,
        ASSIGNMENT_CONFLICTS.closed
      )
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
  "set-booking-fieldworker",
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
export const assignFieldworkerWorkflow = createWorkflow("assign-booking-fieldworker", (input: AssignFieldworkerInput) => {
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
      const visit = `booking ${booking.booking_number} (${booking.service_title})`
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

// ---- Changing the status ----------------------------------------------------------------------

export type ChangeBookingStatusInput = {
  booking_id: string
  status: BookingStatus
  /** Why staff cancelled (only with "cancelled"). */
  reason?: string | null
  actor?: ActivityActor | string | null
}

const prepareStatusChangeStep = createStep("prepare-booking-status-change", async (input: ChangeBookingStatusInput, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const booking = await findBooking(bookings, input.booking_id)
  if (!canChangeStatus(booking.status, input.status)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, refusedTransitionMessage(booking.booking_number, booking.status, input.status))
  }
  return new StepResponse(booking)
})

const updateBookingStatusStep = createStep(
  "update-booking-status",
  async (input: { booking: Booking; status: BookingStatus; reason?: string | null }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const { booking } = input
    const cancelling = input.status === "cancelled"
    const updated = await bookings.updateBookings({
      id: booking.id,
      status: input.status,
      ...(cancelling ? { cancelled_at: new Date(), cancelled_by: "staff", cancellation_reason: input.reason ?? null } : {}),
    })
    return new StepResponse(updated, {
      id: booking.id,
      status: booking.status,
      cancelled_at: booking.cancelled_at ? new Date(booking.cancelled_at) : null,
      cancelled_by: booking.cancelled_by,
      cancellation_reason: booking.cancellation_reason,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(previous)
  }
)

/** A cancelled visit gives its place in the arrival window back, so another customer can book it. */
const releaseBookedWindowStep = createStep(
  "release-cancelled-booking-window",
  async (input: { product_id: string; starts_at: string }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const [window] = await services.listBookedWindows({ product_id: input.product_id, starts_at: new Date(input.starts_at) }, { take: 1 })
    if (!window || window.booked <= 0) return new StepResponse<boolean, string | null>(false, null)
    await services.releaseWindow(input.product_id, new Date(input.starts_at))
    return new StepResponse<boolean, string | null>(true, window.id)
  },
  async (windowId, { container }) => {
    if (!windowId) return
    // Undo: the place is taken again (no capacity check: it was this booking's place a moment ago).
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const window = await services.retrieveBookedWindow(windowId)
    await services.updateBookedWindows({ id: windowId, booked: window.booked + 1 })
  }
)

/**
 * Staff move a booking through its visit: confirmed → in progress → completed, or cancel it
 * (which frees its arrival window and records who cancelled and why). Refused transitions answer
 * with what the booking can become instead.
 */
export const changeBookingStatusWorkflow = createWorkflow("change-booking-status", (input: ChangeBookingStatusInput) => {
  const lockKey = transform({ input }, ({ input }) => `booking:${input.booking_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const booking = prepareStatusChangeStep(input)
  const updated = updateBookingStatusStep(transform({ booking, input }, ({ booking, input }) => ({ booking, status: input.status, reason: input.reason })))
  recordActivityStep(
    transform({ booking, input }, ({ booking, input }): ActivityEntry[] => {
      if (!booking.customer_id) return []
      const visit = `Booking ${booking.booking_number} (${booking.service_title})`
      const message =
        input.status === "cancelled"
          ? `${visit} was cancelled by staff${input.reason ? `: ${input.reason}` : "."}`
          : `${visit} was marked ${STATUS_LABELS[input.status]}.`
      return [
        {
          customer_id: booking.customer_id,
          kind: "booking_status_changed",
          message,
          data: { booking_id: booking.id, from: booking.status, to: input.status, reason: input.reason ?? null },
          changes: [
            { field: "status", label: `Status of ${booking.booking_number}`, before: STATUS_LABELS[booking.status], after: STATUS_LABELS[input.status] },
          ],
          actor: input.actor ?? null,
        },
      ]
    })
  )
  when({ booking, input }, ({ booking, input }) => input.status === "cancelled" && !!booking.product_id).then(() => {
    releaseBookedWindowStep(
      transform({ booking }, ({ booking }) => ({ product_id: booking.product_id!, starts_at: new Date(booking.starts_at).toISOString() }))
    )
  })
  // A cancelled visit's Medusa order is cancelled too, which releases a hold on the customer's card.
  // Last of the writes: a cancelled payment cannot be taken back.
  const cancelledOrderId = when({ input }, ({ input }) => input.status === "cancelled").then(() =>
    findOrderToCancelStep(transform({ booking }, ({ booking }) => ({ order_id: booking.order_id ?? null })))
  )
  when({ cancelledOrderId }, ({ cancelledOrderId }) => !!cancelledOrderId).then(() => {
    cancelOrderWorkflow.runAsStep({
      input: transform({ cancelledOrderId, input }, ({ cancelledOrderId, input }) => ({
        order_id: cancelledOrderId!,
        canceled_by: (typeof input.actor === "string" ? input.actor : input.actor?.id) ?? undefined,
      })),
    })
  })
  releaseLockStep({ key: lockKey })
  when({ input }, ({ input }) => input.status === "cancelled").then(() => {
    emitEventStep({
      eventName: BOOKING_CANCELLED,
      data: transform({ booking }, ({ booking }) => ({ id: booking.id, cancelled_by: "staff" })),
    }).config({ name: "emit-booking-cancelled-by-staff" })
  })
  emitEventStep({
    eventName: BOOKING_STATUS_CHANGED,
    data: transform({ booking, input }, ({ booking, input }) => ({
      id: booking.id,
      from: booking.status,
      to: input.status,
      by: "staff",
      reason: input.reason ?? null,
    })),
  })
  return new WorkflowResponse(updated)
})
