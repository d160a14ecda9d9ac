import { describe, expect, it } from "vitest"
import { AdminCreateFaq, AdminCreateTerm, AdminUpdateFaq } from "../admin/content/validators"
import { AdditionalContactCreate, AdditionalContactUpdate } from "../utils/common-validators/additional-contact"
import { BillingAddressUpdate } from "../utils/common-validators/profile-sections"
import { AdminSaveServiceDetails } from "../admin/products/validators"
import { AdminUpdateProfile, StoreUpdateProfile } from "../utils/common-validators/profile"
import { AdminCreateDependentType } from "../admin/dependent-types/validators"

const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? []

describe("profile validators", () => {
  it("lets a customer change their own details but not their status or staff-only fields", () => {
    expect(StoreUpdateProfile.parse({ kind: "business" })).toEqual({ kind: "business", contact_methods: undefined })
    expect(StoreUpdateProfile.safeParse({ internal_notes: "VIP" }).success).toBe(false)
    expect(StoreUpdateProfile.safeParse({ payment_terms_days: 30 }).success).toBe(false)
    expect(StoreUpdateProfile.safeParse({ status: "active" }).success).toBe(false)
    expect(StoreUpdateProfile.safeParse({ kind: "corporate" }).success).toBe(false)
  })

  it("explains what is wrong with a kind or status", () => {
    expect(messages(StoreUpdateProfile.safeParse({ kind: "corporate" }))).toEqual(["kind: kind must be either 'personal' or 'business'"])
    expect(messages(AdminUpdateProfile.safeParse({ status: "banned" }))).toEqual(["status: status must be one of 'active', 'blocked' or 'archived'"])
  })

  it("lets staff set status and kind together", () => {
    expect(AdminUpdateProfile.parse({ status: "archived", kind: "personal" })).toEqual({
      status: "archived",
      kind: "personal",
      contact_methods: undefined,
    })
  })
})

describe("edit info: emails and numbers", () => {
  it("are checked and normalised as one list", () => {
    const parsed = StoreUpdateProfile.parse({
      emails: [{ email: "Jo@Example.com" }, { email: "jo.work@example.com", is_primary: true }],
      phones: [{ number: "+44 7700 900123", type: "mobile" }],
    })
    expect(parsed.contact_methods).toEqual([
      { kind: "email", value: "jo@example.com", normalized: "jo@example.com", is_primary: false },
      { kind: "email", value: "jo.work@example.com", normalized: "jo.work@example.com", is_primary: true },
      { kind: "mobile", value: "+44 7700 900123", normalized: "447700900123", is_primary: false },
    ])
  })

  it("refuse duplicates, bad formats and a half list", () => {
    expect(messages(StoreUpdateProfile.safeParse({ emails: [{ email: "a@b.co" }, { email: "A@B.CO" }], phones: [] }))).toEqual([': "A@B.CO" is listed twice'])
    expect(StoreUpdateProfile.safeParse({ emails: [], phones: [{ number: "not a number" }] }).success).toBe(false)
    expect(StoreUpdateProfile.safeParse({ emails: [{ email: "a@b.co" }] }).success).toBe(false)
  })
})

describe("help content validators", () => {
  it("fills in a new FAQ's category and order", () => {
    expect(AdminCreateFaq.parse({ question: " Do you work weekends? ", answer: "Yes." })).toEqual({
      question: "Do you work weekends?",
      answer: "Yes.",
      category: "General",
      order: 0,
    })
  })

  it("does not reset category or order when an FAQ edit leaves them out", () => {
    expect(AdminUpdateFaq.parse({ answer: "New answer" })).toEqual({ answer: "New answer" })
  })

  it("refuses blank questions, negative order and unknown fields", () => {
    expect(messages(AdminCreateFaq.safeParse({ question: "   ", answer: "A" }))).toEqual(["question: question cannot be empty"])
    expect(AdminCreateFaq.safeParse({ question: "Q", answer: "A", order: -2 }).success).toBe(false)
    expect(AdminCreateFaq.safeParse({ question: "Q", answer: "A", order: 1.5 }).success).toBe(false)
    expect(AdminCreateFaq.safeParse({ question: "Q", answer: "A", draft: true }).success).toBe(false)
  })

  it("accepts a terms document with a date and normalises it", () => {
    const parsed = AdminCreateTerm.parse({
      title: "Privacy notice",
      slug: "privacy-notice",
      body: "We keep your details safe.",
      version: "1.1",
      publishedAt: "2026-02-01",
    })
    expect(parsed.publishedAt).toBe("2026-02-01T00:00:00.000Z")
  })

  it("refuses slugs that would not make a clean address and dates that are not dates", () => {
    const base = { title: "T", body: "B", version: "1", publishedAt: "2026-02-01" }
    expect(AdminCreateTerm.safeParse({ ...base, slug: "Privacy Notice" }).success).toBe(false)
    expect(AdminCreateTerm.safeParse({ ...base, slug: "privacy--notice" }).success).toBe(false)
    expect(AdminCreateTerm.safeParse({ ...base, slug: "privacy", publishedAt: "someday" }).success).toBe(false)
    // Not 1 January 1970, as coercing `false` or `0` would make it.
    expect(AdminCreateTerm.safeParse({ ...base, slug: "privacy", publishedAt: false }).success).toBe(false)
    expect(AdminCreateTerm.safeParse({ ...base, slug: "privacy", publishedAt: 0 }).success).toBe(false)
  })
})

