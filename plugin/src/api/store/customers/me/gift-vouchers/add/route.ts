import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreGiftVoucherResponse } from "@fieldservice/contract"
import { retrieveCustomerVoucher } from "../../../../../../queries/gift-vouchers"
import { addGiftVoucherWorkflow } from "../../../../../../workflows/gift-vouchers/add-gift-voucher"

/** "Add a voucher by its code": guesses are limited by the middleware in front (voucherCodeLimit). */
export async function POST(req: AuthenticatedMedusaRequest<{ code: string }>, res: MedusaResponse<StoreGiftVoucherResponse>) {
  const customerId = req.auth_context.actor_id
  const { result } = await addGiftVoucherWorkflow(req.scope).run({ input: { customer_id: customerId, code: req.validatedBody.code } })
  res.json({ gift_voucher: await retrieveCustomerVoucher(req.scope, customerId, result) })
}
