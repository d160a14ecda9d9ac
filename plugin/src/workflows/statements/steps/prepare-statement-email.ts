import { generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatLongDate, formatMoney } from "@fieldservice/contract"
import { renderStatementPdf, statementFileName } from "../../../documents/statement-pdf"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { balanceText, loadStatement } from "../../../queries/statements"

export const prepareStatementEmailStepId = "prepare-statement-email"

export type StatementEmail = {
  customer_id: string
  to: string
  first_name: string | null
  notification_id: string
  period_text: string
  balance_text: string
  overdue_text: string | null
  statement_url: string
  filename: string
  /** The PDF, base64. */
  content: string
}

const periodDay = (value: string) => formatLongDate(`${value}T12:00:00Z`, "UTC")

/**
 * Everything the statement email needs, read before anything is written: the statement as it
 * stands, its PDF, and the customer's address. A customer deleted or without an email can't be sent one.
 */
export const prepareStatementEmailStep = createStep(
  prepareStatementEmailStepId,
  async (input: { customer_id: string; from: string; to: string }, { container }) => {
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { take: 1 })
    if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
    if (!customer.email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "This customer has no email address to send the statement to.")
    const statement = await loadStatement(container, customer.id, { from: input.from, to: input.to })
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const pdf = await renderStatementPdf(statement, services.timeZone)
    const overdue = statement.ageing.total - statement.ageing.current
    return new StepResponse<StatementEmail>({
      customer_id: customer.id,
      to: customer.email,
      first_name: customer.first_name ?? null,
      notification_id: generateEntityId(undefined, "noti"),
      period_text: `${periodDay(statement.period.from)} to ${periodDay(statement.period.to)}`,
      balance_text: balanceText(statement),
      overdue_text: overdue > 0 ? `${formatMoney(overdue, statement.currency_code)} of it is past its due date.` : null,
      statement_url: portal.portalLink(`/invoices/statement?from=${statement.period.from}&to=${statement.period.to}`),
      filename: statementFileName(statement),
      content: pdf.toString("base64"),
    })
  }
)
