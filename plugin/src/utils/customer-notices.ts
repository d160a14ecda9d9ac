import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import type { NoticeEvent, NoticeSettings } from "@fieldservice/contract"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"

export type CustomerNotice = {
  event: NoticeEvent
  customer_id: string
  title: string
  message: string
  /** The portal page it is about ("/bookings/bkg_…"); the notice opens it. */
  url: string
  resource_type: string
  resource_id: string
  /** The event that made it, for the communication log (defaults to `event`). */
  trigger_type?: string
  /** Made once per key: the notice gets `<key>:feed`, its email `<key>:email`. */
  idempotency_key?: string
}

/**
 * Events with no email of their own: when the business switches their email on, the notice goes
 * by email too, in the plain "portal-notice" template. (Rescheduled and cancelled bookings have
 * their own emails, which their subscribers send when the switch allows; the rest are always sent.)
 */
const NOTICE_EMAIL_EVENTS = new Set<NoticeEvent>(["booking_started", "booking_completed", "invoice_overdue"])

/** Which events make a portal notification and which also email (Settings → Customer portal). */
export async function noticeSettings(container: MedusaContainer): Promise<NoticeSettings> {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  return portal.getNoticeSettings()
}

/** The feed notification for a notice, as Medusa's Notification module stores it on the "feed" channel. */
export function feedNotice(input: CustomerNotice): CreateNotificationDTO {
  return {
    to: input.customer_id,
    receiver_id: input.customer_id,
    channel: "feed",
    template: input.event.replace(/_/g, "-"),
    resource_id: input.resource_id,
    resource_type: input.resource_type,
    trigger_type: input.trigger_type ?? input.event,
    data: { title: input.title, message: input.message, url: input.url },
    idempotency_key: input.idempotency_key ? `${input.idempotency_key}:feed` : undefined,
  }
}

/**
 * Tells a customer something in their portal notifications and, when the business chose so for
 * this event, by email. Anyone may call it (the message-received notice included); it answers
 * what it made.
 */
export async function noticeCustomer(container: MedusaContainer, input: CustomerNotice): Promise<{ notice: boolean; email: boolean }> {
  const settings = (await noticeSettings(container))[input.event]
  const sends: CreateNotificationDTO[] = []
  if (settings.notice) sends.push(feedNotice(input))
  const emailed = settings.email && NOTICE_EMAIL_EVENTS.has(input.event)
  if (emailed) {
    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    sends.push({
      to: customer.email,
      receiver_id: input.customer_id,
      channel: "email",
      template: "portal-notice",
      resource_id: input.resource_id,
      resource_type: input.resource_type,
      trigger_type: input.trigger_type ?? input.event,
      data: { first_name: customer.first_name ?? undefined, title: input.title, message: input.message, url: portal.portalLink(input.url) },
      idempotency_key: input.idempotency_key ? `${input.idempotency_key}:email` : undefined,
    })
  }
  if (sends.length) await container.resolve(Modules.NOTIFICATION).createNotifications(sends)
  return { notice: settings.notice, email: emailed }
}
