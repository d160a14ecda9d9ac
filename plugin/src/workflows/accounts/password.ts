import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { setPasswordStep } from "./steps"

const checkCurrentPasswordStep = createStep("check-current-password", async (input: { email: string; password: string }, { container }) => {
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const { success } = await auth.authenticate("emailpass", { body: { email: input.email, password: input.password } } as never)
  if (!success) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your current password is not correct", "wrong_password")
  return new StepResponse(true)
})

/** My account → change password: needs the current password. */
export const changePasswordWorkflow = createWorkflow(
  "portal-change-password",
  (input: { email: string; current_password: string; new_password: string; customer_id?: string }) => {
    checkCurrentPasswordStep({ email: input.email, password: input.current_password })
    recordActivityStep(
      transform({ input }, ({ input }) =>
        input.customer_id
          ? [
              {
                customer_id: input.customer_id,
                kind: "password_changed",
                message: "Portal password changed by the customer.",
                actor: { type: "customer" as const, id: input.customer_id },
              },
            ]
          : []
      )
    )
    setPasswordStep({ email: input.email, password: input.new_password })
    return new WorkflowResponse({ changed: true })
  }
)
