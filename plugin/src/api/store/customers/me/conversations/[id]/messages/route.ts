import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreConversationResponse } from "@fieldservice/contract"
import { postConversationMessageWorkflow } from "../../../../../../../workflows/conversations/conversation-writes"
import { customerAuthor, storeConversationResponse } from "../../../../../../utils/conversations"
import type { MessageUploadRequest } from "../../../../../../utils/message-upload"
import type { StorePostMessageType } from "../../validators"

/** The customer writes in one of their conversations (JSON, or multipart with up to five files); 201 with the conversation. */
export async function POST(req: AuthenticatedMedusaRequest<StorePostMessageType>, res: MedusaResponse<StoreConversationResponse>) {
  const customerId = req.auth_context.actor_id
  await postConversationMessageWorkflow(req.scope).run({
    input: {
      target: { conversation_id: req.params.id, customer_id: customerId },
      author: await customerAuthor(req.scope, customerId),
      actor: { type: "customer", id: customerId },
      body: req.validatedBody.body,
      files: (req as unknown as MessageUploadRequest).messageFiles ?? [],
    },
  })
  res.status(201).json(await storeConversationResponse(req.scope, customerId, req.params.id))
}
