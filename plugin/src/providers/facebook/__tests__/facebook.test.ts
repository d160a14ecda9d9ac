import type { Logger } from "@medusajs/framework/types"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { startFakeOAuth, type FakeOAuth } from "../../../../../integration-tests/fakes/oauth-server"
import { FacebookAuthProviderService, type FacebookAuthProviderOptions } from "../service"
import facebookProvider from "../index"
import { InMemoryAuthIdentities } from "./in-memory-auth-identities"

const CALLBACK_URL = "http://localhost:8000/auth/customer/facebook/callback"

const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger

let fake: FakeOAuth

beforeAll(async () => {
  fake = await startFakeOAuth()
})

afterAll(async () => {
  await fake?.close()
})

// The person signed in at the fake Facebook stays signed in across tests; start each from a known one.
beforeEach(() => {
  fake.setNextUser("facebook", { id: "10220000000000001", email: "grace@example.test", first_name: "Grace", last_name: "Hopper" })
})

function provider(overrides: Partial<FacebookAuthProviderOptions> = {}) {
  const options: FacebookAuthProviderOptions = {
    clientId: fake.facebook.clientId,
    clientSecret: fake.facebook.clientSecret,
    callbackUrl: CALLBACK_URL,
    dialogBaseUrl: fake.facebook.dialogBaseUrl,
    graphBaseUrl: fake.facebook.graphBaseUrl,
    ...overrides,
  }
  FacebookAuthProviderService.validateOptions(options)
  return new FacebookAuthProviderService({ logger }, options)
}

/** The browser leg: open the login dialog and read where Facebook sends the person back to. */
async function consent(location: string) {
  const response = await fetch(location, { redirect: "manual" })
  expect(response.status).toBe(302)
  const back = new URL(response.headers.get("location")!)
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK_URL)
  return Object.fromEntries(back.searchParams)
}

async function login(service: FacebookAuthProviderService, identities: InMemoryAuthIdentities) {
  const started = await service.authenticate({ body: {}, query: {} }, identities)
  const query = await consent(started.location!)
  return { query, result: await service.validateCallback({ query, body: {} }, identities) }
}

