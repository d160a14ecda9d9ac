import { describe, expect, it } from "vitest"
import { openQuoteToken, QUOTE_LINK_DAYS, sealQuoteToken } from "../quote-links"

const claims = { quote_id: "quo_1", customer_id: "cus_1" }
const now = new Date("2026-12-07T10:00:00Z")

describe("the emailed quote link's token", () => {
  it("names its quote and customer, and nobody can read or change them without the secret", () => {
    const token = sealQuoteToken(claims, "secret", now)
    expect(openQuoteToken(token, "secret", now)).toEqual(claims)
    expect(token).not.toContain("quo_1")
    expect(openQuoteToken(token, "another secret", now)).toBeNull()
    const bytes = Buffer.from(token.slice(3), "base64url")
    bytes[14] ^= 1
    expect(openQuoteToken(`q1.${bytes.toString("base64url")}`, "secret", now)).toBeNull()
    expect(openQuoteToken("q1.short", "secret", now)).toBeNull()
    expect(openQuoteToken("", "secret", now)).toBeNull()
  })

  it("stops working after its days", () => {
    const token = sealQuoteToken(claims, "secret", now)
    const later = (days: number) => new Date(now.getTime() + days * 86_400_000)
    expect(openQuoteToken(token, "secret", later(QUOTE_LINK_DAYS - 1))).toEqual(claims)
    expect(openQuoteToken(token, "secret", later(QUOTE_LINK_DAYS + 1))).toBeNull()
  })
})
