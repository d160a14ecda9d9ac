import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"
import type { PortalLoginMethod } from "@fieldservice/contract"

export const recordPortalLoginStepId = "record-portal-login"

export const recordPortalLoginStep = createStep(
  recordPortalLoginStepId,
  async (input: { customer_id: string; method: PortalLoginMethod }, { container }) => {
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const login = await portal.createPortalLogins(input)
    return new StepResponse(login, login.id)
  },
  async (id, { container }) => {
    if (!id) return
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    await portal.deletePortalLogins(id)
  }
)
