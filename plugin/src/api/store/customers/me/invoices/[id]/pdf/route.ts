import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadInvoice } from "../../../../../../../queries/invoices"
import { sendInvoicePdf } from "../../../../../../admin/invoices/helpers"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const owner = { payer_id: req.auth_context.actor_id }
  if ((await loadInvoice(req.scope, req.params.id, owner)).status === "draft") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${req.params.id} was not found`)
  }
  await sendInvoicePdf(req.scope, res, req.params.id, owner)
}
