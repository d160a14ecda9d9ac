import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCreditResponse } from "@fieldservice/contract"
import { storeCreditBalances } from "../../../../../workflows/referrals/store-credit"

/** The customer's store credit (the loyalty plugin's accounts), one balance per currency. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCreditResponse>) {
  const balances = await storeCreditBalances(req.scope, req.auth_context.actor_id)
  res.json({ store_credit: balances.map(({ currency_code, balance }) => ({ currency_code, balance })) })
}
