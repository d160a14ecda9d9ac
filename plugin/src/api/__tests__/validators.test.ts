import { describe, expect, it } from "vitest"
import { AdminCreateFaq, AdminCreateTerm, AdminUpdateFaq } from "../admin/content/validators"
import { AdminUpdateProfile, StoreUpdateProfile } from "../utils/profile-validators"

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
    expect(messages(StoreUpdateProfile.safeParse({ kind: "corporate" }))).toEqual([
      "kind: kind must be either 'personal' or 'business'",
    ])
    expect(messages(AdminUpdateProfile.safeParse({ status: "banned" }))).toEqual([
      "status: status must be one of 'active', 'blocked' or 'archived'",
    ])
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
      { kind: "mobile", value: "+44 7700 900123", normalized: "447700900123", is_primary: true },
    ])
  })

  it("refuse duplicates, bad formats and a half list", () => {
    expect(messages(StoreUpdateProfile.safeParse({ emails: [{ email: "a@b.co" }, { email: "A@B.CO" }], phones: [] }))).toEqual([
      ': "A@B.CO" is listed twice',
    ])
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
  })
})
