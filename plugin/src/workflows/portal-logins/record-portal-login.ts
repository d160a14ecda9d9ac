import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PortalLoginMethod } from "@fieldservice/contract"
import { recordPortalLoginStep } from "./steps/record-portal-login"

export const recordPortalLoginWorkflowId = "record-portal-login"

/** A customer signed in to the portal: the admin's "Portal log-ins" chart and the customer's "Last sign-in". */
export const recordPortalLoginWorkflow = createWorkflow(recordPortalLoginWorkflowId, (input: { customer_id: string; method: PortalLoginMethod }) => {
  return new WorkflowResponse(recordPortalLoginStep(input))
})

/** Records a sign-in without ever failing it: a sign-in that worked is not refused for want of a log line. */
export async function recordPortalLogin(container: MedusaContainer, customerId: string, method: PortalLoginMethod) {
  try {
    await recordPortalLoginWorkflow(container).run({ input: { customer_id: customerId, method } })
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Portal sign-in of ${customerId} not recorded: ${(error as Error).message}`)
  }
}
