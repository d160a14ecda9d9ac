import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { officeContact } from "@fieldservice/contract"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"

export const officeContactStepId = "office-contact"

/** How to reach the office ("call us on …"), for refusals that send the customer there. */
export const officeContactStep = createStep(officeContactStepId, async (_: void, { container }) => {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  return new StepResponse(officeContact(await portal.getChangePolicy()))
})
