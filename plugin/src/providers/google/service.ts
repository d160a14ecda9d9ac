import GoogleAuthModuleProvider from "@medusajs/auth-google"
// Types only: the class itself is taken from the package's public entry point below.
import type { GoogleAuthService } from "@medusajs/auth-google/dist/services/google"
import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityProviderService,
  GoogleAuthProviderOptions as MedusaGoogleAuthProviderOptions,
  Logger,
} from "@medusajs/framework/types"
import { findOrCreateAuthIdentity, isHttpUrl, readAuthorizationCallback } from "../oauth-callback"
import { MedusaError } from "@medusajs/framework/utils"
import jwt, { type JwtPayload } from "jsonwebtoken"
import jwksClient from "jwks-rsa"

/**
 * Options of @medusajs/auth-google plus the endpoints it hard-codes, so the same provider can talk
 * to Google or to anything that speaks Google's OAuth 2 / OpenID Connect protocol.
 */
export type GoogleAuthProviderOptions = MedusaGoogleAuthProviderOptions & {
  /** Authorization endpoint. Default https://accounts.google.com/o/oauth2/v2/auth */
  authorizeUrl?: string
  /** Token endpoint. Default https://oauth2.googleapis.com/token */
  tokenUrl?: string
  /** JWKS with the keys that sign id_tokens. Default https://www.googleapis.com/oauth2/v3/certs */
  jwksUrl?: string
  /** Accepted `iss` claim(s). Default ["https://accounts.google.com", "accounts.google.com"] */
  issuer?: string | string[]
}

type InjectedDependencies = {
  logger: Logger
}

export const GOOGLE_DEFAULTS = {
  authorizeUrl: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenUrl: "https://oauth2.googleapis.com/token",
  jwksUrl: "https://www.googleapis.com/oauth2/v3/certs",
  issuer: ["https://accounts.google.com", "accounts.google.com"] as [string, ...string[]],
}

const REQUEST_TIMEOUT_MS = 10_000

type VerifyResult = ReturnType<GoogleAuthService["verify_"]>

/**
 * @medusajs/auth-google's index only has a default export (the ModuleProvider definition);
 * its service class is the entry in `services`, which is what Medusa's own loader uses too.
 */
function loadMedusaGoogleAuthService(): typeof GoogleAuthService {
  const service = GoogleAuthModuleProvider.services.find((candidate) => (candidate as unknown as { identifier?: string }).identifier === "google")
  if (!service) {
    throw new Error("@medusajs/auth-google no longer provides a service with identifier 'google'")
  }
  return service as unknown as typeof GoogleAuthService
}

const MedusaGoogleAuthService = loadMedusaGoogleAuthService()

/**
 * Medusa's Google provider with configurable endpoints. Everything that does not depend on an
 * endpoint is inherited: option validation, `register`, state handling in `authenticate`, the
 * JWKS key lookup (`getSigningKey_`), the display name. Overridden:
 * - constructor: the JWKS client points at `jwksUrl`;
 * - `authenticate`: the inherited redirect is moved onto `authorizeUrl` (query kept as is);
 * - `validateCallback`: the code is exchanged at `tokenUrl`;
 * - `verify_`: the id_token issuer check uses `issuer`.
 */
export class GoogleAuthProviderService extends MedusaGoogleAuthService {
  static identifier = "google"

  protected endpoints_: {
    authorizeUrl: string
    tokenUrl: string
    jwksUrl: string
    issuer: [string, ...string[]]
  }

  static validateOptions(options: GoogleAuthProviderOptions): void {
    super.validateOptions(options)
    for (const key of ["authorizeUrl", "tokenUrl", "jwksUrl"] as const) {
      if (options[key] !== undefined && !isHttpUrl(options[key])) {
        throw new Error(`Google ${key} must be an http(s) URL, got "${options[key]}"`)
      }
    }
    if (options.issuer !== undefined) {
      const issuers = Array.isArray(options.issuer) ? options.issuer : [options.issuer]
      if (!issuers.length || issuers.some((issuer) => typeof issuer !== "string" || !issuer)) {
        throw new Error("Google issuer must be a non-empty string or list of strings")
      }
    }
  }

