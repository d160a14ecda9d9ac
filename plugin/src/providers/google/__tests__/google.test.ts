import type { Logger } from "@medusajs/framework/types"
import GoogleAuthModuleProvider from "@medusajs/auth-google"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { startFakeOAuth, type FakeOAuth } from "../../../../../integration-tests/fakes/oauth-server"
import { InMemoryAuthIdentities } from "../../facebook/__tests__/in-memory-auth-identities"
import googleProvider from "../index"
import { GoogleAuthProviderService, type GoogleAuthProviderOptions } from "../service"

const CALLBACK_URL = "http://localhost:8000/auth/customer/google/callback"

const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger

let fake: FakeOAuth

beforeAll(async () => {
  fake = await startFakeOAuth()
})

afterAll(async () => {
  await fake?.close()
})

// The person signed in at the fake Google stays signed in across tests; start each from a known one.
beforeEach(() => {
  fake.setNextUser("google", { id: "100000000000000000001", email: "ada@example.test", first_name: "Ada", last_name: "Lovelace" })
})

function fakeEndpoints(server: FakeOAuth) {
  return {
    authorizeUrl: server.google.authorizeUrl,
    tokenUrl: server.google.tokenUrl,
    jwksUrl: server.google.jwksUrl,
    issuer: server.google.issuer,
  }
}

function provider(overrides: Partial<GoogleAuthProviderOptions> = {}) {
  const options: GoogleAuthProviderOptions = {
    clientId: fake.google.clientId,
    clientSecret: fake.google.clientSecret,
    callbackUrl: CALLBACK_URL,
    ...fakeEndpoints(fake),
    ...overrides,
  }
  GoogleAuthProviderService.validateOptions(options)
  return new GoogleAuthProviderService({ logger }, options)
}

/** The browser leg: open the consent screen and read where Google sends the person back to. */
async function consent(location: string) {
  const response = await fetch(location, { redirect: "manual" })
  expect(response.status).toBe(302)
  const back = new URL(response.headers.get("location")!)
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK_URL)
  return Object.fromEntries(back.searchParams)
}

async function login(service: GoogleAuthProviderService, identities: InMemoryAuthIdentities) {
  const started = await service.authenticate({ body: {}, query: {} }, identities)
  const query = await consent(started.location!)
  return { query, result: await service.validateCallback({ query, body: {} }, identities) }
}

