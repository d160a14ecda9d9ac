import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { withOneTimeLinks } from "../../emails/one-time-links"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { updateCustomerProfileWorkflow } from "../customer-profile/update-customer-profile"
import { VERIFY_EMAIL_TTL_MS } from "./sign-up"
import { consumeAccountTokenStep, issueAccountTokenStep } from "./steps"

/** The link in the verification email: confirms the address once. */
export const verifyEmailWorkflow = createWorkflow("portal-verify-email", (input: { token: string }) => {
  const used = consumeAccountTokenStep({ token: input.token, purpose: "verify_email" })
  updateCustomerProfileWorkflow.runAsStep({
    input: transform({ used }, ({ used }) => ({
      customer_id: used.customer_id,
      changes: { email_verified_at: new Date() },
      actor: { type: "customer" as const, id: used.customer_id },
    })),
  })
  return new WorkflowResponse(transform({ used }, ({ used }) => ({ email: used.email, customer_id: used.customer_id })))
})

/** A fresh verification link; the earlier ones stop working. */
export const resendVerificationWorkflow = createWorkflow(
  "portal-resend-verification",
  (input: { customer_id: string; email: string; first_name?: string | null }) => {
    const link = issueAccountTokenStep({
      customer_id: input.customer_id,
      email: input.email,
      purpose: "verify_email",
      ttl_ms: VERIFY_EMAIL_TTL_MS,
      path: "/verify-email",
    })
    sendAfterCommitStep(
      transform({ input, link }, ({ input, link }) => [
        {
          to: input.email,
          channel: "email",
          template: "account-verification",
          receiver_id: input.customer_id,
          resource_id: input.customer_id,
          resource_type: "customer",
          trigger_type: "portal.verification_resent",
          data: withOneTimeLinks({ first_name: input.first_name, expires_in_hours: VERIFY_EMAIL_TTL_MS / 3_600_000 }, { verify_url: link.email_link }),
        },
      ])
    )
    return new WorkflowResponse({ sent: true })
  }
)
