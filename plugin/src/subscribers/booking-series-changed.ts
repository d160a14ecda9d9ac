import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService } from "../modules/booking-series"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { BOOKING_SERIES_CHANGED, type SeriesChangedEvent } from "../workflows/booking-series/series-activity"

type Contact = { name?: string | null; email?: string | null; phone?: string | null }

/**
 * Repeat visits set up or changed: a notification in the customer's portal feed and an email to
 * the customer; an email to the office unless the office made the change itself (as for single
 * bookings). Visits the rolling job moved or could not book, and series ended because the account
 * was closed, are the system's doing: both are told.
 */
export default async function notifyBookingSeriesChanged({ event: { name, data }, container }: SubscriberArgs<SeriesChangedEvent>) {
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const series = await seriesModule.retrieveSeries(data.id)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(series.customer_id)
  const contact = (series.contact ?? {}) as Contact
  const common = { resource_id: series.id, resource_type: "booking_series", trigger_type: name }
  const url = `/bookings/series/${series.id}`
  const name_ = contact.name || [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email
  const office = portal.businessEmail
  // The account was closed: the customer is not written to about it, only the office.
  const toCustomer = data.kind !== "cancelled_account"
  await notifications.createNotifications([
    ...(toCustomer
      ? [
          {
            ...common,
            to: series.customer_id,
            receiver_id: series.customer_id,
            channel: "feed",
            template: "booking-series-changed",
            data: { title: `Repeat visits: ${series.service_title}`, message: data.summary, url },
          },
          {
            ...common,
            to: contact.email || customer.email,
            receiver_id: series.customer_id,
            channel: "email",
            template: "booking-series-changed",
            data: {
              first_name: customer.first_name ?? undefined,
              service_title: series.service_title,
              summary: data.summary,
              series_url: portal.portalLink(url),
            },
          },
        ]
      : []),
    ...(office && data.by !== "staff"
      ? [
          {
            ...common,
            to: office,
            channel: "email",
            template: "booking-series-changed-office",
            data: {
              service_title: series.service_title,
              summary: data.summary,
              customer_name: name_,
              customer_email: contact.email || customer.email,
              customer_phone: contact.phone || customer.phone || undefined,
            },
          },
        ]
      : []),
  ])
}

export const config: SubscriberConfig = { event: BOOKING_SERIES_CHANGED }
