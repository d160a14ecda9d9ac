import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreMessageDeleteResponse } from "@fieldservice/contract"
import { deleteCustomerMessageWorkflow } from "../../../../../../../../workflows/conversations/conversation-writes"

/** The customer deletes one of their own messages: it stays in place as "Message deleted", its files are removed. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreMessageDeleteResponse>) {
  const { id, message_id } = req.params
  await deleteCustomerMessageWorkflow(req.scope).run({ input: { conversation_id: id, message_id, customer_id: req.auth_context.actor_id } })
  res.json({ id: message_id, object: "message", deleted: true })
}
