import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { loadBookingNotice } from "../emails/booking-notice"
import { BOOKING_PLACED } from "../workflows/booking/place-booking"

/**
 * A booking was placed in the portal: a notification in the customer's portal feed, a
 * confirmation email to the customer, and a "new portal booking" email to the office.
 */
export default async function notifyBookingPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const { booking, contact, customer, portal, details, person } = await loadBookingNotice(container, data.id)
  const bookingUrl = portal.portalLink(`/bookings/${booking.id}`)
  const common = { resource_id: booking.id, resource_type: "booking", trigger_type: BOOKING_PLACED }

  await notifications.createNotifications([
    {
      ...common,
      to: booking.customer_id ?? booking.email,
      receiver_id: booking.customer_id,
      channel: "feed",
      template: "booking-confirmed",
      data: {
        title: `Booking ${booking.booking_number} confirmed`,
        message: `${booking.service_title}: ${details.when_text}.`,
        url: `/bookings/${booking.id}`,
      },
    },
    {
      ...common,
      to: contact.email || booking.email,
      receiver_id: booking.customer_id,
      channel: "email",
      template: "booking-confirmation",
      data: { ...details, first_name: customer?.first_name ?? undefined, booking_url: bookingUrl },
    },
    ...(portal.businessEmail
      ? [
          {
            ...common,
            to: portal.businessEmail,
            channel: "email",
            template: "booking-received",
            data: { ...details, ...person },
          },
        ]
      : []),
  ])
}

export const config: SubscriberConfig = { event: BOOKING_PLACED }
