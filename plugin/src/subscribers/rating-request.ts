import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService, describeBookingArrival } from "../modules/booking"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { unsubscribeParts } from "../utils/unsubscribe"
import { BOOKING_STATUS_CHANGED } from "../workflows/booking/admin-booking-record"
import { wantsFeedbackEmails } from "../workflows/ratings/rating-emails"

type StatusChange = { id: string; to: string; by?: string; undo?: boolean; imported?: boolean }

/**
 * Staff marked a visit completed: the customer is asked by email to rate it (once per visit, even
 * when a completion is undone and made again), unless they turned feedback emails off. The
 * portal's own prompt comes from the list of visits waiting for a rating. Non-essential, so it
 * carries the one-click "feedback" unsubscribe (footer link and List-Unsubscribe headers).
 */
export default async function askForRating({ event: { data }, container }: SubscriberArgs<StatusChange>) {
  if (data.to !== "completed" || data.undo || data.imported) return
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const booking = await bookings.retrieveBooking(data.id)
  if (!booking.customer_id || booking.status !== "completed") return
  if (!(await wantsFeedbackEmails(container, booking.customer_id))) return

  const notifications = container.resolve(Modules.NOTIFICATION)
  const key = `rating-request:${booking.id}`
  if ((await notifications.listNotifications({ idempotency_key: key } as Record<string, unknown>, { take: 1 })).length) return
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(booking.customer_id)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const { unsubscribe_url, provider_data } = unsubscribeParts(container, customer.id, "feedback")
  await notifications.createNotifications({
    to: customer.email,
    channel: "email",
    template: "rating-request",
    receiver_id: customer.id,
    resource_id: booking.id,
    resource_type: "booking",
    trigger_type: "rating.requested",
    idempotency_key: key,
    provider_data,
    data: {
      ...(customer.first_name ? { first_name: customer.first_name } : {}),
      booking_number: booking.booking_number,
      service_title: booking.service_title,
      visit_date: describeBookingArrival(booking, services.timeZone).split(", arriving")[0],
      rate_url: portal.portalLink(`/bookings/${booking.id}/rate`),
      unsubscribe_url,
    },
  })
}

export const config: SubscriberConfig = { event: BOOKING_STATUS_CHANGED }
