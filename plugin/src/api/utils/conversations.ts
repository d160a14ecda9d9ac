import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type {
  AdminConversationResponse,
  AdminConversationSummary,
  ConversationMessage,
  ConversationSummary,
  StoreConversationResponse,
} from "@fieldservice/contract"
import { CONVERSATIONS_MODULE, type ConversationRow, type ConversationsModuleService, type MessageRow } from "../../modules/conversations"
import { conversationNotFound } from "../../workflows/conversations/steps/conversation-steps"
import { subjectUrl } from "../../workflows/conversations/subjects"
import { personName } from "../../workflows/customer-profile/activity"
import { sendAttachmentFile } from "./private-files"

type Audience = "customer" | "staff"

const conversationsOf = (scope: MedusaContainer): ConversationsModuleService => scope.resolve(CONVERSATIONS_MODULE)

export function summary(row: ConversationRow, audience: Audience): ConversationSummary {
  return {
    id: row.id,
    subject_type: row.subject_type,
    subject_id: row.subject_id,
    title: row.title,
    subject_url: subjectUrl(audience, row.subject_type, row.subject_id),
    last_message_preview: row.last_message_preview,
    last_message_at: row.last_message_at?.toISOString() ?? null,
    unread_count: audience === "customer" ? row.customer_unread_count : row.staff_unread_count,
  }
}

/** A message as either side sees it (the store never asks for notes). */
export const presentMessage = ({ conversation_id: _c, author_id: _a, ...message }: MessageRow): ConversationMessage => message

/** The customers' names and emails and the assigned staff's names, read once for a whole page. */
export async function adminSummaries(scope: MedusaContainer, rows: ConversationRow[]): Promise<AdminConversationSummary[]> {
  const customerIds = [...new Set(rows.map((row) => row.customer_id))]
  const userIds = [...new Set(rows.map((row) => row.assigned_user_id).filter((id): id is string => !!id))]
  const [customers, users] = await Promise.all([
    customerIds.length
      ? scope
          .resolve(Modules.CUSTOMER)
          .listCustomers(
            { id: customerIds },
            { select: ["id", "first_name", "last_name", "email", "company_name"], take: customerIds.length, withDeleted: true }
          )
      : [],
    userIds.length ? scope.resolve(Modules.USER).listUsers({ id: userIds }, { select: ["id", "first_name", "last_name", "email"], take: userIds.length }) : [],
  ])
  const customerById = new Map(customers.map((customer) => [customer.id, customer]))
  const userById = new Map(users.map((user) => [user.id, user]))
  return rows.map((row) => {
    const customer = customerById.get(row.customer_id)
    const user = row.assigned_user_id ? userById.get(row.assigned_user_id) : null
    return {
      ...summary(row, "staff"),
      customer: {
        id: row.customer_id,
        name: personName(customer) || customer?.company_name || customer?.email || "Customer",
        email: customer?.email ?? null,
      },
      assigned_to: row.assigned_user_id ? { id: row.assigned_user_id, name: personName(user) || user?.email || "Staff member" } : null,
    }
  })
}

/** One conversation of the customer's, with its messages (never notes); another customer's is a 404. */
export async function storeConversationResponse(scope: MedusaContainer, customerId: string, id: string): Promise<StoreConversationResponse> {
  const conversations = conversationsOf(scope)
  const row = await conversations.getConversation(id, customerId)
  if (!row) throw conversationNotFound(id)
  const messages = await conversations.listMessages(id, { notes: false })
  return { conversation: { ...summary(row, "customer"), messages: messages.map(presentMessage) } }
}

/** One conversation for staff, internal notes included. */
export async function adminConversationResponse(scope: MedusaContainer, id: string): Promise<AdminConversationResponse> {
  const conversations = conversationsOf(scope)
  const row = await conversations.getConversation(id, null)
  if (!row) throw conversationNotFound(id)
  const [[present], messages] = await Promise.all([adminSummaries(scope, [row]), conversations.listMessages(id, { notes: true })])
  return { conversation: { ...present, messages: messages.map(presentMessage) } }
}

/** The signed-in customer's name as shown beside their messages. */
export async function customerAuthor(scope: MedusaContainer, customerId: string) {
  const [customer] = await scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "first_name", "last_name", "email", "company_name"], take: 1 })
  return { kind: "customer" as const, id: customerId, name: personName(customer) || customer?.company_name || customer?.email || "Customer" }
}

/** Streams one file of a message: the conversation must be the reader's (the customer's own), the message in it, and for the customer not a note. */
export async function sendMessageFile(req: AuthenticatedMedusaRequest, res: Parameters<typeof sendAttachmentFile>[1], audience: Audience) {
  const conversations = conversationsOf(req.scope)
  const { id, message_id, attachment_id } = req.params
  const conversation = await conversations.getConversation(id, audience === "customer" ? req.auth_context.actor_id : null)
  const file = conversation ? await conversations.findAttachment(id, message_id, attachment_id, audience === "staff") : null
  if (!file) return res.status(404).json({ type: "not_found", message: `File ${attachment_id} was not found` })
  await sendAttachmentFile(req.scope, res, file)
}
