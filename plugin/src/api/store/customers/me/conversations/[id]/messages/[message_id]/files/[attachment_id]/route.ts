import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendMessageFile } from "../../../../../../../../../utils/conversations"

/** A file of a message in one of the customer's conversations, streamed from private storage. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendMessageFile(req, res, "customer")
}
