import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService, describeBookingArrival } from "../modules/booking"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"

type Contact = { name?: string; email?: string; phone?: string | null }

/**
 * What the booking emails and portal notifications say about one booking (placed, cancelled,
 * moved): the booking's details, who to write to and, for the office, who the customer is.
 */
export async function loadBookingNotice(container: MedusaContainer, bookingId: string) {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const booking = await bookings.retrieveBooking(bookingId)
  const contact = (booking.contact ?? {}) as Contact
  const customer = booking.customer_id ? await container.resolve(Modules.CUSTOMER).retrieveCustomer(booking.customer_id) : null
  const when = describeBookingArrival(booking, services.timeZone)

  const details = {
    booking_number: booking.booking_number,
    service_title: booking.service_title,
    option_title: booking.option_title ?? undefined,
    when_text: when,
    location_text: booking.location_text ?? "",
    instructions: booking.instructions ?? undefined,
  }
  const person = {
    customer_name: contact.name || booking.email,
    customer_email: contact.email || booking.email,
    customer_phone: contact.phone ?? undefined,
  }
  return { booking, contact, customer, portal, timeZone: services.timeZone, when, details, person }
}
