import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { GiftVoucherSettings } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../../modules/gift-vouchers"

/** Settings → Gift vouchers saved, the smallest amount never above the largest; undone if a later step fails. */
const updateVoucherSettingsStep = createStep(
  "update-gift-voucher-settings",
  async (input: Partial<GiftVoucherSettings>, { container }) => {
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const before = await vouchers.getVoucherSettings()
    const next = { ...before, ...input }
    if (next.min_amount > next.max_amount) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The smallest amount can't be more than the largest amount.")
    }
    if (before.id) await vouchers.updateGiftVoucherSettings({ ...input, id: before.id } as never)
    else await vouchers.createGiftVoucherSettings(next as never)
    return new StepResponse(await vouchers.getVoucherSettings(), before)
  },
  async (before, { container }) => {
    if (!before) return
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    if (before.id) await vouchers.updateGiftVoucherSettings(before as never)
    else await vouchers.deleteGiftVoucherSettings((await vouchers.listGiftVoucherSettings({}, { select: ["id"] })).map((row) => row.id))
  }
)

export const updateGiftVoucherSettingsWorkflow = createWorkflow("update-gift-voucher-settings", (input: Partial<GiftVoucherSettings>) => {
  return new WorkflowResponse(updateVoucherSettingsStep(input))
})
