import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGiftVoucherSettingsResponse, GiftVoucherSettings } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../../../../modules/gift-vouchers"
import { updateGiftVoucherSettingsWorkflow } from "../../../../workflows/gift-vouchers/update-settings"

const present = ({ id: _id, ...settings }: GiftVoucherSettings & { id: string | null }): GiftVoucherSettings => settings

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminGiftVoucherSettingsResponse>) {
  const vouchers: GiftVouchersModuleService = req.scope.resolve(GIFT_VOUCHERS_MODULE)
  res.json({ settings: present(await vouchers.getVoucherSettings()) })
}

/** Which services are sold as vouchers, the amounts offered and allowed, and how long vouchers last. */
export async function POST(req: AuthenticatedMedusaRequest<Partial<GiftVoucherSettings>>, res: MedusaResponse<AdminGiftVoucherSettingsResponse>) {
  const { result } = await updateGiftVoucherSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: present(result) })
}
