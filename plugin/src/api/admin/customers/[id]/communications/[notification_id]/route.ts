import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCommunicationResponse } from "@fieldservice/contract"
import { retrieveCustomerCommunication } from "../../../../../../queries/communications"

/** One email sent to the customer, with a preview rendered from its template. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCommunicationResponse>) {
  res.json(await retrieveCustomerCommunication(req.scope, req.params.id, req.params.notification_id))
}
