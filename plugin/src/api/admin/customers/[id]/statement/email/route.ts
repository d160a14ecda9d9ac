import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminEmailStatementResponse, ErrorResponse } from "@fieldservice/contract"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../../modules/services"
import { statementPeriodDays } from "../../../../../../queries/statements"
import { emailStatementWorkflow } from "../../../../../../workflows/statements/email-statement"
import { requestActor } from "../../../../../utils/activity-actor"
import type { StatementPeriodParamsType } from "../../../../../utils/common-validators/statement"

/** "Email to customer": the statement's PDF goes to the customer from the signed-in staff member. */
export async function POST(req: AuthenticatedMedusaRequest<StatementPeriodParamsType>, res: MedusaResponse<AdminEmailStatementResponse | ErrorResponse>) {
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  // The period is fixed here, so the email, its PDF and the history line all name the same days.
  const period = statementPeriodDays(req.validatedBody, services.timeZone, new Date())
  try {
    const { result } = await emailStatementWorkflow(req.scope).run({ input: { customer_id: req.params.id, ...period, actor: await requestActor(req) } })
    res.status(201).json(result)
  } catch (error) {
    // The email service refused or could not be reached: the failed email is in the communication log.
    if (!(error instanceof Error) || !error.message.startsWith("Failed to send notification")) throw error
    res.status(502).json({
      type: "email_not_sent",
      message: `The statement could not be sent: ${error.message.replace(/^Failed to send notification with id \S+:\s*/, "")}`,
    })
  }
}
