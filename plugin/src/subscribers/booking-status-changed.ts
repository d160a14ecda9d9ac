import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BOOKING_MODULE, type BookingModuleService, describeBookingArrival } from "../modules/booking"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { BOOKING_STATUS_CHANGED } from "../workflows/booking/admin-booking-record"
import type { BookingStatus, NoticeEvent } from "@fieldservice/contract"
import { noticeCustomer } from "../utils/customer-notices"

type StatusChange = { id: string; from: BookingStatus; to: BookingStatus; by: "staff" | "customer"; reason?: string | null; undo?: boolean; imported?: boolean }

/**
 * Staff changed a booking's status: the customer sees it in their portal notifications (and by
 * email when the business chose so). Their own changes from the portal need no notice.
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

  const events: Partial<Record<BookingStatus, NoticeEvent>> = { confirmed: "booking_confirmed", in_progress: "booking_started", completed: "booking_completed" }
  const notices: Partial<Record<BookingStatus, { title: string; message: string }>> = {
    confirmed: { title: `Booking ${booking.booking_number} confirmed`, message: `${booking.service_title}: ${when}.` },
    in_progress: { title: `Booking ${booking.booking_number} in progress`, message: `Your ${booking.service_title} visit has started.` },
    completed: { title: `Booking ${booking.booking_number} completed`, message: `Your ${booking.service_title} visit on ${day} is done. Thank you!` },
  }
  const event = events[data.to]
  const notice = notices[data.to]
  if (!event || !notice) return
  // A notice, and an email too when the business switched it on (Settings → Customer portal).
  await noticeCustomer(container, {
    event,
    customer_id: booking.customer_id,
    ...notice,
    url: `/bookings/${booking.id}`,
    resource_type: "booking",
    resource_id: booking.id,
    trigger_type: BOOKING_STATUS_CHANGED,
  })
}

export const config: SubscriberConfig = { event: BOOKING_STATUS_CHANGED }
