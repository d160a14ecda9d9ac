import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreConversationListResponse, StoreConversationResponse } from "@fieldservice/contract"
import { CONVERSATIONS_MODULE, type ConversationsModuleService } from "../../../../../modules/conversations"
import { postConversationMessageWorkflow } from "../../../../../workflows/conversations/conversation-writes"
import { customerAuthor, storeConversationResponse, summary } from "../../../../utils/conversations"
import type { MessageUploadRequest } from "../../../../utils/message-upload"
import type { StoreGetConversationsParamsType, StoreStartConversationType } from "./validators"

/** The customer's conversations, newest activity first, each with how many messages they haven't read. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreGetConversationsParamsType>, res: MedusaResponse<StoreConversationListResponse>) {
  const { offset, limit } = req.validatedQuery as StoreGetConversationsParamsType
  const conversations: ConversationsModuleService = req.scope.resolve(CONVERSATIONS_MODULE)
  const { rows, count } = await conversations.listCustomerConversations(req.auth_context.actor_id, { offset, limit })
  res.json({ conversations: rows.map((row) => summary(row, "customer")), count, offset, limit })
}

/** Starts (or finds) the conversation about something of the customer's own, with their first message; 201 with it. */
export async function POST(req: AuthenticatedMedusaRequest<StoreStartConversationType>, res: MedusaResponse<StoreConversationResponse>) {
  const customerId = req.auth_context.actor_id
  const { subject_type, subject_id, body } = req.validatedBody
  const { result } = await postConversationMessageWorkflow(req.scope).run({
    input: {
      target: { customer_id: customerId, subject_type, subject_id: subject_id ?? null },
      author: await customerAuthor(req.scope, customerId),
      actor: { type: "customer", id: customerId },
      body,
      files: (req as unknown as MessageUploadRequest).messageFiles ?? [],
    },
  })
  res.status(201).json(await storeConversationResponse(req.scope, customerId, result.conversation_id))
}
