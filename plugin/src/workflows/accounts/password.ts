import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setPasswordStep } from "./steps"

const checkCurrentPasswordStep = createStep(
  "check-current-password",
  async (input: { email: string; password: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const { success } = await auth.authenticate("emailpass", { body: { email: input.email, password: input.password } } as never)
    if (!success) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your current password is not correct", "wrong_password")
    return new StepResponse(true)
  }
)

/** My account → change password: needs the current password. */
export const changePasswordWorkflow = createWorkflow(
  "portal-change-password",
  (input: { email: string; current_password: string; new_password: string }) => {
    checkCurrentPasswordStep({ email: input.email, password: input.current_password })
    setPasswordStep({ email: input.email, password: input.new_password })
    return new WorkflowResponse({ changed: true })
  }
)
