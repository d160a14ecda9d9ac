import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { StoreQuoteLinkResponse } from "@fieldservice/contract"
import { loadCustomerQuoteRow } from "../../../../queries/quotes"
import { openQuoteTokenFor } from "../../../../utils/quote-links"

const INVALID = "This quote link is not valid or has expired. Ask the office to send the quote again."

/**
 * The emailed link, opened: which quote it is for and whether its customer has a password (the
 * portal then offers to sign in). The portal keeps the token as a session for that one quote.
 */
export async function POST(req: MedusaRequest<{ token: string }>, res: MedusaResponse<StoreQuoteLinkResponse | { message: string; type: string }>) {
  const claims = openQuoteTokenFor(req.scope, req.validatedBody.token)
  const quote = claims ? await loadCustomerQuoteRow(req.scope, claims.customer_id, claims.quote_id).catch(() => null) : null
  if (!claims || !quote) return void res.status(401).json({ type: "unauthorized", message: INVALID })
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: claims.customer_id }, { take: 1, select: ["id", "has_account"] })
  res.json({ quote_id: quote.id, customer_has_account: Boolean(customer?.has_account) })
}
