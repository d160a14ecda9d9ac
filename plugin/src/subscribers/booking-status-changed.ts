import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService, describeBookingArrival } from "../modules/booking"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { BOOKING_STATUS_CHANGED } from "../workflows/booking/admin-booking-record"
import type { BookingStatus } from "@fieldservice/contract"

type StatusChange = { id: string; from: BookingStatus; to: BookingStatus; by: "staff" | "customer"; reason?: string | null; undo?: boolean; imported?: boolean }

/**
 * Staff changed a booking's status: the customer sees it in their portal notifications. (Their
 * own changes from the portal need no notice.)
 */
export default async function notifyBookingStatusChanged({ event: { data }, container }: SubscriberArgs<StatusChange>) {
  // Cancellations are told (portal notice and email) by the booking.cancelled subscriber; an undone
  // completion goes back to what the customer was last told; an imported change is no news.
  if (data.by !== "staff" || data.to === "cancelled" || data.undo || data.imported) return
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const booking = await bookings.retrieveBooking(data.id)
  if (!booking.customer_id) return
  const when = describeBookingArrival(booking, services.timeZone)
  const day = when.split(", arriving")[0]

  const notices: Record<BookingStatus, { title: string; message: string } | null> = {
    requested: null,
    confirmed: { title: `Booking ${booking.booking_number} confirmed`, message: `${booking.service_title}: ${when}.` },
    in_progress: { title: `Booking ${booking.booking_number} in progress`, message: `Your ${booking.service_title} visit has started.` },
    completed: { title: `Booking ${booking.booking_number} completed`, message: `Your ${booking.service_title} visit on ${day} is done. Thank you!` },
    cancelled: {
      title: `Booking ${booking.booking_number} cancelled`,
      message: `We cancelled your ${booking.service_title} visit on ${day}.${data.reason ? ` Reason: ${data.reason}` : ""}`,
    },
  }
  const notice = notices[data.to]
  if (!notice) return
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: booking.customer_id,
    receiver_id: booking.customer_id,
    channel: "feed",
    template: `booking-${data.to.replace("_", "-")}`,
    resource_id: booking.id,
    resource_type: "booking",
    trigger_type: BOOKING_STATUS_CHANGED,
    data: { ...notice, url: `/bookings/${booking.id}` },
  })
}

export const config: SubscriberConfig = { event: BOOKING_STATUS_CHANGED }
