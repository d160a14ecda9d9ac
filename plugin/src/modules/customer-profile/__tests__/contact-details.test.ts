import { describe, expect, it } from "vitest"
import { normalizeContactMethods, normalizePhone } from "../contact-details"

describe("phone numbers", () => {
  it("compare on digits, however they are written", () => {
    expect(normalizePhone("+44 7700 900123")).toBe("447700900123")
    expect(normalizePhone("(07700) 900-123")).toBe("07700900123")
    expect(normalizePhone("020 7946 0321")).toBe("02079460321")
  })

  it("refuse what is not a number", () => {
    expect(normalizePhone("call me")).toBeNull()
    expect(normalizePhone("12345")).toBeNull()
    expect(normalizePhone("+44 7700 900123 ext 4")).toBeNull()
  })
})

describe("a customer's emails and numbers", () => {
  it("makes the first of each the primary when none is chosen, and lower-cases emails", () => {
    const result = normalizeContactMethods([
      { kind: "email", value: "Jo@Example.com" },
      { kind: "email", value: "jo.work@example.com" },
      { kind: "mobile", value: "07700 900123" },
      { kind: "phone", value: "020 7946 0321" },
    ])
    expect(result).toEqual({
      ok: true,
      methods: [
        { kind: "email", value: "jo@example.com", normalized: "jo@example.com", is_primary: true },
        { kind: "email", value: "jo.work@example.com", normalized: "jo.work@example.com", is_primary: false },
        { kind: "mobile", value: "07700 900123", normalized: "07700900123", is_primary: true },
        { kind: "phone", value: "020 7946 0321", normalized: "02079460321", is_primary: false },
      ],
    })
  })

  it("keeps the chosen primary", () => {
    const result = normalizeContactMethods([
      { kind: "mobile", value: "07700 900123" },
      { kind: "phone", value: "020 7946 0321", is_primary: true },
    ])
    expect(result.ok && result.methods.map((m) => m.is_primary)).toEqual([false, true])
  })

  it("refuses duplicates, two primaries and bad formats, naming the value", () => {
    expect(
      normalizeContactMethods([
        { kind: "email", value: "a@b.co" },
        { kind: "email", value: "A@B.co " },
      ])
    ).toEqual({
      ok: false,
      message: '"A@B.co" is listed twice',
    })
    expect(
      normalizeContactMethods([
        { kind: "mobile", value: "07700 900123" },
        { kind: "phone", value: "07700-900-123" },
      ]).ok
    ).toBe(false)
    expect(
      normalizeContactMethods([
        { kind: "email", value: "a@b.co", is_primary: true },
        { kind: "email", value: "c@d.co", is_primary: true },
      ])
    ).toEqual({ ok: false, message: "Only one email can be the primary one" })
    expect(normalizeContactMethods([{ kind: "email", value: "not-an-email" }])).toEqual({
      ok: false,
      message: '"not-an-email" is not a valid email address',
    })
    expect(normalizeContactMethods([{ kind: "phone", value: "none" }])).toEqual({ ok: false, message: '"none" is not a valid phone number' })
  })
})
