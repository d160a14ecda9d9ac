import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, changeRules, officeContact, type BookingModuleService } from "../../modules/booking"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { deleteReplacedImage, uploadImage } from "../files/image-steps"
import { bookingActivityStep } from "./booking-activity"

export const BOOKING_CANCELLED = "booking.cancelled"
export const BOOKING_RESCHEDULED = "booking.rescheduled"

/** The most photos and documents one booking keeps. */
export const MAX_ATTACHMENTS_PER_BOOKING = 20

/** What the customer wants to do; each has its own rule (see changeRules). */
type Change = "edit" | "attach" | "cancel" | "reschedule"

/** The booking as the workflow passes it on: dates as ISO strings (step results may be serialised). */
type LoadedBooking = {
  id: string
  status: string
  starts_at: string
  ends_at: string
  window_ends_at: string | null
  product_id: string | null
  order_id: string | null
  contact: Record<string, unknown> | null
  instructions: string | null
}

/** "Someone changed it meanwhile": Medusa answers conflicts generically, so routes turn this into a 409 with our message. */
const changedMeanwhile = () =>
  new MedusaError(MedusaError.Types.CONFLICT, "This booking has just been changed. Reload the page to see it as it is now, and try again.")

/**
 * The customer's own booking (anyone else's is "not found"), if the business's rules allow the
 * change; otherwise a conflict saying why and how to reach the office. Nothing is written.
 */