describe("Facebook auth provider", () => {
  it("is a Medusa auth module provider with the facebook identifier", () => {
    expect(FacebookAuthProviderService.identifier).toBe("facebook")
    expect(facebookProvider.services).toEqual([FacebookAuthProviderService])
  })

  it("validates its options", () => {
    const valid = { clientId: "id", clientSecret: "secret", callbackUrl: CALLBACK_URL }
    expect(() => FacebookAuthProviderService.validateOptions(valid)).not.toThrow()
    expect(() => FacebookAuthProviderService.validateOptions({ ...valid, clientId: "" })).toThrow(/clientId/)
    expect(() => FacebookAuthProviderService.validateOptions({ ...valid, clientSecret: undefined })).toThrow(/clientSecret/)
    expect(() => FacebookAuthProviderService.validateOptions({ ...valid, callbackUrl: "" })).toThrow(/callbackUrl/)
    expect(() => FacebookAuthProviderService.validateOptions({ ...valid, graphApiVersion: "19" })).toThrow(/graphApiVersion/)
    expect(() => FacebookAuthProviderService.validateOptions({ ...valid, graphBaseUrl: "graph" })).toThrow(/graphBaseUrl/)
  })

  it("redirects to the login dialog with a stored state", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const result = await provider().authenticate({ body: {}, query: {} }, identities)

    expect(result.success).toBe(true)
    const location = new URL(result.location!)
    expect(`${location.origin}${location.pathname}`).toBe(`${fake.facebook.dialogBaseUrl}/v19.0/dialog/oauth`)
    expect(location.searchParams.get("client_id")).toBe(fake.facebook.clientId)
    expect(location.searchParams.get("redirect_uri")).toBe(CALLBACK_URL)
    expect(location.searchParams.get("scope")).toBe("email,public_profile")
    expect(location.searchParams.get("response_type")).toBe("code")
    const state = location.searchParams.get("state")!
    expect(state).toMatch(/^[0-9a-f]{64}$/)
    expect(identities.states.get(state)).toEqual({ callback_url: CALLBACK_URL })
  })

  it("uses the callback_url from the request body, the configured version, and Facebook's hosts by default", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const service = new FacebookAuthProviderService({ logger }, { clientId: "1", clientSecret: "s", callbackUrl: CALLBACK_URL, graphApiVersion: "v21.0" })
    const result = await service.authenticate({ body: { callback_url: "https://portal.example.test/auth/facebook" }, query: {} }, identities)
    const location = new URL(result.location!)
    expect(`${location.origin}${location.pathname}`).toBe("https://www.facebook.com/v21.0/dialog/oauth")
    expect(location.searchParams.get("redirect_uri")).toBe("https://portal.example.test/auth/facebook")
    expect(identities.states.get(location.searchParams.get("state")!)).toEqual({
      callback_url: "https://portal.example.test/auth/facebook",
    })
  })

  it("signs a person in through the dialog, the code exchange and /me, creating their auth identity", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    fake.setNextUser("facebook", { id: "10220000000000042", email: "marie@example.test", first_name: "Marie", last_name: "Curie" })

    const { result } = await login(provider(), identities)

    expect(result).toMatchObject({ success: true })
    expect(result.error).toBeUndefined()
    const providerIdentity = result.authIdentity!.provider_identities![0]
    expect(providerIdentity.entity_id).toBe("10220000000000042")
    expect(providerIdentity.user_metadata).toEqual({
      email: "marie@example.test",
      first_name: "Marie",
      last_name: "Curie",
      name: "Marie Curie",
      picture: `${fake.url}/facebook/photos/10220000000000042.jpg`,
    })
    expect(identities.states.size).toBe(0)
  })

  it("finds the same auth identity when the same person logs in again", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const service = provider({ graphApiVersion: "v21.0" })
    fake.setNextUser("facebook", { id: "10220000000000077", email: "emmy@example.test", first_name: "Emmy", last_name: "Noether" })

    const first = await login(service, identities)
    const second = await login(service, identities)

    expect(first.result.success).toBe(true)
    expect(second.result.success).toBe(true)
    expect(second.query.code).not.toBe(first.query.code)
    expect(second.result.authIdentity!.id).toBe(first.result.authIdentity!.id)
    expect(identities.identities.size).toBe(1)
  })

  it("reports a declined dialog readably", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const service = provider()
    fake.deny("facebook")

    const { query, result } = await login(service, identities)

    expect(query).toMatchObject({ error: "access_denied", error_reason: "user_denied" })
    expect(query.code).toBeUndefined()
    expect(result).toEqual({
      success: false,
      error: "Facebook login was cancelled: permission to use your Facebook account was not granted",
    })
    expect(identities.identities.size).toBe(0)
  })

  it("refuses a code that was already used", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const service = provider()
    const { query, result } = await login(service, identities)
    expect(result.success).toBe(true)

    // A fresh, valid state, so only the code is at fault.
    const again = await service.authenticate({ body: {}, query: {} }, identities)
    const state = new URL(again.location!).searchParams.get("state")!
    const replay = await service.validateCallback({ query: { code: query.code, state }, body: {} }, identities)

    expect(replay).toEqual({
      success: false,
      error: "Could not exchange the Facebook login code: This authorization code has been used.",
    })
  })

  it("fails when the app secret is wrong", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const { result } = await login(provider({ clientSecret: "not-the-secret" }), identities)

    expect(result).toEqual({
      success: false,
      error: "Could not exchange the Facebook login code: Error validating client secret.",
    })
    expect(identities.identities.size).toBe(0)
  })

  it("fails when the Facebook account has no email address", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    fake.setNextUser("facebook", { id: "10220000000000099", first_name: "Phone", last_name: "Only" })

    const { result } = await login(provider(), identities)

    expect(result).toEqual({ success: false, error: "Your Facebook account has no email address we can use" })
    expect(identities.identities.size).toBe(0)
  })

  it("fails for an unknown or missing state without calling Facebook", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const service = provider()

    const unknown = await service.validateCallback({ query: { code: "AQ-some-code", state: "not-a-state" }, body: {} }, identities)
    expect(unknown).toEqual({ success: false, error: "No state provided, or session expired" })

    const missing = await service.validateCallback({ query: { code: "AQ-some-code" }, body: {} }, identities)
    expect(missing).toEqual({ success: false, error: "No state provided, or session expired" })

    const noCode = await service.validateCallback({ query: { state: "x" }, body: {} }, identities)
    expect(noCode).toEqual({ success: false, error: "No code provided" })
  })

  it("cannot replay a state: it is consumed by the first callback", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const service = provider()
    const { query, result } = await login(service, identities)
    expect(result.success).toBe(true)

    const replay = await service.validateCallback({ query, body: {} }, identities)
    expect(replay).toEqual({ success: false, error: "No state provided, or session expired" })
  })

  it("reports an unreachable Graph API as a failure, not an exception", async () => {
    const identities = new InMemoryAuthIdentities("facebook")
    const service = provider({ graphBaseUrl: "http://127.0.0.1:9" })
    const started = await service.authenticate({ body: {}, query: {} }, identities)
    const query = await consent(started.location!.replace("http://127.0.0.1:9", fake.facebook.dialogBaseUrl))

    const result = await service.validateCallback({ query, body: {} }, identities)
    expect(result).toEqual({
      success: false,
      error: "Could not exchange the Facebook login code: Facebook is unreachable",
    })
  })

  it("refuses registration, like Medusa's other OAuth providers", async () => {
    await expect(provider().register({})).rejects.toThrow(/does not support registration/)
  })
})
