import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_MERGE_MODULE, type CustomerMergeModuleService } from "../../../../modules/customer-merge"
import { type AdminGetDuplicatesParamsType, encodeDuplicateCursor } from "../validators"
import type { AdminDuplicateListResponse } from "@fieldservice/contract"

/**
 * Suggested duplicate customers, a page at a time: pairs sharing an email, then a phone number,
 * then an address with a similar name. Pass `next_cursor` back as `cursor` for the next page;
 * null means there are no more.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetDuplicatesParamsType>, res: MedusaResponse<AdminDuplicateListResponse>) {
  const merges: CustomerMergeModuleService = req.scope.resolve(CUSTOMER_MERGE_MODULE)
  const { limit, cursor } = req.validatedQuery
  const page = await merges.listDuplicatePairs({ limit, cursor: cursor ?? null })
  res.json({ pairs: page.pairs, limit, next_cursor: encodeDuplicateCursor(page.next_cursor) })
}
