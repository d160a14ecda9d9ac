import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { sealLinkFor, withOneTimeLinks } from "../../emails/one-time-links"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { MAGIC_LINK_PROVIDER, newSignInToken, SIGN_IN_LINK_TTL_MS, type SignInLinkMetadata } from "../../providers/magic-link/service"

type LinkRecord = { entity_id: string; provider_metadata: Record<string, unknown> | null }

/**
 * A new sign-in link for the customer's login. Their earlier links stop working, so only the
 * newest email's link signs in; if a later step fails they are put back. The link leaves the
 * step sealed, so no workflow record holds a usable link.
 */
export const issueSignInLinkStep = createStep(
  "issue-sign-in-link",
  async (input: { auth_identity_id: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const earlier = await auth.listProviderIdentities({ auth_identity_id: input.auth_identity_id, provider: MAGIC_LINK_PROVIDER })
    if (earlier.length) await auth.deleteProviderIdentities(earlier.map((link) => link.id))
    const { token, hash } = newSignInToken()
    const metadata: SignInLinkMetadata = { expires_at: new Date(Date.now() + SIGN_IN_LINK_TTL_MS).toISOString(), used_at: null }
    const [created] = await auth.createProviderIdentities([
      { auth_identity_id: input.auth_identity_id, provider: MAGIC_LINK_PROVIDER, entity_id: hash, provider_metadata: metadata },
    ])
    const removed: LinkRecord[] = earlier.map((link) => ({ entity_id: link.entity_id, provider_metadata: link.provider_metadata ?? null }))
    return new StepResponse(
      { email_link: sealLinkFor(container, portal.portalLink("/sign-in-link/continue", { token })), expires_at: metadata.expires_at },
      { created: created.id, auth_identity_id: input.auth_identity_id, removed }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    await auth.deleteProviderIdentities([undo.created])
    if (undo.removed.length) {
      await auth.createProviderIdentities(
        undo.removed.map((link) => ({
          auth_identity_id: undo.auth_identity_id,
          provider: MAGIC_LINK_PROVIDER,
          entity_id: link.entity_id,
          provider_metadata: link.provider_metadata ?? undefined,
        }))
      )
    }
  }
)

/** "Email me a sign-in link": a link valid for 15 minutes, once, to the customer's confirmed email. */
export const sendSignInLinkWorkflow = createWorkflow(
  "portal-send-sign-in-link",
  (input: { customer_id: string; email: string; first_name?: string | null; auth_identity_id: string }) => {
    const link = issueSignInLinkStep({ auth_identity_id: input.auth_identity_id })
    sendAfterCommitStep(
      transform({ input, link }, ({ input, link }) => [
        {
          to: input.email,
          channel: "email",
          template: "sign-in-link",
          receiver_id: input.customer_id,
          resource_id: input.customer_id,
          resource_type: "customer",
          trigger_type: "portal.sign_in_link_requested",
          data: withOneTimeLinks({ first_name: input.first_name, expires_in_minutes: SIGN_IN_LINK_TTL_MS / 60_000 }, { sign_in_url: link.email_link }),
        },
      ])
    )
    return new WorkflowResponse({ sent: true })
  }
)
