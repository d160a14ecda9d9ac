import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminConversationResponse } from "@fieldservice/contract"
import { markConversationReadWorkflow } from "../../../../workflows/conversations/conversation-writes"
import { adminConversationResponse } from "../../../utils/conversations"

/** One conversation with every message, internal notes included; opening it marks it read for staff. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminConversationResponse>) {
  await markConversationReadWorkflow(req.scope).run({ input: { conversation_id: req.params.id, customer_id: null, reader: "staff" } })
  res.json(await adminConversationResponse(req.scope, req.params.id))
}