export const loadBookingForChangeStep = createStep(
  "load-booking-for-change",
  async (input: { customer_id: string; booking_id: string; change: Change }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const [booking] = await bookings.listBookings({ id: input.booking_id, customer_id: input.customer_id }, { take: 1 })
    if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${input.booking_id} was not found`)
    const rules = changeRules(booking, await portal.getChangePolicy())
    const refusal = {
      edit: rules.edit_refusal,
      attach: rules.can_add_attachments ? null : "This booking was cancelled, so files can't be added to it or removed from it.",
      cancel: rules.cancel_refusal,
      reschedule: rules.reschedule_refusal,
    }[input.change]
    if (refusal) throw new MedusaError(MedusaError.Types.CONFLICT, refusal)
    const location = (booking.location ?? {}) as { window_ends_at?: string | null }
    const loaded: LoadedBooking = {
      id: booking.id,
      status: booking.status,
      starts_at: new Date(booking.starts_at).toISOString(),
      ends_at: new Date(booking.ends_at).toISOString(),
      window_ends_at: location.window_ends_at ?? null,
      product_id: booking.product_id ?? null,
      order_id: booking.order_id ?? null,
      contact: (booking.contact as Record<string, unknown> | null) ?? null,
      instructions: booking.instructions ?? null,
    }
    return new StepResponse(loaded)
  }
)

/* ------------------------------------------------------------------ */
/* Contact details and job notes                                       */
/* ------------------------------------------------------------------ */

export type BookingContact = { name: string; email: string; phone: string | null }

const updateBookingDetailsStep = createStep(
  "update-booking-details",
  async (input: { booking: LoadedBooking; contact?: BookingContact; instructions?: string | null }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const changes: { contact?: BookingContact; instructions?: string | null } = {}
    // Every key is written (phone: null clears it), so Medusa's merge of JSON columns keeps nothing stale.
    if (input.contact !== undefined) changes.contact = input.contact
    if (input.instructions !== undefined) changes.instructions = input.instructions
    const updated = await bookings.updateBookings({ id: input.booking.id, ...changes })
    return new StepResponse(updated, { id: input.booking.id, contact: input.booking.contact, instructions: input.booking.instructions })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    // Cleared first: an update merges into the JSON column rather than replacing it.
    await bookings.updateBookings({ id: previous.id, contact: null })
    await bookings.updateBookings({ id: previous.id, contact: previous.contact, instructions: previous.instructions })
  }
)

/** The customer changes who to reach about an upcoming visit and/or the notes for the team. */
export const updateBookingDetailsWorkflow = createWorkflow(
  "update-booking-details",
  (input: { customer_id: string; booking_id: string; contact?: BookingContact; instructions?: string | null }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "edit" as const }))
    )
    const updated = updateBookingDetailsStep(
      transform({ input, booking }, ({ input, booking }) => ({ booking, contact: input.contact, instructions: input.instructions }))
    )
    recordActivityStep(
      bookingActivityStep(
        transform({ booking }, ({ booking }) => ({
          booking_id: booking.id,
          kind: "booking_updated" as const,
          before: { contact: booking.contact, instructions: booking.instructions },
        }))
      )
    )
    return new WorkflowResponse(updated)
  }
)

/* ------------------------------------------------------------------ */
/* Photos and documents                                                */
/* ------------------------------------------------------------------ */

export type AttachmentFile = { mimeType: string; extension: string; content: string; size: number; filename: string }

const checkAttachmentRoomStep = createStep("check-booking-attachment-room", async (input: { booking_id: string }, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [, count] = await bookings.listAndCountBookingAttachments({ booking_id: input.booking_id }, { take: 1 })
  if (count >= MAX_ATTACHMENTS_PER_BOOKING) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `A booking can keep at most ${MAX_ATTACHMENTS_PER_BOOKING} files. Remove one you no longer need, then add this one.`
    )
  }
  return new StepResponse(count)
})

const createBookingAttachmentStep = createStep(
  "create-booking-attachment",
  async (
    input: { booking_id: string; file_id: string; url: string; filename: string; mime_type: string; size_bytes: number; added_by: "customer" | "staff" },
    { container }
  ) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const attachment = await bookings.createBookingAttachments(input)
    return new StepResponse(attachment, attachment.id)
  },
  async (id, { container }) => {
    if (!id) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.deleteBookingAttachments(id)
  }
)

/** A photo or PDF the customer adds to their booking: kept by Medusa's File module, listed on the booking for staff too. */
export const addBookingAttachmentWorkflow = createWorkflow(
  "add-booking-attachment",
  (input: { customer_id: string; booking_id: string; file: AttachmentFile }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "attach" as const }))
    )
    checkAttachmentRoomStep(transform({ booking }, ({ booking }) => ({ booking_id: booking.id })))
    const stored = uploadImage({
      image: transform({ input }, ({ input }) => ({ mimeType: input.file.mimeType, extension: input.file.extension, content: input.file.content })),
      prefix: "booking",
    })
    const attachment = createBookingAttachmentStep(
      transform({ input, booking, stored }, ({ input, booking, stored }) => ({
        booking_id: booking.id,
        file_id: stored.id,
        url: stored.url,
        filename: input.file.filename,
        mime_type: input.file.mimeType,
        size_bytes: input.file.size,
        added_by: "customer" as const,
      }))
    )
    recordActivityStep(
      bookingActivityStep(
        transform({ input, booking }, ({ input, booking }) => ({ booking_id: booking.id, kind: "booking_file_added" as const, filename: input.file.filename }))
      )
    )
    return new WorkflowResponse(attachment)
  }
)

const removeBookingAttachmentStep = createStep(
  "remove-booking-attachment",
  async (input: { booking_id: string; attachment_id: string; office: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [attachment] = await bookings.listBookingAttachments({ id: input.attachment_id, booking_id: input.booking_id }, { take: 1 })
    if (!attachment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Attachment ${input.attachment_id} was not found`)
    if (attachment.added_by !== "customer") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This file was added by our team, so only they can remove it. To ask them, please ${input.office}.`)
    }
    await bookings.softDeleteBookingAttachments(attachment.id)
    return new StepResponse({ id: attachment.id, file_id: attachment.file_id, filename: attachment.filename }, attachment.id)
  },
  async (id, { container }) => {
    if (!id) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.restoreBookingAttachments(id)
  }
)

const officeContactStep = createStep("office-contact", async (_: void, { container }) => {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  return new StepResponse(officeContact(await portal.getChangePolicy()))
})

/** The customer removes a file they added; the stored file goes last, once nothing can fail any more. */
export const removeBookingAttachmentWorkflow = createWorkflow(
  "remove-booking-attachment",
  (input: { customer_id: string; booking_id: string; attachment_id: string }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "attach" as const }))
    )
    const office = officeContactStep()
    const removed = removeBookingAttachmentStep(
      transform({ input, booking, office }, ({ input, booking, office }) => ({ booking_id: booking.id, attachment_id: input.attachment_id, office }))
    )
    recordActivityStep(
      bookingActivityStep(
        transform({ removed, booking }, ({ removed, booking }) => ({ booking_id: booking.id, kind: "booking_file_removed" as const, filename: removed.filename }))
      )
    )
    deleteReplacedImage(transform({ removed }, ({ removed }) => removed.file_id))
    return new WorkflowResponse(transform({ removed }, ({ removed }) => ({ id: removed.id })))
  }
)

/* ------------------------------------------------------------------ */
/* Cancel                                                              */
/* ------------------------------------------------------------------ */

const markBookingCancelledStep = createStep(
  "mark-booking-cancelled",
  async (input: { booking: LoadedBooking; cancelled_by: "customer" | "staff"; reason: string | null }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const done = await bookings.cancelIfUnchanged({
      id: input.booking.id,
      starts_at: new Date(input.booking.starts_at),
      cancelled_by: input.cancelled_by,
      cancellation_reason: input.reason,
    })
    if (!done) throw changedMeanwhile()
    return new StepResponse(await bookings.retrieveBooking(input.booking.id), { id: input.booking.id, status: input.booking.status })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings({
      id: previous.id,
      status: previous.status as "requested" | "confirmed",
      cancelled_at: null,
      cancelled_by: null,
      cancellation_reason: null,
    })
  }
)

/** Gives the booking's place in its arrival window back; taken again if a later step fails. */
const releaseBookingWindowStep = createStep(
  "release-booking-window",
  async (input: { product_id: string; starts_at: string }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.releaseWindow(input.product_id, new Date(input.starts_at))
    return new StepResponse(input, input)
  },
  async (released, { container }) => {
    if (!released) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.retakeWindow(released.product_id, new Date(released.starts_at))
  }
)

/** The booking's Medusa order, if it has one that can still be cancelled (staff may have cancelled it already). */
export const findOrderToCancelStep = createStep("find-booking-order-to-cancel", async (input: { order_id: string | null }, { container }) => {
  if (!input.order_id) return new StepResponse(null)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: input.order_id } })
  const order = data[0] as { id: string; status: string } | undefined
  return new StepResponse(order && !["canceled", "completed", "archived"].includes(order.status) ? order.id : null)
})

/**
 * The customer cancels before the business's cut-off: the booking is marked cancelled (only if
 * nobody changed it meanwhile), its place in the arrival window is given back, and its Medusa
 * order is cancelled, which cancels the payment or refunds what was taken. Any failure undoes
 * the earlier steps. The office and the customer hear of it through `booking.cancelled`.
 */
export const cancelBookingWorkflow = createWorkflow(
  "cancel-booking",
  (input: { customer_id: string; booking_id: string; reason?: string | null }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "cancel" as const }))
    )
    const cancelled = markBookingCancelledStep(
      transform({ input, booking }, ({ input, booking }) => ({ booking, cancelled_by: "customer" as const, reason: input.reason ?? null }))
    )
    recordActivityStep(
      bookingActivityStep(
        transform({ input, booking }, ({ input, booking }) => ({
          booking_id: booking.id,
          kind: "booking_cancelled" as const,
          reason: input.reason ?? null,
          previous_status: booking.status,
        }))
      )
    )
    when({ booking }, ({ booking }) => !!booking.product_id).then(() => {
      releaseBookingWindowStep(transform({ booking }, ({ booking }) => ({ product_id: booking.product_id!, starts_at: booking.starts_at })))
    })
    const orderId = findOrderToCancelStep(transform({ booking }, ({ booking }) => ({ order_id: booking.order_id })))
    // Last of the writes: a cancelled payment cannot be taken back, so nothing after it may fail.
    when({ orderId }, ({ orderId }) => !!orderId).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ orderId, input }, ({ orderId, input }) => ({ order_id: orderId!, canceled_by: input.customer_id })),
      })
    })
    emitEventStep({
      eventName: BOOKING_CANCELLED,
      data: transform({ booking }, ({ booking }) => ({ id: booking.id, cancelled_by: "customer" })),
    })
    return new WorkflowResponse(cancelled)
  }
)

/* ------------------------------------------------------------------ */
/* Reschedule                                                          */
/* ------------------------------------------------------------------ */

const checkNewTimeStep = createStep("check-new-booking-time", async (input: { booking: LoadedBooking; starts_at: string; office: string }) => {
  if (!input.booking.product_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This booking can't be moved online. To change its time, please ${input.office}.`)
  }
  if (new Date(input.starts_at).getTime() === new Date(input.booking.starts_at).getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your visit is already at that time. Choose a different time.")
  }
  return new StepResponse(true)
})

