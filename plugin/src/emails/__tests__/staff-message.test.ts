import { describe, expect, it } from "vitest"
import { renderEmail } from ".."

const opts = { businessName: "Acme Home Services" }
const count = (text: string, part: string) => text.split(part).length - 1

describe("a staff member's message", () => {
  it("adds no greeting when the message starts with one", async () => {
    const { text } = await renderEmail(
      "staff-message",
      { subject: "Your window clean", body: "Hi Ursula,\n\nWe'll be there at 9am.", first_name: "Ursula", sender_name: "Sam Okafor" },
      opts
    )
    expect(count(text, "Hi Ursula,")).toBe(1)
    expect(text.indexOf("Hi Ursula,")).toBeLessThan(text.indexOf("We'll be there at 9am."))
  })

  it("greets the customer when the message doesn't, and signs with the writer and the business on their own lines", async () => {
    const { text, html } = await renderEmail(
      "staff-message",
      { subject: "Your window clean", body: "We'll be there at 9am.", first_name: "Ursula", sender_name: "Sam Okafor" },
      opts
    )
    expect(text).toMatch(/Hi Ursula,\s+We'll be there at 9am\./)
    expect(text).toMatch(/Sam Okafor\s*\n\s*Acme Home Services/)
    expect(text).not.toContain("Sam OkaforAcme")
    expect(html).toMatch(/Sam Okafor<br\/?>Acme Home Services/)
  })
})

describe("the portal invite", () => {
  it("promises only what the portal has", async () => {
    const { text } = await renderEmail(
      "portal-invite",
      { first_name: "Ana", invite_url: "https://portal.test/accept-invite?token=t", expires_in_days: 7 },
      opts
    )
    expect(text).toContain("book visits and manage your bookings")
    expect(text).not.toMatch(/invoice|message the office/i)
  })
})
