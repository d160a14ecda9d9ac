import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { setPasswordStep } from "./steps"

/** A plain (not one-time) link to a portal page, for an email. */
const portalLinkStep = createStep("portal-link", async (input: { path: string }, { container }) => {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  return new StepResponse(portal.portalLink(input.path))
})

const checkCurrentPasswordStep = createStep("check-current-password", async (input: { email: string; password: string }, { container }) => {
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const { success } = await auth.authenticate("emailpass", { body: { email: input.email, password: input.password } } as never)
  if (!success) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your current password is not correct", "wrong_password")
  return new StepResponse(true)
})

/** My account → change password: needs the current password. */
export const changePasswordWorkflow = createWorkflow(
  "portal-change-password",
  (input: { email: string; current_password: string; new_password: string; customer_id?: string; first_name?: string | null }) => {
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
    const forgotPassword = portalLinkStep({ path: "/forgot-password" })
    sendAfterCommitStep(
      transform({ input, forgotPassword }, ({ input, forgotPassword }) => [
        {
          to: input.email,
          channel: "email",
          template: "password-changed",
          receiver_id: input.customer_id ?? null,
          resource_id: input.customer_id ?? null,
          resource_type: "customer",
          trigger_type: "portal.password_changed",
          data: { first_name: input.first_name ?? undefined, reset_url: forgotPassword },
        },
      ])
    )
    return new WorkflowResponse({ changed: true })
  }
)
