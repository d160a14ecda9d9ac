import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreGiftVoucherResponse } from "@fieldservice/contract"
import { retrieveCustomerVoucher } from "../../../../../../queries/gift-vouchers"

/** One voucher the customer bought or holds; anyone else's is "not found". */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreGiftVoucherResponse>) {
  res.json({ gift_voucher: await retrieveCustomerVoucher(req.scope, req.auth_context.actor_id, req.params.id) })
}
