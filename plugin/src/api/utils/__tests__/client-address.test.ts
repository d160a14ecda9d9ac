import { describe, expect, it } from "vitest"
import { clientAddressFrom, signClientAddress, verifyClientAddress } from "../client-address"

const SECRET = "a-shared-secret-of-the-portal-and-the-api"
const NOW = Date.parse("2026-12-07T09:00:00Z")

const request = (socket: string, headers: Record<string, string> = {}) =>
  ({ headers, socket: { remoteAddress: socket }, connection: { remoteAddress: socket } }) as never

const settings = (trustedProxies: string[] = [], portalSigningSecret: string | null = SECRET) => ({ portalSigningSecret, trustedProxies })

describe("client address", () => {
  it("believes the browser address the portal signed", () => {
    const signature = signClientAddress(SECRET, "203.0.113.7")
    const req = request("10.0.0.5", { "x-portal-client-address": "203.0.113.7", "x-portal-client-signature": signature })
    expect(clientAddressFrom(req, settings())).toBe("203.0.113.7")
  })

  it("ignores an address signed with another secret, or a signature for another address", () => {
    const forged = signClientAddress("guessed", "203.0.113.7")
    expect(clientAddressFrom(request("198.51.100.9", { "x-portal-client-address": "203.0.113.7", "x-portal-client-signature": forged }), settings())).toBe(
      "198.51.100.9"
    )
    const other = signClientAddress(SECRET, "203.0.113.8")
    expect(clientAddressFrom(request("198.51.100.9", { "x-portal-client-address": "203.0.113.7", "x-portal-client-signature": other }), settings())).toBe(
      "198.51.100.9"
    )
  })

  it("refuses a signature older than five minutes, so a copied header stops working", () => {
    const old = signClientAddress(SECRET, "203.0.113.7", NOW - 6 * 60_000)
    expect(verifyClientAddress(SECRET, "203.0.113.7", old, NOW)).toBe(false)
    expect(verifyClientAddress(SECRET, "203.0.113.7", signClientAddress(SECRET, "203.0.113.7", NOW - 60_000), NOW)).toBe(true)
  })

  it("ignores X-Forwarded-For from anyone but a trusted proxy", () => {
    const spoofed = request("198.51.100.9", { "x-forwarded-for": "192.0.2.1" })
    expect(clientAddressFrom(spoofed, settings())).toBe("198.51.100.9")
    const viaBalancer = request("10.0.0.2", { "x-forwarded-for": "192.0.2.1, 203.0.113.7" })
    expect(clientAddressFrom(viaBalancer, settings(["10.0.0.0/8"]))).toBe("203.0.113.7")
  })

  it("never believes a signed header when no secret is configured", () => {
    const signature = signClientAddress(SECRET, "203.0.113.7")
    const req = request("198.51.100.9", { "x-portal-client-address": "203.0.113.7", "x-portal-client-signature": signature })
    expect(clientAddressFrom(req, settings([], null))).toBe("198.51.100.9")
  })

  it("writes IPv4 addresses the same way whichever socket family they came through", () => {
    expect(clientAddressFrom(request("::ffff:127.0.0.9"), settings())).toBe("127.0.0.9")
  })
})
