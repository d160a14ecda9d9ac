import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ICustomerModuleService, INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, NotificationEvents } from "@medusajs/framework/utils"
import { emailSubject } from "../emails"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../modules/customer-profile"
import { normalizeEmail } from "../modules/customer-profile/contact-details"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { CONFIRM_ACCOUNT_TRIGGER, PORTAL_INVITE_TRIGGER } from "../workflows/accounts/invite"
import { STAFF_MESSAGE_TRIGGER } from "../workflows/communications/send-message"
import { STATEMENT_EMAIL_TRIGGER } from "../workflows/statements/email-statement"
import { recordCustomerActivityWorkflow } from "../workflows/customer-profile/record-activity"
import type { ActivityEntry } from "../workflows/customer-profile/steps/record-activity"

/**
 * Emails whose workflow writes the history line itself, naming the email and who sent it: a staff
 * message, a portal invite, a confirm-account email, an account statement. A second "Email sent" line would repeat it.
 */
const SELF_LOGGED_TRIGGERS = new Set([STAFF_MESSAGE_TRIGGER, PORTAL_INVITE_TRIGGER, CONFIRM_ACCOUNT_TRIGGER, STATEMENT_EMAIL_TRIGGER])

/**
 * Every email the Notification module sent goes into the customer's activity: the customer it
 * was addressed to (receiver_id), else the customers with that email as their account email or
 * one of their extra emails; one line per email.
 */
export default async function recordEmailActivity({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const notification = await notifications.retrieveNotification(data.id).catch(() => null)
  if (!notification || notification.channel !== "email" || notification.status !== "success") return
  if (SELF_LOGGED_TRIGGERS.has(notification.trigger_type ?? "")) return

  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const ids = new Set<string>()
  if (notification.receiver_id) {
    const [customer] = await customers.listCustomers({ id: notification.receiver_id }, { take: 1, select: ["id"] })
    if (customer) ids.add(customer.id)
  }
  const to = normalizeEmail(notification.to ?? "")
  if (!ids.size && to && to !== normalizeEmail(portal.businessEmail ?? "")) {
    const byAccount = await customers.listCustomers({ email: to }, { select: ["id"] })
    byAccount.forEach((customer) => ids.add(customer.id))
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const methods = await profiles.listContactMethods({ kind: "email", normalized: to }, { select: ["id"], relations: ["profile"] })
    const profileIds = methods.map((method) => (method as unknown as { profile?: { id: string } }).profile?.id).filter(Boolean) as string[]
    if (profileIds.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: linked } = await query.graph({ entity: "customer_profile", fields: ["id", "customer.id"], filters: { id: profileIds } })
      for (const row of linked as { customer?: { id: string } | null }[]) if (row.customer?.id) ids.add(row.customer.id)
    }
  }
  // An event delivered again (a retry, a second worker) must not write a second line for one email.
  const profilesService: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const logged = await profilesService.listCustomerActivities({ customer_id: [...ids], kind: "email_sent" }, { order: { created_at: "DESC" }, take: 50 })
  for (const line of logged) if ((line.data as { notification_id?: string } | null)?.notification_id === notification.id) ids.delete(line.customer_id)
  if (!ids.size) return

  const template = notification.template ?? "email"
  const subject = emailSubject(template, (notification.data ?? {}) as Record<string, unknown>, { businessName: portal.businessName })
  const entries: ActivityEntry[] = [...ids].map((customerId) => ({
    customer_id: customerId,
    kind: "email_sent",
    message: `Email sent to ${notification.to}: ${subject ? `“${subject}”` : template}.`,
    data: { notification_id: notification.id, template, to: notification.to, subject, trigger: notification.trigger_type ?? null },
    actor: { type: "system" },
  }))
  await recordCustomerActivityWorkflow(container).run({ input: entries })
}

export const config: SubscriberConfig = { event: NotificationEvents.NOTIFICATION_CREATED }
