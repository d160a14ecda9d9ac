import type { ICustomerModuleService, INotificationModuleService, MedusaContainer, NotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type {
  ActivityChange,
  AdminActivityListResponse,
  AdminCommunication,
  AdminCommunicationListResponse,
  AdminCommunicationResponse,
} from "@fieldservice/contract"
import { emailSubject, renderEmail } from "../emails"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../modules/customer-profile"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { isoDate } from "../utils/json-dates"
import { personName } from "../workflows/customer-profile/activity"

/**
 * The customer (also a deleted one: their history stays readable) and every address their
 * emails may have gone to: the account email and their extra emails.
 */
async function findCustomer(scope: MedusaContainer, customerId: string) {
  const customers: ICustomerModuleService = scope.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: customerId }, { take: 1, withDeleted: true })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`)
  return customer
}

export async function customerMailboxes(scope: MedusaContainer, customerId: string) {
  const customer = await findCustomer(scope, customerId)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "customer_profile.contact_methods.kind", "customer_profile.contact_methods.value"],
    filters: { id: customerId },
    withDeleted: true,
  })
  const methods = ((data[0] as { customer_profile?: { contact_methods?: { kind: string; value: string }[] } } | undefined)?.customer_profile?.contact_methods ??
    []) as { kind: string; value: string }[]
  const emails = new Set<string>()
  for (const email of [customer.email, ...methods.filter((method) => method.kind === "email").map((method) => method.value)]) {
    if (!email) continue
    emails.add(email)
    emails.add(email.trim().toLowerCase())
  }
  return { customer, emails: [...emails] }
}

const ownFilter = (customerId: string, emails: string[]) => ({
  channel: "email",
  $or: [{ receiver_id: customerId }, ...(emails.length ? [{ to: emails }] : [])],
})

const STATUS_LABELS: Record<NotificationDTO["status"], AdminCommunication["status"]> = { success: "sent", failure: "failed", pending: "sending" }

function present(notification: NotificationDTO, businessName: string): AdminCommunication {
  const data = (notification.data ?? {}) as Record<string, unknown>
  const sender = typeof data.sender_name === "string" && data.sender_name ? data.sender_name : null
  return {
    id: notification.id,
    to: notification.to,
    from: notification.from || (sender ? `${sender} (${businessName})` : businessName),
    template: notification.template,
    subject: emailSubject(notification.template ?? "", data, { businessName }),
    status: STATUS_LABELS[notification.status],
    trigger_type: notification.trigger_type ?? null,
    reply_to: typeof data.reply_to === "string" ? data.reply_to : null,
    created_at: isoDate(notification.created_at),
  }
}

/** A page of the emails sent to the customer, newest first, from the Notification module's records. */
export async function listCustomerCommunications(
  scope: MedusaContainer,
  customerId: string,
  page: { limit: number; offset: number }
): Promise<AdminCommunicationListResponse> {
  const { emails } = await customerMailboxes(scope, customerId)
  const notifications: INotificationModuleService = scope.resolve(Modules.NOTIFICATION)
  const portal: PortalAccessModuleService = scope.resolve(PORTAL_ACCESS_MODULE)
  const [rows, count] = await notifications.listAndCountNotifications(ownFilter(customerId, emails) as never, {
    order: { created_at: "DESC" },
    take: page.limit,
    skip: page.offset,
  })
  return { communications: rows.map((row) => present(row, portal.businessName)), count, limit: page.limit, offset: page.offset }
}

/**
 * One email as the customer saw it, rendered again from its template and data the way the
 * email provider renders it. Another customer's email (or no email) is "not found".
 */
export async function retrieveCustomerCommunication(scope: MedusaContainer, customerId: string, notificationId: string): Promise<AdminCommunicationResponse> {
  const { emails } = await customerMailboxes(scope, customerId)
  const notifications: INotificationModuleService = scope.resolve(Modules.NOTIFICATION)
  const portal: PortalAccessModuleService = scope.resolve(PORTAL_ACCESS_MODULE)
  const [notification] = await notifications.listNotifications({ $and: [{ id: notificationId }, ownFilter(customerId, emails)] } as never, { take: 1 })
  if (!notification) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Email ${notificationId} was not found for this customer`)
  let preview: AdminCommunicationResponse["communication"]["preview"] = null
  let preview_error: string | null = null
  try {
    preview = await renderEmail(notification.template ?? "", (notification.data ?? {}) as Record<string, unknown>, { businessName: portal.businessName })
  } catch (error) {
    preview_error = `This email can't be shown again: ${(error as Error).message}`
  }
  return { communication: { ...present(notification, portal.businessName), preview, preview_error } }
}

/**
 * The names of the staff members some lines know only by email (imports, erasures, merges and
 * older lines record the email alone), so the timeline reads "Sam Okafor (sam@…)" throughout.
 */
async function staffNamesByEmail(scope: MedusaContainer, emails: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails)]
  if (!wanted.length) return new Map()
  const users = await scope.resolve(Modules.USER).listUsers({ email: wanted }, { select: ["email", "first_name", "last_name"] })
  return new Map(users.map((user) => [user.email, personName(user)] as const).filter(([, name]) => !!name))
}

/** Activity lines, newest first, for the timeline. */
export async function listCustomerActivity(
  scope: MedusaContainer,
  customerId: string,
  page: { limit: number; offset: number; kind?: string[] }
): Promise<AdminActivityListResponse> {
  await findCustomer(scope, customerId)
  const profiles: CustomerProfileModuleService = scope.resolve(CUSTOMER_PROFILE_MODULE)
  const [rows, count] = await profiles.listAndCountCustomerActivities(
    { customer_id: customerId, ...(page.kind?.length ? { kind: page.kind } : {}) },
    { order: { created_at: "DESC", id: "DESC" }, take: page.limit, skip: page.offset }
  )
  const staffNames = await staffNamesByEmail(
    scope,
    rows.filter((entry) => entry.actor_type === "staff" && entry.actor && (!entry.actor_name || entry.actor_name === entry.actor)).map((entry) => entry.actor!)
  )
  const activity = rows.map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    message: entry.message,
    actor: {
      type: entry.actor_type,
      id: entry.actor_id ?? null,
      name: (entry.actor && staffNames.get(entry.actor)) || entry.actor_name || null,
      email: entry.actor_type === "staff" ? (entry.actor ?? null) : null,
    },
    // A JSON column: the workflows that write it keep to this shape.
    changes: (entry.changes as ActivityChange[] | null) ?? [],
    data: entry.data ?? null,
    created_at: isoDate(entry.created_at),
  }))
  return { activity, count, limit: page.limit, offset: page.offset }
}
