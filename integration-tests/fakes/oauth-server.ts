/**
 * A local stand-in for Google's and Facebook's OAuth servers, speaking their wire formats so the
 * real providers can be pointed at it (the test machines have no network).
 *
 * Google (OpenID Connect, https://developers.google.com/identity/openid-connect/openid-connect):
 *   GET  /google/authorize       consent screen → 302 redirect_uri?code&state (or ?error=access_denied)
 *   POST /google/token           code → { access_token, id_token, expires_in, token_type, scope }
 *   GET  /google/certs           JWKS with the RS256 key that signs the id_tokens
 * Facebook Login (manual flow, https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
 *   GET  /facebook/<version>/dialog/oauth          → 302 redirect_uri?code&state#_=_ (or ?error=access_denied…)
 *   GET  /facebook/<version>/oauth/access_token    code → { access_token, token_type, expires_in }
 *   GET  /facebook/<version>/me                    Graph user node; requires appsecret_proof
 *
 * Authorization codes are single-use, expire after ten minutes and are bound to the client and the
 * redirect_uri they were issued for. Errors use each provider's JSON error shape.
 *
 * Only node:http and node:crypto, so it runs anywhere the tests run.
 */
import { createHash, createHmac, generateKeyPairSync, randomBytes, sign, timingSafeEqual, type KeyObject } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export type FakeProvider = "google" | "facebook"

export type FakeUser = {
  id: string
  email?: string
  first_name: string
  last_name: string
  /** Google only: the `email_verified` claim. Defaults to true when the user has an email. */
  email_verified?: boolean
}

export type FakeClient = {
  clientId: string
  clientSecret: string
  /** Registered redirect URIs. Empty (the default) accepts any http(s) URL. */
  redirectUris?: string[]
}

export type FakeOAuthOptions = {
  google?: Partial<FakeClient>
  facebook?: Partial<FakeClient>
}

export type FakeOAuth = {
  /** Base URL of the server, e.g. http://127.0.0.1:43121 */
  url: string
  google: FakeClient & {
    authorizeUrl: string
    tokenUrl: string
    jwksUrl: string
    /** The `iss` claim of the id_tokens this server signs. */
    issuer: string
    /** The `kid` of the signing key. */
    kid: string
  }
  facebook: FakeClient & {
    /** Use as the provider's dialogBaseUrl: the dialog is at <dialogBaseUrl>/<version>/dialog/oauth. */
    dialogBaseUrl: string
    /** Use as the provider's graphBaseUrl: the Graph API is at <graphBaseUrl>/<version>/… */
    graphBaseUrl: string
  }
  /** The accounts each provider knows, by user id. Starts with one default user per provider. */
  users: Record<FakeProvider, ReadonlyMap<string, FakeUser>>
  /**
   * Signs `user` in at the provider (registering or replacing the account): every following
   * authorization on that provider is granted as this user, until another call.
   */
  setNextUser(provider: FakeProvider, user: FakeUser): void
  /** The next consent screen on that provider is declined (once). */
  deny(provider: FakeProvider): void
  close(): Promise<void>
}

type AuthorizationCode = {
  provider: FakeProvider
  clientId: string
  redirectUri: string
  userId: string
  scopes: string[]
  expiresAt: number
  used: boolean
}

type AccessToken = {
  provider: FakeProvider
  clientId: string
  userId: string
  scopes: string[]
  expiresAt: number
}

const CODE_TTL_MS = 10 * 60 * 1000
const GOOGLE_TOKEN_TTL_S = 3599
const FACEBOOK_TOKEN_TTL_S = 5183944
const MAX_BODY_BYTES = 64 * 1024

const DEFAULT_USERS: Record<FakeProvider, FakeUser> = {
  google: { id: "109876543210987654321", email: "ada.lovelace@example.test", first_name: "Ada", last_name: "Lovelace" },
  facebook: { id: "10160000000000001", email: "grace.hopper@example.test", first_name: "Grace", last_name: "Hopper" },
}

const token = (bytes = 24) => randomBytes(bytes).toString("base64url")
const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url")

const safeEqual = (a: string, b: string) => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

const isHttpUrl = (value: string | undefined): value is string => {
  if (!value) return false
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(typeof body === "string" ? body : JSON.stringify(body))
  }
}

