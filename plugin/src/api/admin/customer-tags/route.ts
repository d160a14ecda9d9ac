import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"
import type { AdminGetCustomerTagsParamsType } from "./validators"
import type { AdminCustomerTagListResponse } from "@fieldservice/contract"

/** Tags in use, most used first, with how many customers carry each: suggestions while staff type a tag, and Settings → Customer tags. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerTagsParamsType>, res: MedusaResponse<AdminCustomerTagListResponse>) {
  const profiles: CustomerProfileModuleService = req.scope.resolve(CUSTOMER_PROFILE_MODULE)
  const { q, limit, offset } = req.validatedQuery
  const { tags, count } = await profiles.listTagsInUse(q || undefined, { limit, offset })
  res.json({ tags, count, limit, offset })
}