/** Takes a place in the new window first (409 when it was just taken); given back if anything later fails. */
const reserveNewWindowStep = createStep(
  "reserve-new-booking-window",
  async (input: { product_id: string; starts_at: string }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const window = await services.reserveWindow(input.product_id, new Date(input.starts_at))
    const reserved = { product_id: input.product_id, starts_at: window.starts_at.toISOString(), ends_at: window.ends_at.toISOString() }
    return new StepResponse(reserved, reserved)
  },
  async (reserved, { container }) => {
    if (!reserved) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.releaseWindow(reserved.product_id, new Date(reserved.starts_at))
  }
)

const moveBookingStep = createStep(
  "move-booking",
  async (input: { booking: LoadedBooking; window: { starts_at: string; ends_at: string } }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const { booking, window } = input
    // The visit keeps the length it was booked with.
    const length = new Date(booking.ends_at).getTime() - new Date(booking.starts_at).getTime()
    const startsAt = new Date(window.starts_at)
    const moved = await bookings.moveIfUnchanged({
      id: booking.id,
      from_starts_at: new Date(booking.starts_at),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + length),
      window_ends_at: new Date(window.ends_at),
    })
    if (!moved) throw changedMeanwhile()
    return new StepResponse(await bookings.retrieveBooking(booking.id), booking)
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const current = await bookings.retrieveBooking(previous.id)
    const location = { ...((current.location as Record<string, unknown> | null) ?? {}), window_ends_at: previous.window_ends_at }
    await bookings.updateBookings({
      id: previous.id,
      starts_at: new Date(previous.starts_at),
      ends_at: new Date(previous.ends_at),
      location,
      reschedule_count: Math.max(0, current.reschedule_count - 1),
    })
  }
)

