import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService, describeBookingArrival } from "../modules/booking"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { BOOKING_PLACED } from "../workflows/booking/place-booking"

type Contact = { name?: string; email?: string; phone?: string | null }

/**
 * A booking was placed in the portal: a notification in the customer's portal feed, a
 * confirmation email to the customer, and a "new portal booking" email to the office.
 */
export default async function notifyBookingPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const booking = await bookings.retrieveBooking(data.id)
  const contact = (booking.contact ?? {}) as Contact
  const customer = booking.customer_id ? await container.resolve(Modules.CUSTOMER).retrieveCustomer(booking.customer_id) : null

  const details = {
    booking_number: booking.booking_number,
    service_title: booking.service_title,
    option_title: booking.option_title ?? undefined,
    when_text: describeBookingArrival(booking, services.timeZone),
    location_text: booking.location_text ?? "",
    instructions: booking.instructions ?? undefined,
  }
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
            data: {
              ...details,
              customer_name: contact.name || booking.email,
              customer_email: contact.email || booking.email,
              customer_phone: contact.phone ?? undefined,
            },
          },
        ]
      : []),
  ])
}

export const config: SubscriberConfig = { event: BOOKING_PLACED }
