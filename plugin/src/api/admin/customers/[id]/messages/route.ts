import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCommunicationResponse, ErrorResponse } from "@fieldservice/contract"
import { sendCustomerMessageWorkflow } from "../../../../../workflows/communications/send-message"
import { requestActor } from "../../../../utils/activity-actor"
import { retrieveCustomerCommunication } from "../../../../../queries/communications"
import type { AdminSendCustomerMessageType } from "../../validators"

/** "Send message": emails the customer from the signed-in staff member; replies go to them. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSendCustomerMessageType>, res: MedusaResponse<AdminCommunicationResponse | ErrorResponse>) {
  const sender = await requestActor(req)
  try {
    const { result } = await sendCustomerMessageWorkflow(req.scope).run({
      input: { customer_id: req.params.id, subject: req.validatedBody.subject, body: req.validatedBody.body, sender },
    })
    res.status(201).json(await retrieveCustomerCommunication(req.scope, req.params.id, result.id))
  } catch (error) {
    // The email service refused or could not be reached: nothing was sent (the failed email is in the log).
    if (!(error instanceof Error) || !error.message.startsWith("Failed to send notification")) throw error
    res.status(502).json({
      type: "email_not_sent",
      message: `The message could not be sent: ${(error as Error).message.replace(/^Failed to send notification with id \S+:\s*/, "")}`,
    })
  }
}
