import { createHash, randomBytes } from "node:crypto"
import type { AuthenticationInput, AuthenticationResponse, AuthIdentityProviderService } from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"

export const MAGIC_LINK_PROVIDER = "magic-link"
/** How long an emailed sign-in link works. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000

export const hashSignInToken = (token: string) => createHash("sha256").update(token).digest("hex")

/** A new link token: 256 random bits, of which only the hash is stored (as the identity's entity_id). */
export function newSignInToken() {
  const token = randomBytes(32).toString("base64url")
  return { token, hash: hashSignInToken(token) }
}

export type SignInLinkMetadata = { expires_at: string; used_at: string | null }

const INVALID = "This sign-in link is not valid. Check that you copied the whole link, or ask for a new one."
const EXPIRED = "This sign-in link has expired. Ask for a new one and use it within 15 minutes."
const USED = "This sign-in link has already been used. Ask for a new one to sign in again."

/**
 * Signs a customer in with a link emailed to them. Each link is a provider identity of the
 * customer's login whose entity_id is the SHA-256 of the link's token (created by the
 * send-sign-in-link workflow); using it marks it used, so it works once.
 */
export default class MagicLinkAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = MAGIC_LINK_PROVIDER
  static DISPLAY_NAME = "Emailed sign-in link"

  async register(): Promise<AuthenticationResponse> {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Sign-in links are sent by email, not registered")
  }

  async authenticate(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const token = (data.body as Record<string, unknown> | undefined)?.token
    if (typeof token !== "string" || token.length < 20 || token.length > 200) return { success: false, error: INVALID }
    const hash = hashSignInToken(token)
    try {
      const identity = await identities.retrieve({ entity_id: hash })
      const link = identity.provider_identities?.find((p) => p.provider === MAGIC_LINK_PROVIDER && p.entity_id === hash)
      const metadata = (link?.provider_metadata ?? {}) as Partial<SignInLinkMetadata>
      if (metadata.used_at) return { success: false, error: USED }
      if (!metadata.expires_at || Date.parse(metadata.expires_at) <= Date.now()) return { success: false, error: EXPIRED }
      await identities.update(hash, { provider_metadata: { ...metadata, used_at: new Date().toISOString() } })
      return { success: true, authIdentity: identity }
    } catch (error) {
      if ((error as MedusaError).type === MedusaError.Types.NOT_FOUND) return { success: false, error: INVALID }
      throw error
    }
  }
}
