import crypto from "node:crypto"
import type { AuthenticationInput, AuthenticationResponse, AuthIdentityProviderService, Logger } from "@medusajs/framework/types"
import { findOrCreateAuthIdentity, isHttpUrl, readAuthorizationCallback } from "../oauth-callback"
import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"

export type FacebookAuthProviderOptions = {
  clientId: string
  clientSecret: string
  callbackUrl: string
  /** Graph API version used for the login dialog and the Graph calls. Default "v19.0". */
  graphApiVersion?: string
  /** Where the login dialog lives. Default "https://www.facebook.com". */
  dialogBaseUrl?: string
  /** Where the Graph API lives. Default "https://graph.facebook.com". */
  graphBaseUrl?: string
}

type InjectedDependencies = {
  logger: Logger
}

export const FACEBOOK_DEFAULTS = {
  graphApiVersion: "v19.0",
  dialogBaseUrl: "https://www.facebook.com",
  graphBaseUrl: "https://graph.facebook.com",
} as const

const SCOPE = "email,public_profile"
const PROFILE_FIELDS = "id,email,first_name,last_name,name,picture"
const REQUEST_TIMEOUT_MS = 10_000

type GraphError = { message?: string; type?: string; code?: number; error_subcode?: number }

type FacebookProfile = {
  id?: string
  email?: string
  first_name?: string
  last_name?: string
  name?: string
  picture?: { data?: { url?: string } }
}

const stripTrailingSlash = (value: string) => value.replace(/\/+$/, "")

/**
 * "Log in with Facebook": the OAuth 2 authorization-code flow of Facebook Login
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow),
 * followed by a Graph API `/me` call that identifies the person. Auth identities are keyed by the
 * app-scoped Facebook user id.
 */