/**
 * A fieldworker assigned to the visit who is busy at the new time is taken off it (staff see the
 * visit unassigned and the move in the customer's activity); one who is free keeps it.
 */
const releaseBusyFieldworkerStep = createStep(
  "release-busy-fieldworker",
  async (input: { booking_id: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const booking = await bookings.retrieveBooking(input.booking_id)
    if (!booking.fieldworker_id) return new StepResponse(null, null)
    const clash = await bookings.findFieldworkerClash({
      fieldworker_id: booking.fieldworker_id,
      booking_id: booking.id,
      starts_at: new Date(booking.starts_at),
      ends_at: new Date(booking.ends_at),
    })
    if (!clash) return new StepResponse(null, null)
    await bookings.updateBookings({ id: booking.id, fieldworker_id: null })
    return new StepResponse(booking.fieldworker_id, { id: booking.id, fieldworker_id: booking.fieldworker_id })
  },
  async (previous, { container }) => {
    if (!previous) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(previous)
  }
)

/**
 * The customer moves the visit to another free window of the same service before the cut-off:
 * the new window is reserved first (atomically, so a taken window is a 409 and nothing changes),
 * then the booking moves (only if nobody changed it meanwhile), then the old window's place is
 * given back. Any failure undoes the earlier steps. `booking.rescheduled` carries the old time
 * for the office's email.
 */
export const rescheduleBookingWorkflow = createWorkflow(
  "reschedule-booking",
  (input: { customer_id: string; booking_id: string; starts_at: string }) => {
    const booking = loadBookingForChangeStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, booking_id: input.booking_id, change: "reschedule" as const }))
    )
    const office = officeContactStep()
    checkNewTimeStep(transform({ input, booking, office }, ({ input, booking, office }) => ({ booking, starts_at: input.starts_at, office })))
    const window = reserveNewWindowStep(
      transform({ input, booking }, ({ input, booking }) => ({ product_id: booking.product_id!, starts_at: input.starts_at }))
    )
    const moved = moveBookingStep(transform({ booking, window }, ({ booking, window }) => ({ booking, window })))
    const unassigned = releaseBusyFieldworkerStep(transform({ booking }, ({ booking }) => ({ booking_id: booking.id })))
    recordActivityStep(
      bookingActivityStep(
        transform({ booking, unassigned }, ({ booking, unassigned }) => ({
          booking_id: booking.id,
          kind: "booking_rescheduled" as const,
          previous: { starts_at: booking.starts_at, window_ends_at: booking.window_ends_at ?? booking.ends_at },
          unassigned_fieldworker_id: unassigned ?? null,
        }))
      )
    )
    releaseBookingWindowStep(transform({ booking }, ({ booking }) => ({ product_id: booking.product_id!, starts_at: booking.starts_at })))
    emitEventStep({
      eventName: BOOKING_RESCHEDULED,
      data: transform({ booking }, ({ booking }) => ({
        id: booking.id,
        previous_starts_at: booking.starts_at,
        previous_window_ends_at: booking.window_ends_at ?? booking.ends_at,
      })),
    })
    return new WorkflowResponse(
      transform({ moved, unassigned }, ({ moved, unassigned }) => (unassigned ? { ...moved, fieldworker_id: null } : moved))
    )
  }
)
