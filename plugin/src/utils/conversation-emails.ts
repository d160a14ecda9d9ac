import type { CreateNotificationDTO, INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"
import { CONVERSATIONS_MODULE, type ConversationRow, type ConversationsModuleService, type MessageRow } from "../modules/conversations"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../modules/fieldworkers"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { personName } from "../workflows/customer-profile/activity"
import { adminPageUrl } from "./admin-links"

/** A message unread this long is emailed about: long enough that someone with the page open has read it. */
export const AWAY_EMAIL_AFTER_MS = 5 * 60_000
/** Conversations emailed about in one run, per side; the rest wait a minute. */
const PER_RUN = 200
/** The unread messages quoted in one email. */
const QUOTED = 5

export type ConversationEmailResult = { customer_emails: number; office_emails: number; failed: number }

const messagesText = (messages: MessageRow[]) =>
  messages.map((message) => `${message.author_name}: ${message.body.length > 1000 ? `${message.body.slice(0, 999)}…` : message.body}`).join("\n\n")

/**
 * Emails about messages left unread: to the customer about the office's replies (a link to the
 * conversation in the portal: they reply there), and to the office (or the staff member it is
 * assigned to, with a booking's fieldworker copied) about the customer's. Always sent, whatever
 * the customer's marketing choices: it is their own conversation. One email per conversation
 * and side per run, covering every message since it fell due. A conversation is marked emailed
 * only once its emails went; when the provider is down it stays due and the next run tries again
 * (the idempotency key keeps an email that did go from going twice).
 */
export async function sendConversationEmails(container: MedusaContainer, now: Date): Promise<ConversationEmailResult> {
  const conversations: ConversationsModuleService = container.resolve(CONVERSATIONS_MODULE)
  const dueBefore = new Date(now.getTime() - AWAY_EMAIL_AFTER_MS)
  const result: ConversationEmailResult = { customer_emails: 0, office_emails: 0, failed: 0 }
  for (const side of ["customer", "staff"] as const) {
    for (const conversation of await conversations.listEmailsDue(side, dueBefore, PER_RUN)) {
      const dueSince = (side === "customer" ? conversation.customer_email_due_since : conversation.staff_email_due_since)!
      try {
        const messages = await conversations.listMessagesSince(conversation.id, side === "customer" ? "staff" : "customer", dueSince, QUOTED)
        const emails = await unsent(container, messages.length ? await emailsFor(container, conversation, side, messages, dueSince) : [])
        if (emails.length) await container.resolve<INotificationModuleService>(Modules.NOTIFICATION).createNotifications(emails)
        await conversations.markEmailed(conversation.id, side, dueSince)
        if (side === "customer") result.customer_emails += emails.length
        else result.office_emails += emails.length
      } catch (error) {
        result.failed++
        container
          .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
          .warn(
            `Conversation ${conversation.id}: the ${side === "customer" ? "customer's" : "office's"} email failed, tried again next run: ${(error as Error).message}`
          )
      }
    }
  }
  return result
}

/**
 * Leaves out the emails an earlier run already sent, and gives each of the others a key of its
 * own try: Medusa's Notification module can't retry a failed notification under its old key (it
 * sends, then fails to record it), so a retry is a new notification beside the failed one.
 */
async function unsent(container: MedusaContainer, emails: CreateNotificationDTO[]): Promise<CreateNotificationDTO[]> {
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const kept: CreateNotificationDTO[] = []
  for (const email of emails) {
    const base = email.idempotency_key!
    const earlier = await notifications.listNotifications({ idempotency_key: { $like: `${base}#%` } } as Record<string, unknown>, {
      select: ["id", "status"],
      take: 100,
    })
    if (earlier.some((notification) => notification.status === "success")) continue
    kept.push({ ...email, idempotency_key: `${base}#${earlier.length + 1}` })
  }
  return kept
}

async function emailsFor(
  container: MedusaContainer,
  conversation: ConversationRow,
  side: "customer" | "staff",
  messages: MessageRow[],
  dueSince: Date
): Promise<CreateNotificationDTO[]> {
  const customer = (await container.resolve(Modules.CUSTOMER).listCustomers({ id: conversation.customer_id }, { take: 1, withDeleted: true }))[0]
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const common = {
    channel: "email",
    receiver_id: conversation.customer_id,
    resource_id: conversation.id,
    resource_type: "conversation",
    trigger_type: "conversation.message_posted",
  }
  const key = (to: string) => `conversation-email:${side}:${conversation.id}:${dueSince.toISOString()}:${to}`
  if (side === "customer") {
    if (!customer?.email || customer.deleted_at) return []
    return [
      {
        ...common,
        to: customer.email,
        template: "conversation-message",
        idempotency_key: key(customer.email),
        data: {
          first_name: customer.first_name ?? undefined,
          conversation_title: conversation.title,
          messages_text: messagesText(messages),
          conversation_url: portal.portalLink(`/messages/${conversation.id}`),
        },
      },
    ]
  }
  const recipients = new Set<string>()
  const assigned = conversation.assigned_user_id
    ? (await container.resolve(Modules.USER).listUsers({ id: conversation.assigned_user_id }, { take: 1, select: ["id", "email"] }))[0]
    : null
  const office = assigned?.email || portal.businessEmail
  if (office) recipients.add(office.toLowerCase())
  // The fieldworker doing the visit hears what the customer says about it.
  if (conversation.subject_type === "booking" && conversation.subject_id) {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [booking] = await bookings.listBookings({ id: conversation.subject_id }, { take: 1, select: ["id", "fieldworker_id"] })
    if (booking?.fieldworker_id) {
      const fieldworkers: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
      const [fieldworker] = await fieldworkers.listFieldworkers({ id: booking.fieldworker_id }, { take: 1, select: ["id", "email"] })
      if (fieldworker?.email) recipients.add(fieldworker.email.toLowerCase())
    }
  }
  const data = {
    customer_name: personName(customer) || customer?.company_name || customer?.email || "A customer",
    ...(customer?.email ? { customer_email: customer.email } : {}),
    conversation_title: conversation.title,
    messages_text: messagesText(messages),
    admin_url: adminPageUrl(container, `/inbox/${conversation.id}`),
  }
  return [...recipients].map((to) => ({ ...common, to, template: "conversation-message-office", idempotency_key: key(to), data }))
}
