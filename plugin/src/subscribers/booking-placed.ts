import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { cardLabel, priceDueText } from "@fieldservice/contract"
import { loadBookingNotice } from "../emails/booking-notice"
import { loadBookingPrice } from "../queries/booking-price"
import type { BookingParty } from "../modules/services"
import { BOOKING_PLACED } from "../workflows/booking/place-booking"
import { noticeSettings } from "../utils/customer-notices"

/**
 * A booking was placed: a notification in the customer's portal feed and a confirmation email to
 * the customer; a "new portal booking" email to the office unless the office took it itself.
 */
export default async function notifyBookingPlaced({ event: { data }, container }: SubscriberArgs<{ id: string; by?: BookingParty }>) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const { booking, contact, customer, portal, details, person } = await loadBookingNotice(container, data.id)
  const bookingUrl = portal.portalLink(`/bookings/${booking.id}`)
  const common = { resource_id: booking.id, resource_type: "booking", trigger_type: BOOKING_PLACED }
  // The order's own lines, tax and total, and when they are paid, as the booking's page shows them.
  const price = (await loadBookingPrice(container, booking.order_id ?? null)) ?? undefined
  const card = booking.card as { brand?: string; last4?: string } | null
  const priceDue = price ? priceDueText(card?.last4 ? cardLabel({ brand: card.brand ?? "", last4: card.last4 }) : null) : undefined

  // The portal notice as Settings → Customer portal allows; the confirmation email always goes.
  const { notice } = (await noticeSettings(container)).booking_confirmed
  await notifications.createNotifications([
    ...(notice
      ? [
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
        ]
      : []),
    {
      ...common,
      to: contact.email || booking.email,
      receiver_id: booking.customer_id,
      channel: "email",
      template: "booking-confirmation",
      data: { ...details, price, price_due: priceDue, first_name: customer?.first_name ?? undefined, booking_url: bookingUrl },
    },
    ...(portal.businessEmail && data.by !== "staff"
      ? [
          {
            ...common,
            to: portal.businessEmail,
            channel: "email",
            template: "booking-received",
            data: { ...details, ...person, price },
          },
        ]
      : []),
  ])
}

export const config: SubscriberConfig = { event: BOOKING_PLACED }
