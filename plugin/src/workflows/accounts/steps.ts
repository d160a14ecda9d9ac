import type { IAuthModuleService, ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import type { AccountTokenPurpose } from "../../modules/portal-access/models/account-token"
import { sealLinkFor } from "../../emails/one-time-links"

/** Refuses the request when staff have switched the portal off, with their message. */
export const assertPortalOpenStep = createStep("assert-portal-open", async (_: void, { container }) => {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const settings = await portal.getSettings()
  if (!settings.portal_enabled) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, settings.closed_message, "portal_closed")
  }
  return new StepResponse(settings)
})

/** A new email + password login (no customer yet); removed again if a later step fails. */
export const registerPasswordLoginStep = createStep(
  "register-password-login",
  async (input: { email: string; password: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    })
    if (!success || !authIdentity) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error || "The login could not be created")
    }
    return new StepResponse(authIdentity, authIdentity.id)
  },
  async (authIdentityId: string | undefined, { container }) => {
    if (!authIdentityId) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    await auth.deleteAuthIdentities([authIdentityId])
  }
)

/**
 * Issues a single-use emailed link token; only its hash is stored, and the link leaves the step
 * sealed (its token masked in `email_link.url`), so no workflow record holds a usable link.
 */
export const issueAccountTokenStep = createStep(
  "issue-account-token",
  async (
    input: { customer_id: string; email: string; purpose: AccountTokenPurpose; ttl_ms: number; path: string; link_params?: Record<string, string> },
    { container }
  ) => {
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const { token, record } = await portal.issueAccountToken(input)
    const emailLink = sealLinkFor(container, portal.portalLink(input.path, { ...input.link_params, token }))
    return new StepResponse({ email_link: emailLink, expires_at: record.expires_at, sent_at: record.created_at }, record.id)
  },
  async (tokenId: string | undefined, { container }) => {
    if (!tokenId) return
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    await portal.deleteAccountTokens(tokenId)
  }
)

/** Uses up a link token; if a later step fails the link works again. */
export const consumeAccountTokenStep = createStep(
  "consume-account-token",
  async (input: { token: string; purpose: AccountTokenPurpose }, { container }) => {
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const used = await portal.consumeAccountToken(input.token, input.purpose)
    return new StepResponse(used, used.id)
  },
  async (tokenId: string | undefined, { container }) => {
    if (!tokenId) return
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    await portal.releaseAccountToken(tokenId)
  }
)

/** Sets (or replaces) the password of an existing email login. */
export const setPasswordStep = createStep("set-password", async (input: { email: string; password: string }, { container }) => {
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const { success, error } = await auth.updateProvider("emailpass", { entity_id: input.email, password: input.password })
  if (!success) throw new MedusaError(MedusaError.Types.INVALID_DATA, error || "The password could not be set")
  return new StepResponse({ email: input.email })
})

/** Points a login (auth identity) at a customer, so its sessions act as that customer. */
export const attachLoginToCustomerStep = createStep(
  "attach-login-to-customer",
  async (input: { auth_identity_id: string; customer_id: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id)
    const previous = identity.app_metadata ?? {}
    await auth.updateAuthIdentities({
      id: identity.id,
      app_metadata: { ...previous, customer_id: input.customer_id },
    })
    return new StepResponse(undefined, { id: identity.id, app_metadata: previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    await auth.updateAuthIdentities(previous)
  }
)

/** A customer staff created without a login becomes a registered customer once they set a password. */
export const markCustomerRegisteredStep = createStep(
  "mark-customer-registered",
  async (input: { customer_id: string }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const before = await customers.retrieveCustomer(input.customer_id)
    // has_account is not in the public update type, but it is a column of the customer.
    await customers.updateCustomers(input.customer_id, { has_account: true } as Record<string, unknown>)
    return new StepResponse(undefined, { id: before.id, has_account: before.has_account })
  },
  async (previous, { container }) => {
    if (!previous) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    await customers.updateCustomers(previous.id, { has_account: previous.has_account } as Record<string, unknown>)
  }
)