describe("tags", () => {
  it("trims, drops blanks and keeps the first spelling of a tag used twice", () => {
    expect(AdminUpdateProfile.parse({ tags: [" VIP ", "vip", "", "Key holder", "KEY HOLDER"] }).tags).toEqual(["VIP", "Key holder"])
  })

  it("refuses long tags and too many, and customers cannot tag themselves", () => {
    expect(messages(AdminUpdateProfile.safeParse({ tags: ["x".repeat(51)] }))).toEqual(["tags.0: a tag must be at most 50 characters"])
    expect(messages(AdminUpdateProfile.safeParse({ tags: Array.from({ length: 31 }, (_, i) => `tag ${i}`) }))).toEqual(["tags: at most 30 tags"])
    expect(StoreUpdateProfile.safeParse({ tags: ["VIP"] }).success).toBe(false)
  })
})

describe("additional contacts", () => {
  it("checks emails and numbers like Edit info and ignores empty rows", () => {
    expect(AdditionalContactCreate.parse({ name: " Tina ", emails: ["Tina@Example.COM", " "], phones: ["+44 7700 900222"] })).toEqual({
      name: "Tina",
      emails: ["tina@example.com"],
      phones: ["+44 7700 900222"],
    })
    expect(messages(AdditionalContactCreate.safeParse({ name: "T", emails: ["a@b.co", "A@B.co"] }))).toEqual([': "A@B.co" is listed twice'])
    expect(messages(AdditionalContactCreate.safeParse({ name: "T", phones: ["call me"] }))).toEqual([': "call me" is not a valid phone number'])
    expect(messages(AdditionalContactUpdate.safeParse({ name: "" }))).toEqual(["name: Enter the contact's name"])
  })

  it("leaves emails or phones alone on an update that does not send them", () => {
    expect(AdditionalContactUpdate.parse({ role: "Tenant" })).toEqual({ role: "Tenant" })
    expect(AdditionalContactUpdate.parse({ role: "" })).toEqual({ role: null })
  })
})

describe("billing address", () => {
  const address = { address_1: "1 Market Street", city: "Bath", postal_code: "BA1 1AA", country_code: "GB" }

  it("takes 'same as booking address' or a complete address", () => {
    expect(BillingAddressUpdate.parse({ same_as_booking: true })).toEqual({ same_as_booking: true })
    const parsed = BillingAddressUpdate.parse({ same_as_booking: false, address })
    expect(parsed).toMatchObject({ same_as_booking: false, address: { country_code: "gb", province: null, company: null } })
  })

  it("explains what is missing", () => {
    expect(BillingAddressUpdate.safeParse({ same_as_booking: false }).success).toBe(false)
    expect(messages(BillingAddressUpdate.safeParse({ same_as_booking: false, address: { ...address, postal_code: " " } }))).toEqual([
      "address.postal_code: postal_code cannot be empty",
    ])
    expect(BillingAddressUpdate.safeParse({ same_as_booking: true, address }).success).toBe(false)
  })
})

describe("numbers out of range", () => {
  it("refuses orders and ranks no database column could mean, and a typed from-price (it comes from the options)", () => {
    expect(messages(AdminCreateFaq.safeParse({ question: "Q?", answer: "A.", order: 2147483648 }))).toEqual(["order: order must be at most 1000000"])
    expect(AdminCreateFaq.safeParse({ question: "Q?", answer: "A.", order: 1_000_000 }).success).toBe(true)
    expect(messages(AdminCreateDependentType.safeParse({ label_singular: "Pet", label_plural: "Pets", rank: 2147483648 }))).toEqual([
      "rank: rank must be at most 1000000",
    ])
    expect(AdminSaveServiceDetails.safeParse({ starting_rate: 49.5 }).success).toBe(false)
    expect(AdminSaveServiceDetails.safeParse({ duration_minutes: 60, currency_code: " GBP " }).data).toEqual({ duration_minutes: 60, currency_code: "gbp" })
  })
})
