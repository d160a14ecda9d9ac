import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreReferralsResponse } from "@fieldservice/contract"
import { customerReferrals } from "../../../../../queries/referrals"

/** "Invite friends": the customer's own link (its code made on first visit), what each side gets, and whom they invited. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreReferralsResponse>) {
  res.json(await customerReferrals(req.scope, req.auth_context.actor_id))
}
