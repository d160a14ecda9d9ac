import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { renderQuotePdf } from "../../../../../documents/quote-pdf"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { loadQuote } from "../../../../../queries/quotes"
import type { AdminGetQuotePdfParamsType } from "../../validators"

/** The PDF of the version the customer has, or of the draft with `?draft=true` (staff preview it before sending). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetQuotePdfParamsType>, res: MedusaResponse) {
  const quote = await loadQuote(req.scope, req.params.id)
  const draft = req.validatedQuery.draft === "true"
  const version = draft ? quote.draft : quote.current
  if (!version) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      draft ? "This quote has no draft version." : "This quote has not been sent yet: preview its draft instead."
    )
  }
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const pdf = await renderQuotePdf(quote, version, services.timeZone)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${quote.number ?? "draft-quote"}${draft ? `-v${version.version}-draft` : ""}.pdf"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(pdf)
}