export class FacebookAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = "facebook"
  static DISPLAY_NAME = "Facebook Authentication"

  protected config_: Required<FacebookAuthProviderOptions>
  protected logger_: Logger

  static validateOptions(options: Partial<FacebookAuthProviderOptions> | undefined): void {
    if (!options?.clientId) {
      throw new Error("Facebook clientId is required")
    }
    if (!options.clientSecret) {
      throw new Error("Facebook clientSecret is required")
    }
    if (!options.callbackUrl) {
      throw new Error("Facebook callbackUrl is required")
    }
    if (options.graphApiVersion !== undefined && !/^v\d+\.\d+$/.test(options.graphApiVersion)) {
      throw new Error(`Facebook graphApiVersion must look like "v19.0", got "${options.graphApiVersion}"`)
    }
    for (const key of ["dialogBaseUrl", "graphBaseUrl"] as const) {
      if (options[key] !== undefined && !isHttpUrl(options[key])) {
        throw new Error(`Facebook ${key} must be an http(s) URL, got "${options[key]}"`)
      }
    }
  }

  constructor({ logger }: InjectedDependencies, options: FacebookAuthProviderOptions) {
    // @ts-expect-error -- forward every argument the module loader passes, like Medusa's own providers
    super(...arguments) // eslint-disable-line prefer-rest-params
    this.logger_ = logger
    this.config_ = {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      callbackUrl: options.callbackUrl,
      graphApiVersion: options.graphApiVersion ?? FACEBOOK_DEFAULTS.graphApiVersion,
      dialogBaseUrl: stripTrailingSlash(options.dialogBaseUrl ?? FACEBOOK_DEFAULTS.dialogBaseUrl),
      graphBaseUrl: stripTrailingSlash(options.graphBaseUrl ?? FACEBOOK_DEFAULTS.graphBaseUrl),
    }
  }

  async register(_: AuthenticationInput): Promise<AuthenticationResponse> {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Facebook does not support registration. Use method `authenticate` instead.")
  }

  async authenticate(req: AuthenticationInput, authIdentityService: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const query = req.query ?? {}
    const body = req.body ?? {}

    if (query.error) {
      return { success: false, error: this.describeDialogError_(query) }
    }

    const callbackUrl = typeof body.callback_url === "string" && body.callback_url ? body.callback_url : this.config_.callbackUrl

    const stateKey = crypto.randomBytes(32).toString("hex")
    await authIdentityService.setState(stateKey, { callback_url: callbackUrl })

    const location = new URL(`${this.config_.dialogBaseUrl}/${this.config_.graphApiVersion}/dialog/oauth`)
    location.searchParams.set("client_id", this.config_.clientId)
    location.searchParams.set("redirect_uri", callbackUrl)
    location.searchParams.set("state", stateKey)
    location.searchParams.set("scope", SCOPE)
    location.searchParams.set("response_type", "code")

    return { success: true, location: location.toString() }
  }

  async validateCallback(req: AuthenticationInput, authIdentityService: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const callback = await readAuthorizationCallback(req, authIdentityService, {
      fallbackCallbackUrl: this.config_.callbackUrl,
      describeError: (query) => this.describeDialogError_(query),
    })
    if (!callback.ok) return { success: false, error: callback.error }
    const { code, redirectUri } = callback

    try {
      const accessToken = await this.exchangeCode_(code, redirectUri)
      const profile = await this.fetchProfile_(accessToken)
      return await this.upsert_(profile, authIdentityService)
    } catch (error) {
      return { success: false, error: (error as Error).message }
    }
  }

  /** GET /oauth/access_token: trades the one-time code for a user access token. */
  protected async exchangeCode_(code: string, redirectUri: string): Promise<string> {
    const url = this.graphUrl_("oauth/access_token")
    url.searchParams.set("client_id", this.config_.clientId)
    url.searchParams.set("redirect_uri", redirectUri)
    url.searchParams.set("client_secret", this.config_.clientSecret)
    url.searchParams.set("code", code)

    const response = await this.graphGet_<{ access_token?: string }>(url, "exchange the Facebook login code")
    if (!response.access_token) {
      throw new Error("Facebook did not return an access token")
    }
    return response.access_token
  }

  /** GET /me, signed with appsecret_proof as Facebook recommends for server-side calls. */
  protected async fetchProfile_(accessToken: string): Promise<FacebookProfile> {
    const url = this.graphUrl_("me")
    url.searchParams.set("fields", PROFILE_FIELDS)
    url.searchParams.set("access_token", accessToken)
    url.searchParams.set("appsecret_proof", crypto.createHmac("sha256", this.config_.clientSecret).update(accessToken).digest("hex"))
    return await this.graphGet_<FacebookProfile>(url, "read your Facebook profile")
  }

  protected async upsert_(profile: FacebookProfile, authIdentityService: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    if (!profile.id) {
      return { success: false, error: "Facebook did not return a user id" }
    }
    if (!profile.email) {
      return { success: false, error: "Your Facebook account has no email address we can use" }
    }

    const entity_id = String(profile.id)
    const userMetadata = {
      email: profile.email,
      first_name: profile.first_name,
      last_name: profile.last_name,
      name: profile.name,
      picture: profile.picture?.data?.url,
    }
    return findOrCreateAuthIdentity(authIdentityService, entity_id, userMetadata)
  }

  protected graphUrl_(path: string): URL {
    return new URL(`${this.config_.graphBaseUrl}/${this.config_.graphApiVersion}/${path}`)
  }

  /** Graph API calls answer JSON; failures carry `{ error: { message, type, code } }`. */
  protected async graphGet_<T>(url: URL, purpose: string): Promise<T> {
    let response: Response
    try {
      response = await fetch(url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      this.logger_.warn(`Facebook auth: could not reach ${url.origin}: ${(error as Error).message}`)
      // eslint-disable-next-line preserve-caught-error -- the cause is logged just above; the plugin's ES2021 lib has no Error cause
      throw new Error(`Could not ${purpose}: Facebook is unreachable`)
    }

    const payload = (await response.json().catch(() => null)) as (T & { error?: GraphError }) | null
    if (payload?.error) {
      throw new Error(`Could not ${purpose}: ${payload.error.message ?? payload.error.type ?? "unknown Graph API error"}`)
    }
    if (!response.ok || !payload) {
      throw new Error(`Could not ${purpose}: ${response.status} ${response.statusText}`)
    }
    return payload
  }

  protected describeDialogError_(query: Record<string, string>): string {
    if (query.error === "access_denied" || query.error_reason === "user_denied") {
      return "Facebook login was cancelled: permission to use your Facebook account was not granted"
    }
    return `Facebook login failed: ${query.error_description || query.error_reason || query.error}`
  }
}

export default FacebookAuthProviderService