export async function startFakeOAuth(options: FakeOAuthOptions = {}): Promise<FakeOAuth> {
  const clients: Record<FakeProvider, FakeClient> = {
    google: {
      clientId: options.google?.clientId ?? "fake-google-client-id.apps.googleusercontent.com",
      clientSecret: options.google?.clientSecret ?? "fake-google-client-secret",
      redirectUris: options.google?.redirectUris ?? [],
    },
    facebook: {
      clientId: options.facebook?.clientId ?? "100000000000001",
      clientSecret: options.facebook?.clientSecret ?? "fake-facebook-app-secret",
      redirectUris: options.facebook?.redirectUris ?? [],
    },
  }

  const users: Record<FakeProvider, Map<string, FakeUser>> = {
    google: new Map([[DEFAULT_USERS.google.id, { ...DEFAULT_USERS.google }]]),
    facebook: new Map([[DEFAULT_USERS.facebook.id, { ...DEFAULT_USERS.facebook }]]),
  }
  const signedIn: Record<FakeProvider, string> = {
    google: DEFAULT_USERS.google.id,
    facebook: DEFAULT_USERS.facebook.id,
  }
  const denyNext: Record<FakeProvider, boolean> = { google: false, facebook: false }
  const codes = new Map<string, AuthorizationCode>()
  const accessTokens = new Map<string, AccessToken>()

  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const kid = createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 40)

  let baseUrl = ""

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        send(res, error.status, error.body)
      } else {
        send(res, 500, { error: "internal_error", error_description: (error as Error)?.message ?? String(error) })
      }
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", baseUrl)
    const method = req.method ?? "GET"

    // Test control, for test files running in other processes than the one that started the fake.
    if (url.pathname === "/__control/next-user" && method === "POST") {
      const { provider, user } = JSON.parse(await readRaw(req)) as { provider: FakeProvider; user: FakeUser }
      fake.setNextUser(provider, user)
      return send(res, 204, null)
    }
    if (url.pathname === "/__control/deny" && method === "POST") {
      const { provider } = JSON.parse(await readRaw(req)) as { provider: FakeProvider }
      fake.deny(provider)
      return send(res, 204, null)
    }

    if (url.pathname === "/google/authorize" && method === "GET") return googleAuthorize(url, res)
    if (url.pathname === "/google/token") {
      if (method !== "POST") throw new HttpError(405, { error: "invalid_request", error_description: "Use POST" })
      return googleToken(req, url, res)
    }
    if (url.pathname === "/google/certs" && method === "GET") return googleCerts(res)

    const facebook = url.pathname.match(/^\/facebook\/(v\d+\.\d+)\/(dialog\/oauth|oauth\/access_token|me)$/)
    if (facebook && method === "GET") {
      const [, , endpoint] = facebook
      if (endpoint === "dialog/oauth") return facebookDialog(url, res)
      if (endpoint === "oauth/access_token") return facebookAccessToken(url, res)
      return facebookMe(req, url, res)
    }
    if (url.pathname.startsWith("/facebook/")) {
      throw graphError(400, `Unknown path components: ${url.pathname.replace(/^\/facebook/, "")}`, "OAuthException", 2500)
    }
    throw new HttpError(404, { error: "not_found", error_description: `${method} ${url.pathname}` })
  }

  // ---------------------------------------------------------------- shared

  function checkRedirectUri(provider: FakeProvider, redirectUri: string | null): string {
    const registered = clients[provider].redirectUris ?? []
    if (!isHttpUrl(redirectUri ?? undefined) || (registered.length && !registered.includes(redirectUri!))) {
      throw new HttpError(
        400,
        provider === "google"
          ? "Error 400: redirect_uri_mismatch. You can't sign in because this app sent an invalid request."
          : "URL Blocked: This redirect failed because the redirect URI is not allowed in the app's Client OAuth Settings."
      )
    }
    return redirectUri!
  }

  function issueCode(provider: FakeProvider, clientId: string, redirectUri: string, scopes: string[]): string {
    const code = provider === "google" ? `4/0${token(32)}` : `AQ${token(48)}`
    codes.set(code, {
      provider,
      clientId,
      redirectUri,
      userId: signedIn[provider],
      scopes,
      expiresAt: Date.now() + CODE_TTL_MS,
      used: false,
    })
    return code
  }

  function redirect(res: ServerResponse, target: URL) {
    res.writeHead(302, { location: target.toString(), "cache-control": "no-store" })
    res.end()
  }

  // ---------------------------------------------------------------- Google

  function googleAuthorize(url: URL, res: ServerResponse) {
    const params = url.searchParams
    if (params.get("client_id") !== clients.google.clientId) {
      throw new HttpError(401, "Error 401: invalid_client. The OAuth client was not found.")
    }
    const redirectUri = checkRedirectUri("google", params.get("redirect_uri"))
    if (params.get("response_type") !== "code") {
      throw new HttpError(400, `Error 400: invalid_request. Unsupported response_type: ${params.get("response_type")}`)
    }
    const scopes = (params.get("scope") ?? "").split(/\s+/).filter(Boolean)
    if (!scopes.length) {
      throw new HttpError(400, "Error 400: invalid_request. Missing required parameter: scope")
    }
    const known = new Set(["openid", "email", "profile"])
    const unknown = scopes.filter((scope) => !known.has(scope))
    if (unknown.length) {
      throw new HttpError(400, `Error 400: invalid_scope. Some requested scopes were invalid: ${unknown.join(", ")}`)
    }

    const target = new URL(redirectUri)
    const state = params.get("state")
    if (denyNext.google) {
      denyNext.google = false
      target.searchParams.set("error", "access_denied")
    } else {
      target.searchParams.set("code", issueCode("google", clients.google.clientId, redirectUri, scopes))
      target.searchParams.set("scope", scopes.join(" "))
      target.searchParams.set("authuser", "0")
      target.searchParams.set("prompt", "consent")
    }
    if (state !== null) target.searchParams.set("state", state)
    redirect(res, target)
  }

  async function googleToken(req: IncomingMessage, url: URL, res: ServerResponse) {
    // Parameters may come form-encoded in the body (as documented), as JSON, or in the query string.
    const params = new Map<string, string>(url.searchParams)
    for (const [key, value] of Object.entries(await readBody(req))) params.set(key, value)

    // client_secret_basic is accepted too.
    const authorization = req.headers.authorization
    if (authorization?.startsWith("Basic ")) {
      const [id, secret] = Buffer.from(authorization.slice(6), "base64").toString().split(":")
      params.set("client_id", decodeURIComponent(id ?? ""))
      params.set("client_secret", decodeURIComponent(secret ?? ""))
    }

    const oauthError = (status: number, error: string, description: string) => new HttpError(status, { error, error_description: description })

    if (params.get("grant_type") !== "authorization_code") {
      throw oauthError(400, "unsupported_grant_type", `Invalid grant_type: ${params.get("grant_type") ?? ""}`)
    }
    const clientId = params.get("client_id")
    const clientSecret = params.get("client_secret") ?? ""
    if (clientId !== clients.google.clientId) {
      throw oauthError(401, "invalid_client", "The OAuth client was not found.")
    }
    if (!safeEqual(clientSecret, clients.google.clientSecret)) {
      throw oauthError(401, "invalid_client", "Unauthorized")
    }
    const code = params.get("code")
    if (!code) throw oauthError(400, "invalid_request", "Missing required parameter: code")
    const redirectUri = params.get("redirect_uri")
    if (!redirectUri) throw oauthError(400, "invalid_request", "Missing parameter: redirect_uri")

    const grant = codes.get(code)
    if (!grant || grant.provider !== "google" || grant.clientId !== clientId) {
      throw oauthError(400, "invalid_grant", "Malformed auth code.")
    }
    if (grant.used || grant.expiresAt < Date.now()) {
      throw oauthError(400, "invalid_grant", "Bad Request")
    }
    if (grant.redirectUri !== redirectUri) {
      throw oauthError(400, "redirect_uri_mismatch", "Bad Request")
    }
    grant.used = true

    const user = users.google.get(grant.userId)!
    const accessToken = `ya29.${token(48)}`
    accessTokens.set(accessToken, {
      provider: "google",
      clientId: grant.clientId,
      userId: user.id,
      scopes: grant.scopes,
      expiresAt: Date.now() + GOOGLE_TOKEN_TTL_S * 1000,
    })

    const body: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: GOOGLE_TOKEN_TTL_S,
      scope: grant.scopes.join(" "),
      token_type: "Bearer",
    }
    if (grant.scopes.includes("openid")) {
      body.id_token = googleIdToken(user, grant, accessToken)
    }
    send(res, 200, body, { "cache-control": "no-store", pragma: "no-cache" })
  }

  function googleIdToken(user: FakeUser, grant: AuthorizationCode, accessToken: string): string {
    const now = Math.floor(Date.now() / 1000)
    const digest = createHash("sha256").update(accessToken).digest()
    const claims: Record<string, unknown> = {
      iss: issuer(),
      azp: grant.clientId,
      aud: grant.clientId,
      sub: user.id,
      at_hash: base64url(digest.subarray(0, digest.length / 2)),
      iat: now,
      exp: now + 3600,
    }
    if (grant.scopes.includes("email") && user.email) {
      claims.email = user.email
      claims.email_verified = user.email_verified ?? true
    }
    if (grant.scopes.includes("profile")) {
      claims.name = `${user.first_name} ${user.last_name}`.trim()
      claims.given_name = user.first_name
      claims.family_name = user.last_name
      claims.picture = `${baseUrl}/google/photos/${encodeURIComponent(user.id)}.png`
    }
    return signJwt(claims, privateKey, kid)
  }

  function googleCerts(res: ServerResponse) {
    const jwk = publicKey.export({ format: "jwk" })
    send(res, 200, { keys: [{ ...jwk, kid, alg: "RS256", use: "sig" }] }, { "cache-control": "public, max-age=3600" })
  }

  const issuer = () => `${baseUrl}/google`

  // ---------------------------------------------------------------- Facebook

  function graphError(status: number, message: string, type: string, code: number, subcode?: number) {
    return new HttpError(status, {
      error: {
        message,
        type,
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        fbtrace_id: token(9),
      },
    })
  }

  function facebookDialog(url: URL, res: ServerResponse) {
    const params = url.searchParams
    if (params.get("client_id") !== clients.facebook.clientId) {
      throw new HttpError(400, "Invalid App ID: The provided app ID does not look like a valid app ID.")
    }
    const redirectUri = checkRedirectUri("facebook", params.get("redirect_uri"))
    const responseType = params.get("response_type") ?? "code"
    if (responseType !== "code") {
      throw new HttpError(400, `Unsupported response_type for this fake: ${responseType}`)
    }
    const scopes = (params.get("scope") ?? "public_profile").split(/[\s,]+/).filter(Boolean)
    if (!scopes.includes("public_profile")) scopes.push("public_profile")

    const target = new URL(redirectUri)
    if (denyNext.facebook) {
      denyNext.facebook = false
      target.searchParams.set("error", "access_denied")
      target.searchParams.set("error_code", "200")
      target.searchParams.set("error_description", "Permissions error")
      target.searchParams.set("error_reason", "user_denied")
    } else {
      target.searchParams.set("code", issueCode("facebook", clients.facebook.clientId, redirectUri, scopes))
    }
    const state = params.get("state")
    if (state !== null) target.searchParams.set("state", state)
    // Facebook appends this fragment to the redirect.
    target.hash = "_=_"
    redirect(res, target)
  }

  function facebookAccessToken(url: URL, res: ServerResponse) {
    const params = url.searchParams
    const clientId = params.get("client_id")
    if (!clientId) throw graphError(400, "Missing client_id parameter.", "OAuthException", 101)
    if (clientId !== clients.facebook.clientId) {
      throw graphError(400, "Error validating application. Invalid application ID.", "OAuthException", 101)
    }
    const redirectUri = params.get("redirect_uri")
    if (!redirectUri) throw graphError(400, "Missing redirect_uri parameter.", "OAuthException", 191)
    if (!safeEqual(params.get("client_secret") ?? "", clients.facebook.clientSecret)) {
      throw graphError(400, "Error validating client secret.", "OAuthException", 1)
    }
    const code = params.get("code")
    if (!code) throw graphError(400, "Missing authorization code", "OAuthException", 1)

    const grant = codes.get(code)
    if (!grant || grant.provider !== "facebook" || grant.clientId !== clientId) {
      throw graphError(400, "Invalid verification code format.", "OAuthException", 100)
    }
    if (grant.used) {
      throw graphError(400, "This authorization code has been used.", "OAuthException", 100, 36009)
    }
    if (grant.expiresAt < Date.now()) {
      throw graphError(400, "This authorization code has expired.", "OAuthException", 100, 36007)
    }
    if (grant.redirectUri !== redirectUri) {
      throw graphError(
        400,
        "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
        "OAuthException",
        100,
        36008
      )
    }
    grant.used = true

    const accessToken = `EAA${token(64)}`
    accessTokens.set(accessToken, {
      provider: "facebook",
      clientId,
      userId: grant.userId,
      scopes: grant.scopes,
      expiresAt: Date.now() + FACEBOOK_TOKEN_TTL_S * 1000,
    })
    send(res, 200, { access_token: accessToken, token_type: "bearer", expires_in: FACEBOOK_TOKEN_TTL_S })
  }

  function facebookMe(req: IncomingMessage, url: URL, res: ServerResponse) {
    const params = url.searchParams
    const header = req.headers.authorization?.match(/^(?:Bearer|OAuth)\s+(.+)$/i)?.[1]
    const accessToken = params.get("access_token") ?? header
    if (!accessToken) {
      throw graphError(400, "An active access token must be used to query information about the current user.", "OAuthException", 2500)
    }
    const grant = accessTokens.get(accessToken)
    if (!grant || grant.provider !== "facebook") {
      throw graphError(400, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190)
    }
    if (grant.expiresAt < Date.now()) {
      throw graphError(400, "Error validating access token: Session has expired.", "OAuthException", 190, 463)
    }

    // This fake behaves like an app with "Require App Secret" switched on.
    const proof = params.get("appsecret_proof")
    if (!proof) {
      throw graphError(400, "API calls from the server require an appsecret_proof argument", "GraphMethodException", 100)
    }
    const expected = createHmac("sha256", clients.facebook.clientSecret).update(accessToken).digest("hex")
    if (!safeEqual(proof, expected)) {
      throw graphError(400, "Invalid appsecret_proof provided in the API argument", "GraphMethodException", 100)
    }

    const user = users.facebook.get(grant.userId)!
    const node: Record<string, unknown> = {
      id: user.id,
      name: `${user.first_name} ${user.last_name}`.trim(),
      first_name: user.first_name,
      last_name: user.last_name,
      picture: {
        data: {
          height: 50,
          is_silhouette: false,
          url: `${baseUrl}/facebook/photos/${encodeURIComponent(user.id)}.jpg`,
          width: 50,
        },
      },
    }
    // Facebook leaves `email` out when the person has none or did not grant the email permission.
    if (user.email && grant.scopes.includes("email")) node.email = user.email

    const fields = (params.get("fields") ?? "id,name")
      .split(",")
      .map((field) => field.trim())
      .filter(Boolean)
    const body: Record<string, unknown> = {}
    for (const field of fields) {
      if (!(field in node) && field !== "email") {
        throw graphError(400, `(#100) Tried accessing nonexisting field (${field}) on node type (User)`, "OAuthException", 100)
      }
      if (field in node) body[field] = node[field]
    }
    body.id = user.id
    send(res, 200, body)
  }

  // ---------------------------------------------------------------- lifecycle

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  const fake: FakeOAuth = {
    url: baseUrl,
    google: {
      ...clients.google,
      authorizeUrl: `${baseUrl}/google/authorize`,
      tokenUrl: `${baseUrl}/google/token`,
      jwksUrl: `${baseUrl}/google/certs`,
      issuer: issuer(),
      kid,
    },
    facebook: {
      ...clients.facebook,
      dialogBaseUrl: `${baseUrl}/facebook`,
      graphBaseUrl: `${baseUrl}/facebook`,
    },
    users,
    setNextUser(provider, user) {
      users[provider].set(user.id, { ...user })
      signedIn[provider] = user.id
    },
    deny(provider) {
      denyNext[provider] = true
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
  return fake
}

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const header = { alg: "RS256", kid, typ: "JWT" }
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = sign("sha256", Buffer.from(input), key)
  return `${input}.${signature.toString("base64url")}`
}

async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString("utf8")
}

async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { error: "invalid_request", error_description: "Body too large" })
    chunks.push(chunk as Buffer)
  }
  const raw = Buffer.concat(chunks).toString("utf8")
  if (!raw) return {}
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase()
  if (type === "application/json") {
    try {
      const parsed = JSON.parse(raw) as Record<string, unknown>
      return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]))
    } catch {
      throw new HttpError(400, { error: "invalid_request", error_description: "Invalid JSON body" })
    }
  }
  return Object.fromEntries(new URLSearchParams(raw))
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return
  const isText = typeof body === "string"
  res.writeHead(status, {
    "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
    ...headers,
  })
  res.end(isText ? body : JSON.stringify(body))
}
