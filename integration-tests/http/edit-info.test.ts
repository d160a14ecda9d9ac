import { describe, expect, it } from "vitest"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, signUpCustomer } from "../support/api"
import { sql } from "../support/db"

describe("My account → Edit info", () => {
  it("saves names, extra names, other emails and numbers; the marked number becomes the account's phone", async () => {
    const { token, email } = await signUpCustomer({ first_name: "Jo", last_name: "March" })
    const saved = await api("/store/customers/me/profile", {
      token,
      body: {
        kind: "business",
        first_name: "Josephine",
        additional_names: ["Jo", "Ms J. March"],
        emails: [{ email: "Jo.March@Example.com" }, { email: "jo@march-writing.co.uk" }],
        phones: [
          { number: "07700 900456", type: "mobile" },
          { number: "+44 20 7946 0999", type: "phone", is_primary: true },
        ],
      },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.profile).toMatchObject({
      kind: "business",
      first_name: "Josephine",
      last_name: "March",
      additional_names: ["Jo", "Ms J. March"],
      account_email: email,
      has_login: true,
      account_phone: "+44 20 7946 0999",
    })
    expect(saved.body.profile.emails.map((e: { value: string }) => e.value)).toEqual(["jo.march@example.com", "jo@march-writing.co.uk"])
    expect(saved.body.profile.phones.map((p: { value: string }) => p.value)).toEqual(["07700 900456"])
    const me = await api("/store/customers/me", { token })
    expect(me.body.customer).toMatchObject({ first_name: "Josephine", phone: "+44 20 7946 0999" })

    // Removing the primary number is saving the list without it: the one left becomes the primary.
    const removed = await api("/store/customers/me/profile", {
      token,
      body: { emails: [{ email: "jo@march-writing.co.uk" }], phones: [{ number: "07700 900456", type: "mobile" }] },
    })
    expect(removed.body.profile).toMatchObject({ account_phone: "07700 900456", phones: [] })
  })

  it("rejects duplicates, bad formats and two primaries, and keeps what was saved", async () => {
    const { token } = await signUpCustomer({ first_name: "Meg", last_name: "March" })
    await api("/store/customers/me/profile", { token, body: { emails: [{ email: "meg@example.com" }], phones: [] } })
    const bad = [
      [{ emails: [{ email: "a@b.co" }, { email: "A@B.CO" }], phones: [] }, /listed twice/],
      [{ emails: [], phones: [{ number: "+44 7700 900123" }, { number: "447700900123" }] }, /listed twice/],
      [{ emails: [{ email: "meg" }], phones: [] }, /not a valid email/],
      [{ emails: [], phones: [{ number: "ring me" }] }, /not a valid phone/],
      [
        {
          emails: [
            { email: "a@b.co", is_primary: true },
            { email: "c@d.co", is_primary: true },
          ],
          phones: [],
        },
        /one email/,
      ],
      // The sign-in email stays the primary one.
      [{ emails: [{ email: "other@example.com", is_primary: true }], phones: [] }, /sign-in email/],
      [{ emails: [{ email: "a@b.co" }] }, /together/],
      [{ additional_names: [""] }, /additional_names/],
    ] as const
    for (const [body, message] of bad) {
      const response = await api("/store/customers/me/profile", { token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    const profile = await api("/store/customers/me/profile", { token })
    expect(profile.body.profile.emails.map((e: { value: string }) => e.value)).toEqual(["meg@example.com"])
  })

  it("keeps staff-only fields away from the customer, both ways", async () => {
    const { customer, token } = await signUpCustomer({ first_name: "Amy", last_name: "March" })
    const admin = await adminToken()
    const staff = await api(`/admin/customers/${customer.id}/profile`, {
      token: admin,
      body: { internal_notes: "Prefers morning visits; dog is nervous", tax_exempt: true, payment_terms_days: 14, reminder_emails: false },
    })
    expect(staff.status).toBe(200)
    expect(staff.body.profile).toMatchObject({ internal_notes: "Prefers morning visits; dog is nervous", tax_exempt: true, payment_terms_days: 14 })

    const portal = await api("/store/customers/me/profile", { token })
    expect(portal.body.profile.reminder_emails).toBe(false)
    for (const field of ["internal_notes", "tax_exempt", "tax_rate_override", "payment_terms_days"]) {
      expect(portal.body.profile).not.toHaveProperty(field)
    }
    const sneaky = await api("/store/customers/me/profile", { token, body: { payment_terms_days: 90 } })
    expect(sneaky.status).toBe(400)
    const invalid = await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { payment_terms_days: -3 } })
    expect(invalid.status).toBe(400)
    const [row] = await sql<{ payment_terms_days: number }>(
      `select p.payment_terms_days from customer_profile p
         join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id where l.customer_id = $1`,
      [customer.id]
    )
    expect(row.payment_terms_days).toBe(14)
  })
})
