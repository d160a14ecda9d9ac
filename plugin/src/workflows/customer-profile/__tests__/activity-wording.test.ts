import { describe, expect, it } from "vitest"
import { ADDRESS_LABELS, describeChanges, diffFields } from "../activity"
import { profileChangeEntries, PROFILE_LABELS, type CustomerState } from "../steps/customer-state"

const state = (profile: Record<string, unknown>): CustomerState => ({
  customer_id: "cus_1",
  core: { first_name: "Ursula", last_name: "Quill", email: "ursula@example.test", phone: null, company_name: null },
  profile: { status: "active", tags: [], internal_notes: null, email_verified_at: null, ...profile },
  emails: [],
  phones: [],
  custom_fields: {},
  field_labels: {},
})

describe("activity wording", () => {
  it("says an account type change in the page's words, not the stored values", () => {
    const [entry] = profileChangeEntries(state({ kind: "personal" }), state({ kind: "business" }), null)
    expect(entry.message).toBe("Account type changed from “Personal” to “Business”.")
    expect(entry.changes).toEqual([{ field: "kind", label: "Account type", before: "personal", after: "business" }])
  })

  it("labels each field as the customer page does", () => {
    expect(PROFILE_LABELS).toMatchObject({
      kind: "Account type",
      tax_rate_override: "Special tax rate",
      payment_terms_days: "Payment terms",
      marketing_emails: "News and offers",
      reminder_emails: "Appointment reminders",
    })
    expect(ADDRESS_LABELS).toMatchObject({ address_1: "Address", city: "Town or city", province: "County or state", country_code: "Country" })
  })

  it("names countries, tax rates and payment terms as people read them", () => {
    const labels = { country_code: ADDRESS_LABELS.country_code, tax_rate_override: PROFILE_LABELS.tax_rate_override }
    expect(describeChanges("Address", diffFields({ country_code: "gb" }, { country_code: "ie" }, labels))).toBe(
      "Country changed from “United Kingdom” to “Ireland”."
    )
    expect(describeChanges("Profile", diffFields({ tax_rate_override: null }, { tax_rate_override: 5 }, labels))).toBe(
      "Special tax rate changed from nothing to “5%”."
    )
    const [terms] = profileChangeEntries(state({ payment_terms_days: 14 }), state({ payment_terms_days: 30 }), null)
    expect(terms.message).toBe("Payment terms changed from “14 days” to “30 days”.")
  })

  it("never shows a picture's address", () => {
    const [entry] = profileChangeEntries(
      state({ picture_url: "https://files.example.test/private/picture-1.jpg" }),
      state({ picture_url: "https://files.example.test/private/picture-2.jpg" }),
      null
    )
    expect(entry.message).toBe("Profile picture changed from “earlier picture” to “new picture”.")
    expect(entry.message).not.toContain("https://")
  })
})
