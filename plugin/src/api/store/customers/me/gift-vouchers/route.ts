import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { GiftVoucherPurchaseForm, StoreGiftVoucherListResponse, StoreGiftVoucherResponse } from "@fieldservice/contract"
import { listCustomerVouchers, retrieveCustomerVoucher } from "../../../../../queries/gift-vouchers"
import { purchaseGiftVoucherWorkflow } from "../../../../../workflows/gift-vouchers/purchase-gift-voucher"

/** The customer's vouchers: those they bought (upcoming and past) and those in their account. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreGiftVoucherListResponse>) {
  res.json(await listCustomerVouchers(req.scope, req.auth_context.actor_id))
}

/** "Pay": the voucher bought with a saved card (201); the same form again answers its voucher (200), charged once. */
export async function POST(req: AuthenticatedMedusaRequest<GiftVoucherPurchaseForm>, res: MedusaResponse<StoreGiftVoucherResponse>) {
  const channels = (req as unknown as { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? []
  const customerId = req.auth_context.actor_id
  const { result } = await purchaseGiftVoucherWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: customerId, sales_channel_id: channels[0] ?? null },
  })
  res.status(result.created ? 201 : 200).json({ gift_voucher: await retrieveCustomerVoucher(req.scope, customerId, result.id) })
}
