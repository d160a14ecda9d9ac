import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { loadBookingNotice } from "../emails/booking-notice"
import { describeArrivalWindow } from "../modules/services/time-zone"
import { serviceHandle } from "../utils/service-handle"
import { BOOKING_CANCELLED } from "../workflows/booking/cancel-booking"
import { BOOKING_RESCHEDULED } from "../workflows/booking/reschedule-booking"
import { noticeSettings } from "../utils/customer-notices"

type ChangeEvent = { id: string; cancelled_by?: string; previous_starts_at?: string; previous_window_ends_at?: string; rescheduled_by?: string }

/**
 * A booking was cancelled or moved: a notification in the customer's portal feed, an email to the
 * customer, and, when the customer did it in the portal, an email to the office (for a reschedule
 * with the old and the new time, in the business's time zone). Staff moving a visit on the
 * schedule board don't need telling.
 */
export default async function notifyBookingChanged({ event: { name, data }, container }: SubscriberArgs<ChangeEvent>) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const { booking, customer, portal, timeZone, when, details, person, contact } = await loadBookingNotice(container, data.id)
  const common = { resource_id: booking.id, resource_type: "booking", trigger_type: name }
  const toCustomer = { to: contact.email || booking.email, receiver_id: booking.customer_id, channel: "email" }
  const feed = { to: booking.customer_id ?? booking.email, receiver_id: booking.customer_id, channel: "feed" }
  const office = portal.businessEmail
  // The portal notice and the customer's email each as Settings → Customer portal says; the office is always told.
  const settings = await noticeSettings(container)
  const send = async (list: CreateNotificationDTO[]) => {
    if (list.length) await notifications.createNotifications(list)
  }
  const tell = settings[name === BOOKING_CANCELLED ? "booking_cancelled" : "booking_changed"]

  if (name === BOOKING_CANCELLED) {
    const handle = await serviceHandle(container, booking.product_id)
    const bookAgain = portal.portalLink(handle ? `/book/${encodeURIComponent(handle)}` : "/services")
    const byCustomer = data.cancelled_by === "customer"
    await send([
      ...(tell.notice
        ? [
            {
              ...common,
              ...feed,
              template: "booking-cancelled",
              data: {
                title: `Booking ${booking.booking_number} cancelled`,
                message: byCustomer
                  ? `${booking.service_title}: ${when} is cancelled.`
                  : `We cancelled your ${booking.service_title} visit on ${when}.${booking.cancellation_reason ? ` Reason: ${booking.cancellation_reason}` : ""}`,
                url: `/bookings/${booking.id}`,
              },
            },
          ]
        : []),
      ...(tell.email
        ? [
            {
              ...common,
              ...toCustomer,
              template: "booking-cancelled",
              data: {
                ...details,
                first_name: customer?.first_name ?? undefined,
                book_again_url: bookAgain,
                staff_reason: byCustomer ? undefined : (booking.cancellation_reason ?? undefined),
              },
            },
          ]
        : []),
      ...(office && byCustomer
        ? [
            {
              ...common,
              to: office,
              channel: "email",
              template: "booking-cancelled-office",
              data: { ...details, ...person, reason: booking.cancellation_reason ?? undefined },
            },
          ]
        : []),
    ])
    return
  }

  const previousStart = data.previous_starts_at ? new Date(data.previous_starts_at) : null
  const previousEnd = data.previous_window_ends_at ? new Date(data.previous_window_ends_at) : null
  const previous = previousStart && previousEnd ? describeArrivalWindow(previousStart, previousEnd, timeZone) : "at its earlier time"
  await send([
    ...(tell.notice
      ? [
          {
            ...common,
            ...feed,
            template: "booking-rescheduled",
            data: {
              title: `Booking ${booking.booking_number} rescheduled`,
              message: `${booking.service_title} moved to ${when} (was ${previous}).`,
              url: `/bookings/${booking.id}`,
            },
          },
        ]
      : []),
    ...(tell.email
      ? [
          {
            ...common,
            ...toCustomer,
            template: "booking-rescheduled",
            data: {
              ...details,
              first_name: customer?.first_name ?? undefined,
              previous_when_text: previous,
              booking_url: portal.portalLink(`/bookings/${booking.id}`),
            },
          },
        ]
      : []),
    ...(office && data.rescheduled_by !== "staff"
      ? [{ ...common, to: office, channel: "email", template: "booking-rescheduled-office", data: { ...details, ...person, previous_when_text: previous } }]
      : []),
  ])
}

export const config: SubscriberConfig = { event: [BOOKING_CANCELLED, BOOKING_RESCHEDULED] }
