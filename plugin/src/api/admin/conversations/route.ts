import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminConversationListResponse, AdminConversationResponse } from "@fieldservice/contract"
import { CONVERSATIONS_MODULE, type ConversationsModuleService } from "../../../modules/conversations"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../modules/customer-directory"
import { postConversationMessageWorkflow } from "../../../workflows/conversations/conversation-writes"
import { requestActor } from "../../utils/activity-actor"
import { adminConversationResponse, adminSummaries } from "../../utils/conversations"
import type { MessageUploadRequest } from "../../utils/message-upload"
import type { AdminGetConversationsParamsType, AdminStartConversationType } from "./validators"

/** Customers a search may match by name or email (the directory's trigram index); more is a search too wide to be useful. */
const MATCHED_CUSTOMERS = 500

/**
 * The staff inbox: unassigned, mine or all, optionally only unread, one customer's, or a search
 * over customers' names and emails and the messages' text. Newest activity first.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetConversationsParamsType>, res: MedusaResponse<AdminConversationListResponse>) {
  const query = req.validatedQuery as AdminGetConversationsParamsType
  const q = query.q || undefined
  let matched: string[] | undefined
  if (q) {
    const directory: CustomerDirectoryModuleService = req.scope.resolve(CUSTOMER_DIRECTORY_MODULE)
    const found = await directory.searchDirectory({ q }, { limit: MATCHED_CUSTOMERS, offset: 0, order: "name" })
    matched = found.rows.map((row) => row.id)
  }
  const conversations: ConversationsModuleService = req.scope.resolve(CONVERSATIONS_MODULE)
  const { rows, count } = await conversations.listInbox({
    filter: query.filter,
    user_id: req.auth_context.actor_id,
    unread: query.unread === "true",
    customer_id: query.customer_id,
    q,
    matched_customer_ids: matched,
    offset: query.offset,
    limit: query.limit,
  })
  res.json({ conversations: await adminSummaries(req.scope, rows), count, offset: query.offset, limit: query.limit })
}

/** Staff start (or continue) a conversation with a customer about something of theirs; 201 with it. */
export async function POST(req: AuthenticatedMedusaRequest<AdminStartConversationType>, res: MedusaResponse<AdminConversationResponse>) {
  const { customer_id, subject_type, subject_id, body } = req.validatedBody
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: customer_id }, { take: 1, select: ["id"] })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customer_id} was not found`)
  const actor = await requestActor(req)
  const { result } = await postConversationMessageWorkflow(req.scope).run({
    input: {
      target: { customer_id, subject_type, subject_id: subject_id ?? null },
      author: { kind: "staff", id: req.auth_context.actor_id, name: actor.name || "Staff" },
      actor,
      body,
      files: (req as unknown as MessageUploadRequest).messageFiles ?? [],
    },
  })
  res.status(201).json(await adminConversationResponse(req.scope, result.conversation_id))
}
