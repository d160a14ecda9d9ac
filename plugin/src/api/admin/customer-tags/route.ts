import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"
import type { AdminGetCustomerTagsParamsType } from "./validators"
import type { AdminCustomerTagListResponse } from "@fieldservice/contract"

/** Tags in use, most used first: suggestions while staff type a tag. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerTagsParamsType>, res: MedusaResponse<AdminCustomerTagListResponse>) {
  const profiles: CustomerProfileModuleService = req.scope.resolve(CUSTOMER_PROFILE_MODULE)
  res.json({ tags: await profiles.listTagsInUse(req.validatedQuery.q || undefined) })
}
