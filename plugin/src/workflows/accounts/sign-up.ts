import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { withOneTimeLinks } from "../../emails/one-time-links"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import type { ProfileKind } from "@fieldservice/contract"
import { updateCustomerProfileWorkflow } from "../customer-profile/update-customer-profile"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { recordReferralStep } from "../referrals/steps/record-referral"
import { assertPortalOpenStep, issueAccountTokenStep, registerPasswordLoginStep } from "./steps"

export const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60 * 1000

export type SignUpInput = {
  email: string
  password: string
  first_name: string
  last_name: string
  phone: string
  kind: ProfileKind
  /** The portal page the customer was on ("/book/dog-grooming/time"): the email's link brings them back. */
  return_to?: string | null
  /** A friend's invite code (`/sign-up?ref=…`): the referral is recorded when it is valid. */
  ref?: string | null
}

/**
 * Portal sign-up: a login, the customer, their profile (unverified), then a verification email (sent
 * once these are written, so an email service that is down neither delays nor undoes the sign-up).
 * Any failure removes what was made, so a retry starts clean.
 */
export const signUpCustomerWorkflow = createWorkflow("portal-sign-up", (input: SignUpInput) => {
  assertPortalOpenStep()
  const login = registerPasswordLoginStep({ email: input.email, password: input.password })
  const customer = createCustomerAccountWorkflow.runAsStep({
    input: transform({ login, input }, ({ login, input }) => ({
      authIdentityId: login.id,
      customerData: { email: input.email, first_name: input.first_name, last_name: input.last_name, phone: input.phone },
    })),
  })
  updateCustomerProfileWorkflow.runAsStep({
    input: transform({ customer, input }, ({ customer, input }) => ({
      customer_id: customer.id,
      changes: { kind: input.kind, email_verified_at: null },
      actor: { type: "customer" as const, id: customer.id },
    })),
  })
  const referralLines = recordReferralStep(
    transform({ customer, input }, ({ customer, input }) => ({ customer_id: customer.id, ref: input.ref, email: input.email, phone: input.phone }))
  )
  recordActivityStep(referralLines).config({ name: "record-referral-activity" })
  const link = issueAccountTokenStep(
    transform({ customer, input }, ({ customer, input }) => ({
      customer_id: customer.id,
      email: customer.email,
      purpose: "verify_email" as const,
      ttl_ms: VERIFY_EMAIL_TTL_MS,
      path: "/verify-email",
      link_params: (input.return_to ? { next: input.return_to } : {}) as Record<string, string>,
    }))
  )
  sendAfterCommitStep(
    transform({ customer, link }, ({ customer, link }) => [
      {
        to: customer.email,
        channel: "email",
        template: "account-verification",
        receiver_id: customer.id,
        resource_id: customer.id,
        resource_type: "customer",
        trigger_type: "portal.sign_up",
        data: withOneTimeLinks({ first_name: customer.first_name, expires_in_hours: VERIFY_EMAIL_TTL_MS / 3_600_000 }, { verify_url: link.email_link }),
      },
    ])
  )
  return new WorkflowResponse({ customer_id: customer.id, email: customer.email })
})
