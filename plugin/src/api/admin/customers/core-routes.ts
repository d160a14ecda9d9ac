import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEFAULT_DIRECTORY_STATUSES } from "@fieldservice/contract"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../modules/customer-directory"
import { DIRECTORY_SEARCH_CAP } from "../../../modules/customer-directory/service"
import { normalizePhone } from "../../../modules/customer-profile/contact-details"
import { DELETE as deleteCustomerAccount } from "./[id]/account/route"

/**
 * Medusa's own Delete (the customer page header's menu, `DELETE /admin/customers/:id`) does what
 * ours does: the customer is kept and can be restored for 30 days, and their logins go now.
 * The answer is core's (`{ id, object, deleted }`) plus `restorable_until`.
 */
export async function softDeleteCoreCustomer(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await deleteCustomerAccount(req as AuthenticatedMedusaRequest, res)
  } catch (error) {
    next(error)
  }
}

/** Never a customer id: an id filter that matches nobody. */
const NO_CUSTOMER = "cus_no_match"

/**
 * Medusa's customers list searches phones as typed, so "07700 900123" misses "+44 7700 900123".
 * When `q` is a phone number, the customers are found as the directory finds them (by digits,
 * national or international) and the list is asked for those ids; everything else stays core's.
 */
export async function searchPhonesByDigits(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const filters = req.filterableFields as Record<string, unknown> | undefined
    const q = typeof filters?.q === "string" ? filters.q : null
    if (!filters || !q || filters.id || !normalizePhone(q)) return next()
    const directory: CustomerDirectoryModuleService = req.scope.resolve(CUSTOMER_DIRECTORY_MODULE)
    const { rows } = await directory.searchDirectory({ q, statuses: DEFAULT_DIRECTORY_STATUSES }, { limit: DIRECTORY_SEARCH_CAP, offset: 0, order: "name" })
    delete filters.q
    filters.id = rows.length ? rows.map((row) => row.id) : [NO_CUSTOMER]
    next()
  } catch (error) {
    next(error)
  }
}
