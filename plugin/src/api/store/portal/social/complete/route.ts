import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreSocialLoginResponse } from "@fieldservice/contract"
import type { IAuthModuleService, ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { completeSocialLoginWorkflow } from "../../../../../workflows/accounts/social-login"
import { recordPortalLogin } from "../../../../../workflows/portal-logins/record-portal-login"
import { accessProblem, customerAccountState } from "../../../../../modules/customer-profile/account-state"

const SOCIAL_PROVIDERS = ["google", "facebook"]

/**
 * Called by the portal with the token from a Google or Facebook callback. The portal then
 * refreshes that token (POST /auth/token/refresh) to get one that acts as the customer.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSocialLoginResponse | ErrorResponse>) {
  const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
  const identity = await auth.retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  const social = identity.provider_identities?.find((provider) => SOCIAL_PROVIDERS.includes(provider.provider))
  if (!social) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in with Google or Facebook first")
  }
  const linked = identity.app_metadata?.customer_id as string | undefined
  const profile = (social.user_metadata ?? {}) as Record<string, unknown>
  const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : ""
  if (!linked && !email) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Your account has no email address we can use. Please sign up with your email instead.")
  }

  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const existing = linked ? { id: linked } : (await customers.listCustomers({ email, has_account: true }))[0]
  if (existing) {
    const problem = accessProblem(await customerAccountState(req.scope, existing.id), { requireVerified: false })
    if (problem) return res.status(problem.status).json(problem.body)
  }
  const { result } = await completeSocialLoginWorkflow(req.scope).run({
    input: {
      auth_identity_id: identity.id,
      email,
      first_name: String(profile.given_name ?? profile.first_name ?? ""),
      last_name: String(profile.family_name ?? profile.last_name ?? ""),
      existing_customer_id: existing?.id ?? null,
      provider: social.provider,
    },
  })
  // Every Google or Facebook sign-in ends here (the portal calls it after each callback, whose token
  // acts as no customer yet), so this is where it is counted, once.
  await recordPortalLogin(req.scope, result.customer_id, social.provider as "google" | "facebook")
  res.json({ customer_id: result.customer_id })
}
