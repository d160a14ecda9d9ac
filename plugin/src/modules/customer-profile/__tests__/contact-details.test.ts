import { describe, expect, it } from "vitest"
import { extrasBeside, normalizeContactMethods, normalizePhone, splitPrimaryContacts, type NormalizedContactMethod } from "../contact-details"

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
  it("lower-cases emails and leaves the primary unchosen when none is marked", () => {
    const result = normalizeContactMethods([
      { kind: "email", value: "Jo@Example.com" },
      { kind: "email", value: "jo.work@example.com" },
      { kind: "mobile", value: "07700 900123" },
      { kind: "phone", value: "020 7946 0321" },
    ])
    expect(result).toEqual({
      ok: true,
      methods: [
        { kind: "email", value: "jo@example.com", normalized: "jo@example.com", is_primary: false },
        { kind: "email", value: "jo.work@example.com", normalized: "jo.work@example.com", is_primary: false },
        { kind: "mobile", value: "07700 900123", normalized: "07700900123", is_primary: false },
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
    // One number written nationally and internationally.
    expect(
      normalizeContactMethods([
        { kind: "mobile", value: "07700 900123" },
        { kind: "mobile", value: "+44 7700 900123" },
      ])
    ).toEqual({
      ok: false,
      message: '"+44 7700 900123" is listed twice',
    })
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

describe("the primary email and phone are the customer's own", () => {
  const list = (...items: [NormalizedContactMethod["kind"], string, boolean?][]) => {
    const result = normalizeContactMethods(items.map(([kind, value, is_primary]) => ({ kind, value, is_primary })))
    if (!result.ok) throw new Error(result.message)
    return result.methods
  }
  const values = (methods: NormalizedContactMethod[]) => methods.map((method) => method.value)

  it("swaps the marked number with the customer's phone, keeping the old one as an extra", () => {
    const result = splitPrimaryContacts(list(["mobile", "07700 900111"], ["phone", "020 7946 0321", true]), {
      email: "jo@example.com",
      phone: "07700 900111",
      has_account: true,
    })
    expect(result.ok && result.plan.phone).toBe("020 7946 0321")
    expect(result.ok && values(result.plan.extras)).toEqual(["07700 900111"])
    expect(result.ok && result.plan.extras.every((method) => !method.is_primary)).toBe(true)
  })

  it("keeps the current phone when none is marked, and the first number when it was removed", () => {
    const current = { email: "jo@example.com", phone: "+44 7700 900111", has_account: true }
    const kept = splitPrimaryContacts(list(["phone", "020 7946 0321"], ["mobile", "07700 900111"]), current)
    expect(kept.ok && kept.plan.phone).toBe("07700 900111")
    const replaced = splitPrimaryContacts(list(["phone", "020 7946 0321"], ["mobile", "07700 900222"]), current)
    expect(replaced.ok && [replaced.plan.phone, values(replaced.plan.extras)]).toEqual(["020 7946 0321", ["07700 900222"]])
    expect(splitPrimaryContacts([], current)).toEqual({ ok: true, plan: { phone: null, extras: [] } })
  })

  it("keeps the sign-in email primary for a customer with a login, and refuses another", () => {
    const current = { email: "Jo@Example.com", phone: null, has_account: true }
    const result = splitPrimaryContacts(list(["email", "jo@example.com"], ["email", "jo.work@example.com"]), current)
    expect(result).toEqual({ ok: true, plan: { phone: null, extras: list(["email", "jo.work@example.com"]) } })
    expect(splitPrimaryContacts(list(["email", "jo.work@example.com", true]), current)).toEqual({
      ok: false,
      message: "Jo@Example.com is the sign-in email, so it stays the primary email; jo.work@example.com can only be an extra one",
    })
  })

  it("makes the marked email the customer's own for a customer without a login", () => {
    const result = splitPrimaryContacts(list(["email", "jo@example.com"], ["email", "jo.work@example.com", true]), {
      email: "jo@example.com",
      phone: null,
      has_account: false,
    })
    expect(result.ok && [result.plan.email, values(result.plan.extras)]).toEqual(["jo.work@example.com", ["jo@example.com"]])
  })

  it("drops extras that repeat the customer's own email or phone", () => {
    const extras = extrasBeside(list(["email", "jo@example.com"], ["mobile", "+44 7700 900111"], ["phone", "020 7946 0321"]), {
      email: "JO@example.com",
      phone: "07700 900111",
    })
    expect(values(extras)).toEqual(["020 7946 0321"])
  })
})