describe("Google auth provider", () => {
  it("extends the service of @medusajs/auth-google and keeps the google identifier", () => {
    const [medusaGoogleService] = GoogleAuthModuleProvider.services
    expect(Object.getPrototypeOf(GoogleAuthProviderService)).toBe(medusaGoogleService)
    expect(GoogleAuthProviderService.identifier).toBe("google")
    expect(GoogleAuthProviderService.DISPLAY_NAME).toBe("Google Authentication")
    expect(googleProvider.services).toEqual([GoogleAuthProviderService])
  })

  it("validates its options, including the inherited ones", () => {
    const valid = { clientId: "id", clientSecret: "secret", callbackUrl: CALLBACK_URL }
    expect(() => GoogleAuthProviderService.validateOptions(valid)).not.toThrow()
    expect(() => GoogleAuthProviderService.validateOptions({ ...valid, clientId: "" })).toThrow("Google clientId is required")
    expect(() => GoogleAuthProviderService.validateOptions({ ...valid, tokenUrl: "token" })).toThrow(/tokenUrl/)
    expect(() => GoogleAuthProviderService.validateOptions({ ...valid, issuer: [] })).toThrow(/issuer/)
  })

  it("redirects to the authorization endpoint with a stored state", async () => {
    const identities = new InMemoryAuthIdentities("google")
    const result = await provider().authenticate({ body: {}, query: {} }, identities)

    expect(result.success).toBe(true)
    const location = new URL(result.location!)
    expect(`${location.origin}${location.pathname}`).toBe(fake.google.authorizeUrl)
    expect(location.searchParams.get("client_id")).toBe(fake.google.clientId)
    expect(location.searchParams.get("redirect_uri")).toBe(CALLBACK_URL)
    expect(location.searchParams.get("response_type")).toBe("code")
    expect(location.searchParams.get("scope")).toBe("email profile openid")
    const state = location.searchParams.get("state")!
    expect(state).toMatch(/^[0-9a-f]{64}$/)
    expect(identities.states.get(state)).toEqual({ callback_url: CALLBACK_URL })
  })

  it("defaults to Google's own authorization endpoint and honours callback_url from the request", async () => {
    const identities = new InMemoryAuthIdentities("google")
    const service = new GoogleAuthProviderService({ logger }, { clientId: "id", clientSecret: "s", callbackUrl: CALLBACK_URL })
    const result = await service.authenticate({ body: { callback_url: "https://portal.example.test/auth/google" }, query: {} }, identities)
    const location = new URL(result.location!)
    expect(`${location.origin}${location.pathname}`).toBe("https://accounts.google.com/o/oauth2/v2/auth")
    expect(location.searchParams.get("redirect_uri")).toBe("https://portal.example.test/auth/google")
  })

  it("signs a person in: consent, code exchange, verified id_token, new auth identity", async () => {
    const identities = new InMemoryAuthIdentities("google")
    fake.setNextUser("google", { id: "100000000000000000042", email: "marie@example.test", first_name: "Marie", last_name: "Curie" })

    const { result } = await login(provider(), identities)

    expect(result).toMatchObject({ success: true })
    expect(result.error).toBeUndefined()
    const providerIdentity = result.authIdentity!.provider_identities![0]
    expect(providerIdentity.entity_id).toBe("100000000000000000042")
    expect(providerIdentity.user_metadata).toEqual({
      email: "marie@example.test",
      name: "Marie Curie",
      given_name: "Marie",
      family_name: "Curie",
      picture: `${fake.url}/google/photos/100000000000000000042.png`,
    })
    expect(identities.states.size).toBe(0)
  })

  it("finds the same auth identity when the same person signs in again", async () => {
    const identities = new InMemoryAuthIdentities("google")
    const service = provider()

    const first = await login(service, identities)
    const second = await login(service, identities)

    expect(first.result.success).toBe(true)
    expect(second.result.success).toBe(true)
    expect(second.query.code).not.toBe(first.query.code)
    expect(second.result.authIdentity!.id).toBe(first.result.authIdentity!.id)
    expect(identities.identities.size).toBe(1)
  })

  it("reports declined consent readably", async () => {
    const identities = new InMemoryAuthIdentities("google")
    fake.deny("google")

    const { query, result } = await login(provider(), identities)

    expect(query.error).toBe("access_denied")
    expect(query.code).toBeUndefined()
    expect(result).toEqual({
      success: false,
      error: "Google sign-in was cancelled: permission to use your Google account was not granted",
    })
    expect(identities.identities.size).toBe(0)
  })

  it("refuses a code that was already used", async () => {
    const identities = new InMemoryAuthIdentities("google")
    const service = provider()
    const { query, result } = await login(service, identities)
    expect(result.success).toBe(true)

    // A fresh, valid state, so only the code is at fault.
    const again = await service.authenticate({ body: {}, query: {} }, identities)
    const state = new URL(again.location!).searchParams.get("state")!
    const replay = await service.validateCallback({ query: { code: query.code, state }, body: {} }, identities)

    expect(replay).toEqual({ success: false, error: "Could not exchange token, 400, invalid_grant (Bad Request)" })
  })

  it("fails when the client secret is wrong", async () => {
    const identities = new InMemoryAuthIdentities("google")
    const { result } = await login(provider({ clientSecret: "not-the-secret" }), identities)

    expect(result).toEqual({ success: false, error: "Could not exchange token, 401, invalid_client (Unauthorized)" })
    expect(identities.identities.size).toBe(0)
  })

  it("fails when Google says the email address is not verified", async () => {
    const identities = new InMemoryAuthIdentities("google")
    fake.setNextUser("google", {
      id: "100000000000000000099",
      email: "unverified@example.test",
      email_verified: false,
      first_name: "Un",
      last_name: "Verified",
    })

    const { result } = await login(provider(), identities)

    expect(result).toEqual({ success: false, error: "Email not verified, cannot proceed with authentication" })
    expect(identities.identities.size).toBe(0)
  })

  it("fails when the id_token comes from another issuer", async () => {
    const identities = new InMemoryAuthIdentities("google")
    // Google's own issuers (the default) do not match the fake's.
    const { result } = await login(provider({ issuer: undefined }), identities)

    expect(result.success).toBe(false)
    expect(result.error).toMatch(/^Could not verify Google id_token: jwt issuer invalid/)
    expect(identities.identities.size).toBe(0)
  })

  it("fails when the id_token is not signed by a key from the configured JWKS", async () => {
    const other = await startFakeOAuth()
    try {
      const identities = new InMemoryAuthIdentities("google")
      const { result } = await login(provider({ jwksUrl: other.google.jwksUrl }), identities)

      expect(result.success).toBe(false)
      expect(result.error).toMatch(/^Could not verify Google id_token: /)
      expect(identities.identities.size).toBe(0)
    } finally {
      await other.close()
    }
  })

  it("fails for an unknown or missing state without calling Google", async () => {
    const identities = new InMemoryAuthIdentities("google")
    const service = provider()

    const unknown = await service.validateCallback({ query: { code: "4/0-some-code", state: "not-a-state" }, body: {} }, identities)
    expect(unknown).toEqual({ success: false, error: "No state provided, or session expired" })

    const missing = await service.validateCallback({ query: { code: "4/0-some-code" }, body: {} }, identities)
    expect(missing).toEqual({ success: false, error: "No state provided, or session expired" })

    const noCode = await service.validateCallback({ query: { state: "x" }, body: {} }, identities)
    expect(noCode).toEqual({ success: false, error: "No code provided" })
  })

  it("cannot replay a state: it is consumed by the first callback", async () => {
    const identities = new InMemoryAuthIdentities("google")
    const service = provider()
    const { query, result } = await login(service, identities)
    expect(result.success).toBe(true)

    const replay = await service.validateCallback({ query, body: {} }, identities)
    expect(replay).toEqual({ success: false, error: "No state provided, or session expired" })
  })

  it("refuses registration, as @medusajs/auth-google does", async () => {
    await expect(provider().register({})).rejects.toThrow(/Google does not support registration/)
  })
})
