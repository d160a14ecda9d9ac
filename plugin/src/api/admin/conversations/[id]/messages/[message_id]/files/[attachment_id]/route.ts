import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendMessageFile } from "../../../../../../../utils/conversations"

/** A file of a message (internal notes' too), streamed from private storage for staff. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendMessageFile(req, res, "staff")
}
