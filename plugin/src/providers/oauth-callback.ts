import type { AuthenticationInput, AuthIdentityDTO, AuthIdentityProviderService } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

export type CallbackParams = { ok: true; code: string; redirectUri: string } | { ok: false; error: string }

/**
 * The part of an OAuth 2 authorization-code callback every provider shares: the provider's
 * own error (consent declined), the code, and the state saved when the login started, which
 * also holds the redirect URI the code is bound to.
 */
export async function readAuthorizationCallback(
  req: AuthenticationInput,
  authIdentityService: AuthIdentityProviderService,
  options: { fallbackCallbackUrl: string; describeError: (query: Record<string, string>) => string }
): Promise<CallbackParams> {
  const query = (req.query ?? {}) as Record<string, string>
  const body = (req.body ?? {}) as Record<string, string>
  if (query.error) return { ok: false, error: options.describeError(query) }

  const code = query.code ?? body.code
  if (!code) return { ok: false, error: "No code provided" }

  const stateKey = query.state ?? body.state
  const state = stateKey ? await authIdentityService.getState(stateKey) : null
  if (!state) return { ok: false, error: "No state provided, or session expired" }
  const redirectUri = typeof state.callback_url === "string" ? state.callback_url : options.fallbackCallbackUrl
  return { ok: true, code, redirectUri }
}

/** For the URL options: only http(s) addresses. */
export const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== "string") return false
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

/** The provider account's auth identity, created on its first login with what the provider told us about the person. */
export async function findOrCreateAuthIdentity(
  authIdentityService: AuthIdentityProviderService,
  entity_id: string,
  userMetadata: Record<string, unknown>
): Promise<{ success: true; authIdentity: AuthIdentityDTO } | { success: false; error: string }> {
  let authIdentity: AuthIdentityDTO
  try {
    authIdentity = await authIdentityService.retrieve({ entity_id })
  } catch (error) {
    if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) {
      return { success: false, error: (error as Error).message }
    }
    authIdentity = await authIdentityService.create({ entity_id, user_metadata: userMetadata })
  }

  return { success: true, authIdentity }
}
