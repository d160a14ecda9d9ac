import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../../../modules/gift-vouchers"
import type { PreparedPurchase, PurchaseGiftVoucherInput } from "./prepare-purchase"

/** The card's payment, once Stripe first answered: a voucher is paid now, or not bought at all. */
export const checkVoucherPaymentStep = createStep("check-gift-voucher-payment", async (input: { status: string; data?: Record<string, unknown> | null }) => {
  if (input.status === "authorized" || input.status === "captured") return new StepResponse(true)
  const failure = (input.data as { last_payment_error?: { message?: string } } | null)?.last_payment_error?.message?.trim()
  const reason =
    input.status === "requires_more"
      ? "Your bank wants you to confirm this payment, which isn't possible for vouchers yet."
      : failure || "Your card was declined."
  throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, `${reason} Nothing was charged. Choose another card.`, "card_not_charged")
})

/** The voucher's own record, tied to the order's line the loyalty plugin makes its gift card of. */
export const createVoucherRecordStep = createStep(
  "create-gift-voucher-record",
  async (input: { purchase: PurchaseGiftVoucherInput; prepared: PreparedPurchase; order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id: input.order_id } })
    const lineItemId = (data[0] as unknown as { items: { id: string }[] } | undefined)?.items?.[0]?.id ?? null
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const { purchase, prepared } = input
    const voucher = await vouchers.createGiftVouchers({
      kind: purchase.kind,
      currency_code: prepared.currency_code,
      value: prepared.value as unknown as number,
      services: prepared.services as never,
      buyer_customer_id: purchase.customer_id,
      recipient_name: purchase.recipient_name,
      recipient_email: purchase.recipient_email,
      message: purchase.message,
      deliver_on: purchase.deliver_on,
      order_id: input.order_id,
      line_item_id: lineItemId,
      idempotency_key: purchase.idempotency_key,
    })
    return new StepResponse({ id: voucher.id }, voucher.id)
  },
  async (id, { container }) => {
    if (!id) return
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    await vouchers.deleteGiftVouchers(id)
  }
)
