import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serveMessageStream } from "../../../../../utils/event-stream"

/**
 * Server-sent events for the customer's open Messages pages: `event: message` with
 * { conversation_id, message_id } when a message lands in one of their conversations.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  serveMessageStream(req, res, (signal) =>
    signal.customer_id === customerId ? { conversation_id: signal.conversation_id, message_id: signal.message_id } : null
  )
}
