import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { renderStatementPdf, statementFileName } from "../../documents/statement-pdf"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { loadStatement, type StatementPeriodInput } from "../../queries/statements"

/** The customer's statement as a PDF, shown in the browser (to print) or saved as statement-<from>-<to>.pdf. */
export async function sendStatementPdf(scope: MedusaContainer, res: MedusaResponse, customerId: string, period: StatementPeriodInput) {
  const statement = await loadStatement(scope, customerId, period)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const pdf = await renderStatementPdf(statement, services.timeZone)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${statementFileName(statement)}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(pdf)
}
