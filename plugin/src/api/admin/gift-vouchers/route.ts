import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGiftVoucherIssueForm, AdminGiftVoucherListResponse, AdminGiftVoucherResponse } from "@fieldservice/contract"
import { listStaffVouchers, retrieveStaffVoucher } from "../../../queries/admin-gift-vouchers"
import { deliverGiftVoucher } from "../../../utils/gift-voucher-emails"
import { issueGiftVoucherWorkflow } from "../../../workflows/gift-vouchers/issue-gift-voucher"
import { requestActor } from "../../utils/activity-actor"
import type { AdminGetGiftVouchersParamsType } from "./validators"

/** The staff Gift vouchers page: by status, kind, code / recipient / buyer, and customer; newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetGiftVouchersParamsType>, res: MedusaResponse<AdminGiftVoucherListResponse>) {
  res.json(await listStaffVouchers(req.scope, req.validatedQuery))
}

/** "Issue voucher": made, then emailed to its recipient with the PDF at once. */
export async function POST(req: AuthenticatedMedusaRequest<AdminGiftVoucherIssueForm>, res: MedusaResponse<AdminGiftVoucherResponse>) {
  const { result } = await issueGiftVoucherWorkflow(req.scope).run({ input: { ...req.validatedBody, actor: await requestActor(req) } })
  // A failed email leaves it undelivered: the delivery job tries again within a minute.
  await deliverGiftVoucher(req.scope, result.id).catch((error: Error) =>
    req.scope.resolve("logger").error(`Gift vouchers: emailing ${result.id} failed: ${error.message}`)
  )
  res.status(201).json({ gift_voucher: await retrieveStaffVoucher(req.scope, result.id) })
}
