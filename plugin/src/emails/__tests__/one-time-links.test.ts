import { describe, expect, it } from "vitest"
import { MASK, maskLink, openLink, openOneTimeLinks, SEALED_LINKS, sealLink, withOneTimeLinks } from "../one-time-links"

const SECRET = "a-jwt-secret"
const RESET = "https://portal.acme.test/reset-password?token=Zm9vYmFy-_x&email=ana%40example.test"

describe("one-time links in stored emails", () => {
  it("masks the token and nothing else", () => {
    expect(maskLink(RESET)).toBe(`https://portal.acme.test/reset-password?token=${MASK}&email=ana%40example.test`)
    expect(maskLink("https://p.test/account/data-export?export=dexp_1&token=abc")).toBe(`https://p.test/account/data-export?export=dexp_1&token=${MASK}`)
    expect(maskLink("https://p.test/bookings/b_1")).toBe("https://p.test/bookings/b_1")
  })

  it("seals a link so that only the secret opens it", () => {
    const link = sealLink(RESET, SECRET)
    expect(link.url).toBe(maskLink(RESET))
    expect(link.sealed).not.toContain("Zm9vYmFy")
    expect(openLink(link, SECRET)).toBe(RESET)
    // Two seals of one link differ (a fresh IV each time).
    expect(sealLink(RESET, SECRET).sealed).not.toBe(link.sealed)
    expect(() => openLink(link, "another-secret")).toThrow("could not be opened")
  })

  it("refuses a sealed link moved to another shown link, or altered", () => {
    const link = sealLink(RESET, SECRET)
    expect(() => openLink({ url: maskLink("https://evil.test/reset-password?token=x"), sealed: link.sealed }, SECRET)).toThrow("could not be opened")
    const altered = link.sealed.slice(0, -2) + (link.sealed.endsWith("AA") ? "BB" : "AA")
    expect(() => openLink({ url: link.url, sealed: altered }, SECRET)).toThrow("could not be opened")
    expect(() => openLink({ url: link.url, sealed: "v1.short" }, SECRET)).toThrow("malformed")
  })

  it("stores the masked link in the template's field and opens it again for sending, leaving the stored data as it was", () => {
    const stored = withOneTimeLinks({ first_name: "Ana", expires_in_minutes: 15 }, { reset_url: sealLink(RESET, SECRET) })
    expect(stored.reset_url).toBe(maskLink(RESET))
    expect(JSON.stringify(stored)).not.toContain("Zm9vYmFy")
    const before = JSON.stringify(stored)
    const { data, opened } = openOneTimeLinks(stored, SECRET)
    expect(data).toEqual({ first_name: "Ana", expires_in_minutes: 15, reset_url: RESET })
    expect(opened).toEqual([RESET])
    expect(JSON.stringify(stored)).toBe(before)
    expect(stored[SEALED_LINKS]).toBeDefined()
  })

  it("leaves data without one-time links alone, and needs a secret to seal", () => {
    const data = { booking_url: "https://p.test/bookings/b_1" }
    expect(openOneTimeLinks(data, "")).toEqual({ data, opened: [] })
    expect(() => sealLink(RESET, "")).toThrow("JWT secret")
  })
})
