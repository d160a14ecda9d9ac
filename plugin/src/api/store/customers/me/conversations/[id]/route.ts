import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreConversationResponse } from "@fieldservice/contract"
import { markConversationReadWorkflow } from "../../../../../../workflows/conversations/conversation-writes"
import { storeConversationResponse } from "../../../../../utils/conversations"

/** One of the customer's conversations with its messages (never internal notes); opening it marks it read. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreConversationResponse>) {
  const customerId = req.auth_context.actor_id
  await markConversationReadWorkflow(req.scope).run({ input: { conversation_id: req.params.id, customer_id: customerId, reader: "customer" } })
  res.json(await storeConversationResponse(req.scope, customerId, req.params.id))
}
