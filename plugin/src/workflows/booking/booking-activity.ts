import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService, describeBookingArrival } from "../../modules/booking"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../../modules/fieldworkers"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { describeArrivalWindow } from "../../modules/services/time-zone"
import { type ActivityActor, type ActivityChange, diffFields } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

export type BookingActivityInput = {
  booking_id: string
  kind: "booking_placed" | "booking_rescheduled" | "booking_cancelled" | "booking_updated" | "booking_file_added" | "booking_file_removed"
  actor?: ActivityActor | null
  /** Rescheduled: where the visit was before. */
  previous?: { starts_at: string; window_ends_at: string | null } | null
  /** Taken off a rescheduled visit because they were busy at the new time. */
  unassigned_fieldworker_id?: string | null
  /** Contact details and notes before the customer edited them (and the address, when staff may have changed it). */
  before?: { contact: Record<string, unknown> | null; instructions: string | null; location_text?: string | null } | null
  reason?: string | null
  /** Cancelled: the status it had. */
  previous_status?: string | null
  filename?: string | null
}

const CONTACT_LABELS = {
  location_text: "Address",
  contact_name: "Contact name",
  contact_email: "Contact email",
  contact_phone: "Contact phone",
  instructions: "Notes for the team",
}

/** The visit's details as the history compares them; the address only when the edit could change it (staff's). */
const visitDetails = (booking: { contact?: unknown; instructions?: string | null; location_text?: string | null }, withAddress: boolean) => {
  const contact = (booking.contact ?? {}) as Record<string, unknown>
  return {
    ...(withAddress ? { location_text: booking.location_text ?? null } : {}),
    contact_name: contact.name ?? null,
    contact_email: contact.email ?? null,
    contact_phone: contact.phone ?? null,
    instructions: booking.instructions ?? null,
  }
}

type PlacedVisit = { booking_number: string; service_title: string; option_title?: string | null; location_text?: string | null }

/** "Booking BK-… placed: …": also written for the rolling job's visits booked in sets. */
export const bookingPlacedMessage = (booking: PlacedVisit, when: string) =>
  `Booking ${booking.booking_number} placed: ${booking.service_title}${booking.option_title ? ` (${booking.option_title})` : ""}, ${when}${
    booking.location_text ? `, at ${booking.location_text}` : ""
  }.`

/**
 * The customer's activity line for something that happened to one of their bookings, with the
 * visit's time in the business's time zone. Reads only; a booking without a customer gets none.
 */
export const bookingActivityStep = createStep("booking-activity-entries", async (input: BookingActivityInput, { container }) => {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const booking = await bookings.retrieveBooking(input.booking_id)
  if (!booking.customer_id) return new StepResponse([] as ActivityEntry[])
  const when = describeBookingArrival(booking, services.timeZone)
  const visit = `Booking ${booking.booking_number} (${booking.service_title})`
  let message: string
  let changes: ActivityChange[] = []
  switch (input.kind) {
    case "booking_placed":
      message = bookingPlacedMessage(booking, when)
      break
    case "booking_rescheduled": {
      const previous = input.previous
        ? describeArrivalWindow(new Date(input.previous.starts_at), new Date(input.previous.window_ends_at ?? input.previous.starts_at), services.timeZone)
        : "its earlier time"
      changes = [{ field: "starts_at", label: `Time of ${booking.booking_number}`, before: previous, after: when }]
      message = `${visit} moved to ${when} (was ${previous}).`
      if (input.unassigned_fieldworker_id) {
        const fieldworkers: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
        const [fieldworker] = await fieldworkers.listFieldworkers({ id: input.unassigned_fieldworker_id }, { take: 1, withDeleted: true })
        message += ` ${fieldworker?.name ?? "The fieldworker"} was taken off the visit: they are busy at the new time.`
      }
      break
    }
    case "booking_cancelled":
      changes = [{ field: "status", label: `Status of ${booking.booking_number}`, before: input.previous_status ?? null, after: "cancelled" }]
      message = `${visit} on ${when} cancelled by ${booking.cancelled_by === "staff" ? "the office" : "the customer"}${input.reason ? `: ${input.reason}` : "."}`
      break
    case "booking_updated": {
      const withAddress = !!input.before && "location_text" in input.before
      changes = diffFields(input.before ? visitDetails(input.before, withAddress) : null, visitDetails(booking, withAddress), CONTACT_LABELS)
      if (!changes.length) return new StepResponse([] as ActivityEntry[])
      message = `${visit}: ${changes.map((change) => change.label.toLowerCase()).join(", ")} changed.`
      break
    }
    case "booking_file_added":
      message = `File “${input.filename ?? "attachment"}” added to booking ${booking.booking_number}.`
      break
    case "booking_file_removed":
      message = `File “${input.filename ?? "attachment"}” removed from booking ${booking.booking_number}.`
      break
  }
  return new StepResponse<ActivityEntry[]>([
    {
      customer_id: booking.customer_id,
      kind: input.kind,
      message,
      changes,
      data: { booking_id: booking.id, booking_number: booking.booking_number },
      actor: input.actor ?? { type: "customer", id: booking.customer_id },
    },
  ])
})
