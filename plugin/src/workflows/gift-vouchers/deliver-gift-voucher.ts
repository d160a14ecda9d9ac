import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../../modules/gift-vouchers"
import { LOYALTY_MODULE } from "../../queries/gift-vouchers"

type LoyaltyService = { updateGiftCards: (data: { id: string; expires_at: Date | null }) => Promise<unknown> }

export type DeliverGiftVoucherInput = { voucher_id: string; gift_card_id: string; expires_at: Date | null; at: Date }

/**
 * The voucher takes its gift card (and the card its expiry, counted from the delivery day) and is
 * marked delivered, once: a second run (another server, the job after the subscriber) gets false
 * and sends nothing. Undone if the email then fails, so the next run tries again.
 */
const markVoucherDeliveredStep = createStep(
  "mark-gift-voucher-delivered",
  async (input: DeliverGiftVoucherInput, { container }) => {
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const marked = await vouchers.markDelivered(input.voucher_id, input.at)
    if (!marked) return new StepResponse(false, null)
    await vouchers.updateGiftVouchers({ id: input.voucher_id, gift_card_id: input.gift_card_id })
    if (input.expires_at) await container.resolve<LoyaltyService>(LOYALTY_MODULE).updateGiftCards({ id: input.gift_card_id, expires_at: input.expires_at })
    return new StepResponse(true, input.voucher_id)
  },
  async (id, { container }) => {
    if (!id) return
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    await vouchers.updateGiftVouchers({ id, delivered_at: null })
  }
)

export const deliverGiftVoucherWorkflow = createWorkflow("deliver-gift-voucher", (input: DeliverGiftVoucherInput) => {
  return new WorkflowResponse(markVoucherDeliveredStep(input))
})
