import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serveMessageStream } from "../../../utils/event-stream"

/** Server-sent events for the admin's Inbox: `event: message` with { conversation_id, message_id, customer_id } for every new message. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  serveMessageStream(req, res, (signal) => signal)
}
