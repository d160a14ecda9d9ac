import type { IAuthModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { generateJwtTokenWithChecks } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"

/**
 * A fresh session for a customer who has just proved their email with the link: the token
 * Medusa's own email-and-password login would hand out (same claims, secret and lifetime).
 * Null when they have no email login or the portal is closed; they can still sign in.
 */
export async function sessionTokenAfterVerifying(scope: MedusaContainer, customerId: string): Promise<string | null> {
  const auth: IAuthModuleService = scope.resolve(Modules.AUTH)
  const [identity] = await auth.listAuthIdentities({ app_metadata: { customer_id: customerId } } as never, { relations: ["provider_identities"] })
  if (!identity?.provider_identities?.some((provider) => provider.provider === "emailpass")) return null
  const issued = await generateJwtTokenWithChecks(scope, { authIdentity: identity, actorType: "customer", authProvider: "emailpass" })
  // A second factor or Medusa's own verification still to do: no session yet.
  return issued.mfa_required || issued.verification_required ? null : issued.token
}
