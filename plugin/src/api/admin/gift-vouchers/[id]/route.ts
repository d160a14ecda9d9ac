import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGiftVoucherResponse, AdminGiftVoucherUpdateForm } from "@fieldservice/contract"
import { retrieveStaffVoucher } from "../../../../queries/admin-gift-vouchers"
import { updateGiftVoucherWorkflow } from "../../../../workflows/gift-vouchers/update-gift-voucher"
import { requestActor } from "../../../utils/activity-actor"

/** One voucher: its code, balance and ledger, delivery, buyer and holder. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminGiftVoucherResponse>) {
  res.json({ gift_voucher: await retrieveStaffVoucher(req.scope, req.params.id) })
}

/** Change the expiry, disable or enable it, or the note. */
export async function POST(req: AuthenticatedMedusaRequest<AdminGiftVoucherUpdateForm>, res: MedusaResponse<AdminGiftVoucherResponse>) {
  await updateGiftVoucherWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id, actor: await requestActor(req) } })
  res.json({ gift_voucher: await retrieveStaffVoucher(req.scope, req.params.id) })
}
