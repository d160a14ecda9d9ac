import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { withOneTimeLinks } from "../../emails/one-time-links"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { updateCustomerProfileWorkflow } from "../customer-profile/update-customer-profile"
import {
  assertPortalOpenStep,
  attachLoginToCustomerStep,
  consumeAccountTokenStep,
  issueAccountTokenStep,
  markCustomerRegisteredStep,
  registerPasswordLoginStep,
  setPasswordStep,
} from "./steps"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** The triggers of the invite and confirm-account emails (the invite writes their history line itself). */
export const PORTAL_INVITE_TRIGGER = "portal.invite"
export const CONFIRM_ACCOUNT_TRIGGER = "portal.confirm_account"

export type InviteInput = {
  customer_id: string
  email: string
  first_name?: string | null
  /** Customers who already have a login get the confirm-account email instead of the invite. */
  has_login: boolean
  staff_user_id: string
  actor?: ActivityActor
}

/** Staff invite a customer to the portal (or ask them to confirm their account). */
export const sendPortalInviteWorkflow = createWorkflow("portal-send-invite", (input: InviteInput) => {
  // With the portal switched off, invite links are not sent at all.
  assertPortalOpenStep()
  const link = issueAccountTokenStep(
    transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      email: input.email,
      purpose: "invite" as const,
      ttl_ms: INVITE_TTL_MS,
      path: "/accept-invite",
    }))
  )
  sendAfterCommitStep(
    transform({ input, link }, ({ input, link }) => [
      {
        to: input.email,
        channel: "email",
        template: input.has_login ? "confirm-account" : "portal-invite",
        receiver_id: input.customer_id,
        resource_id: input.customer_id,
        resource_type: "customer",
        trigger_type: input.has_login ? CONFIRM_ACCOUNT_TRIGGER : PORTAL_INVITE_TRIGGER,
        data: withOneTimeLinks(
          { first_name: input.first_name, expires_in_days: INVITE_TTL_MS / 86_400_000, sent_by: input.staff_user_id },
          { [input.has_login ? "confirm_url" : "invite_url"]: link.email_link }
        ),
      },
    ])
  )
  recordActivityStep(
    transform({ input }, ({ input }) => [
      {
        customer_id: input.customer_id,
        kind: "portal_invite_sent",
        message: input.has_login
          ? `Confirm-account email sent to ${input.email}.`
          : `Portal invite sent to ${input.email} (the link works for ${INVITE_TTL_MS / 86_400_000} days).`,
        data: { email: input.email, template: input.has_login ? "confirm-account" : "portal-invite" },
        actor: input.actor,
      },
    ])
  )
  return new WorkflowResponse({ sent_at: link.sent_at, expires_at: link.expires_at })
})

export type AcceptInviteInput = {
  token: string
  password: string
  /** Set by the route: the email login that already exists for the invited customer, if any. */
  existing_login_id: string | null
}

/** The invite link: the customer chooses a password; their email counts as verified. */
export const acceptPortalInviteWorkflow = createWorkflow("portal-accept-invite", (input: AcceptInviteInput & { email: string; customer_id: string }) => {
  consumeAccountTokenStep({ token: input.token, purpose: "invite" })
  when({ input }, ({ input }) => !!input.existing_login_id).then(() => {
    setPasswordStep({ email: input.email, password: input.password })
  })
  when({ input }, ({ input }) => !input.existing_login_id).then(() => {
    const login = registerPasswordLoginStep({ email: input.email, password: input.password })
    attachLoginToCustomerStep(transform({ login, input }, ({ login, input }) => ({ auth_identity_id: login.id, customer_id: input.customer_id })))
    // A customer staff added without a login becomes a registered one.
    markCustomerRegisteredStep({ customer_id: input.customer_id })
  })
  updateCustomerProfileWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      changes: { email_verified_at: new Date() },
      actor: { type: "customer" as const, id: input.customer_id },
    })),
  })
  recordActivityStep(
    transform({ input }, ({ input }) => [
      {
        customer_id: input.customer_id,
        kind: "portal_invite_accepted",
        message: input.existing_login_id
          ? "Portal invite accepted: the customer set a new password."
          : "Portal invite accepted: the customer set a password and can sign in.",
        actor: { type: "customer" as const, id: input.customer_id },
      },
    ])
  )
  return new WorkflowResponse({ email: input.email })
})
