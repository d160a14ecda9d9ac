import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCommunicationListResponse } from "@fieldservice/contract"
import { listCustomerCommunications } from "../../../../../queries/communications"
import type { AdminGetCustomerCommunicationsParamsType } from "../../validators"

/** Every email sent to the customer, newest first, with its status and template. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerCommunicationsParamsType>,
  res: MedusaResponse<AdminCommunicationListResponse>
) {
  res.json(await listCustomerCommunications(req.scope, req.params.id, req.validatedQuery))
}