  constructor(container: InjectedDependencies, options: GoogleAuthProviderOptions) {
    super(container, options)

    const issuer = options.issuer === undefined ? GOOGLE_DEFAULTS.issuer : options.issuer
    this.endpoints_ = {
      authorizeUrl: options.authorizeUrl ?? GOOGLE_DEFAULTS.authorizeUrl,
      tokenUrl: options.tokenUrl ?? GOOGLE_DEFAULTS.tokenUrl,
      jwksUrl: options.jwksUrl ?? GOOGLE_DEFAULTS.jwksUrl,
      issuer: (Array.isArray(issuer) ? issuer : [issuer]) as [string, ...string[]],
    }

    // Same client settings as the parent, pointed at the configured JWKS.
    // The inherited getSigningKey_ reads this.jwks_.
    this.jwks_ = jwksClient({
      jwksUri: this.endpoints_.jwksUrl,
      cache: true,
      rateLimit: true,
    })
  }

  async authenticate(req: AuthenticationInput, authIdentityService: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const result = await super.authenticate(req, authIdentityService)
    if (!result.location) {
      return result
    }
    const inherited = new URL(result.location)
    const location = new URL(this.endpoints_.authorizeUrl)
    inherited.searchParams.forEach((value, key) => location.searchParams.set(key, value))
    return { ...result, location: location.toString() }
  }

  async validateCallback(req: AuthenticationInput, authIdentityService: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const callback = await readAuthorizationCallback(req, authIdentityService, {
      fallbackCallbackUrl: this.config_.callbackUrl,
      describeError: describeAuthorizationError,
    })
    if (!callback.ok) return { success: false, error: callback.error }
    const { code, redirectUri } = callback

    try {
      const response = await this.exchangeCode_(code, redirectUri)
      const { success, authIdentity, error } = await this.verify_(response.id_token, authIdentityService)
      return success ? { success, authIdentity } : { success, error }
    } catch (error) {
      return { success: false, error: (error as Error).message }
    }
  }

  /** POST to the token endpoint, form-encoded as Google documents it. */
  protected async exchangeCode_(code: string, redirectUri: string): Promise<{ id_token?: string }> {
    let response: Response
    try {
      response = await fetch(this.endpoints_.tokenUrl, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: new URLSearchParams({
          client_id: this.config_.clientId,
          client_secret: this.config_.clientSecret,
          code,
          redirect_uri: redirectUri,
          grant_type: "authorization_code",
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      this.logger_.warn(`Google auth: could not reach the token endpoint: ${(error as Error).message}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Could not exchange token: Google is unreachable")
    }

    const payload = (await response.json().catch(() => null)) as { id_token?: string; error?: string; error_description?: string } | null
    if (!response.ok || !payload) {
      const reason = payload?.error ? `${payload.error}${payload.error_description ? ` (${payload.error_description})` : ""}` : response.statusText
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Could not exchange token, ${response.status}, ${reason}`)
    }
    return payload
  }

  /** As in @medusajs/auth-google, with the accepted issuers taken from the options. */
  async verify_(idToken: string | undefined, authIdentityService: AuthIdentityProviderService): VerifyResult {
    if (!idToken) {
      return { success: false, error: "No ID found" }
    }

    let payload: JwtPayload
    try {
      payload = await new Promise<JwtPayload>((resolve, reject) => {
        jwt.verify(
          idToken,
          this.getSigningKey_,
          {
            algorithms: ["RS256"],
            audience: this.config_.clientId,
            issuer: this.endpoints_.issuer,
          },
          (err, decoded) => {
            if (err) return reject(err)
            if (!decoded || typeof decoded === "string") return reject(new Error("Invalid id_token"))
            resolve(decoded as JwtPayload)
          }
        )
      })
    } catch (err) {
      return { success: false, error: `Could not verify Google id_token: ${(err as Error).message}` }
    }

    if (payload.email_verified !== true && payload.email_verified !== "true") {
      return { success: false, error: "Email not verified, cannot proceed with authentication" }
    }
    if (!payload.sub) {
      return { success: false, error: "id_token is missing 'sub' claim" }
    }

    const entity_id = payload.sub
    const userMetadata = {
      name: payload.name,
      email: payload.email,
      picture: payload.picture,
      given_name: payload.given_name,
      family_name: payload.family_name,
    }
    return findOrCreateAuthIdentity(authIdentityService, entity_id, userMetadata)
  }
}

function describeAuthorizationError(query: Record<string, string>): string {
  if (query.error === "access_denied") {
    return "Google sign-in was cancelled: permission to use your Google account was not granted"
  }
  return `Google sign-in failed: ${query.error_description || query.error}`
}

export default GoogleAuthProviderService
