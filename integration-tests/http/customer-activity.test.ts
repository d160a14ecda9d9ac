import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer, uniqueEmail } from "../support/api"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Change = { field: string; label: string; before?: unknown; after: unknown }
type Entry = {
  id: string
  kind: string
  message: string
  actor: { type: "staff" | "customer" | "system"; id: string | null; name: string | null; email: string | null }
  changes: Change[]
  data: Record<string, any> | null
  created_at: string
}

const STAFF = { type: "staff", name: "Sam Okafor", email: "admin@example.com" }
const bristol = { address_1: "9 Chandos Road", city: "Bristol", postal_code: "BS6 6PG", country_code: "gb" }

let admin: string
let staffId: string
const cleanup: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  admin = await adminToken()
  staffId = (await api("/admin/users/me", { token: admin })).body.user.id
})

afterAll(async () => {
  for (const undo of cleanup.reverse()) await undo()
})

async function activity(customerId: string, query = ""): Promise<{ activity: Entry[]; count: number; limit: number; offset: number }> {
  const response = await api(`/admin/customers/${customerId}/activity${query}`, { token: admin })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body
}

/** The newest line of this kind (waiting for subscribers), optionally the one whose message matches or that passes `which`. */
async function newest(customerId: string, kind: string, which?: RegExp | ((entry: Entry) => boolean)): Promise<Entry> {
  const wanted = (entry: Entry) => !which || (which instanceof RegExp ? which.test(entry.message) : which(entry))
  return eventually(async () => {
    const { activity: lines } = await activity(customerId, `?kind=${kind}&limit=100`)
    const line = lines.find(wanted)
    if (!line) throw new Error(`no ${kind} line${which ? ` matching ${which}` : ""} yet: ${JSON.stringify(lines.map((l) => l.message))}`)
    return line
  })
}

const change = (entry: Entry, field: string) => entry.changes.find((item) => item.field === field)

describe("the customer's record through Medusa's own routes", () => {
  let customer: Customer
  beforeAll(async () => {
    customer = await signUpCustomer({ first_name: "Hanna", last_name: "Hook" })
  })

  it("records the account the customer created, by the customer", async () => {
    const created = await newest(customer.customer.id, "customer_created")
    expect(created.actor).toMatchObject({ type: "customer", id: customer.customer.id })
    expect(created.message).toContain(customer.email)
    expect(change(created, "first_name")).toMatchObject({ before: null, after: "Hanna" })
    // The portal's verification link confirmed the address.
    expect((await newest(customer.customer.id, "email_verified")).actor).toMatchObject({ type: "customer", id: customer.customer.id })
  })

  it("records a staff edit in Medusa's customer form with the staff member and the values before and after", async () => {
    const response = await api(`/admin/customers/${customer.customer.id}`, {
      token: admin,
      body: { first_name: "Hannah", company_name: "Hook & Co", phone: "+44 117 496 0000" },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const edit = await newest(customer.customer.id, "profile_updated", /First name|Profile updated/)
    expect(edit.actor).toMatchObject({ ...STAFF, id: staffId })
    expect(edit.changes).toEqual([
      { field: "first_name", label: "First name", before: "Hanna", after: "Hannah" },
      { field: "phone", label: "Phone", before: "+44 7700 900000", after: "+44 117 496 0000" },
      { field: "company_name", label: "Company", before: null, after: "Hook & Co" },
    ])
    expect(edit.message).toBe("Profile updated: first name, phone, company.")
  })

  it("records the customer's own edit through the store API, by the customer", async () => {
    const response = await api("/store/customers/me", { token: customer.token, body: { last_name: "Hooke" } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const edit = await newest(customer.customer.id, "profile_updated", /Last name/)
    expect(edit.actor).toMatchObject({ type: "customer", id: customer.customer.id })
    expect(edit.changes).toEqual([{ field: "last_name", label: "Last name", before: "Hook", after: "Hooke" }])
    expect(edit.message).toBe("Last name changed from “Hook” to “Hooke”.")
  })

  it("records addresses added, edited and removed in the admin and the portal", async () => {
    const added = await api(`/admin/customers/${customer.customer.id}/addresses`, {
      token: admin,
      body: { address_name: "Home", ...bristol },
    })
    expect(added.status, JSON.stringify(added.body)).toBe(200)
    const listed = await api(`/admin/customers/${customer.customer.id}/addresses`, { token: admin })
    const addressId = (listed.body.addresses as { id: string; address_name: string }[]).find((a) => a.address_name === "Home")!.id
    const addition = await newest(customer.customer.id, "address_added")
    expect(addition.actor).toMatchObject(STAFF)
    expect(addition.message).toBe("Address added: Home, 9 Chandos Road, Bristol, BS6 6PG.")
    expect(change(addition, "city")).toEqual({ field: "city", label: "Town or city", before: null, after: "Bristol" })

    const moved = await api(`/store/customers/me/addresses/${addressId}`, { token: customer.token, body: { city: "Bath", postal_code: "BA1 1AA" } })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    const edit = await newest(customer.customer.id, "address_updated")
    expect(edit.actor).toMatchObject({ type: "customer", id: customer.customer.id })
    expect(edit.changes).toEqual([
      { field: "city", label: "Town or city", before: "Bristol", after: "Bath" },
      { field: "postal_code", label: "Postcode", before: "BS6 6PG", after: "BA1 1AA" },
    ])

    const removed = await api(`/admin/customers/${customer.customer.id}/addresses/${addressId}`, { token: admin, method: "DELETE" })
    expect(removed.status).toBe(200)
    const removal = await newest(customer.customer.id, "address_removed")
    expect(removal.actor).toMatchObject(STAFF)
    expect(removal.message).toBe("Address removed: Home, 9 Chandos Road, Bath, BA1 1AA.")
    expect(change(removal, "city")).toEqual({ field: "city", label: "Town or city", before: "Bath", after: null })
  })

  it("records a customer staff create in the admin, by the staff member", async () => {
    const email = uniqueEmail("walkin")
    const created = await api("/admin/customers", { token: admin, body: { email, first_name: "Walk", last_name: "In" } })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const line = await newest(created.body.customer.id, "customer_created")
    expect(line.actor).toMatchObject(STAFF)
    expect(line.message).toBe(`Customer created (Walk In, ${email}).`)
  })
})

describe("the profile, its sections and the status", () => {
  let customer: Customer
  let fieldKey: string
  beforeAll(async () => {
    customer = await signUpCustomer({ first_name: "Pia", last_name: "Profile" })
    fieldKey = `gate_${Date.now().toString(36)}`
    const field = await api("/admin/custom-fields", { token: admin, body: { target_type: "customer", key: fieldKey, label: "Gate code", type: "text" } })
    expect(field.status, JSON.stringify(field.body)).toBe(201)
    cleanup.push(() => api(`/admin/custom-fields/${field.body.custom_field.id}?confirm=true`, { token: admin, method: "DELETE" }))
  })

  it("records each part of a staff profile edit as its own line, with before and after", async () => {
    const id = customer.customer.id
    const first = await api(`/admin/customers/${id}/profile`, {
      token: admin,
      body: {
        internal_notes: "Dog in the garden",
        tags: ["VIP", "Residential"],
        custom_fields: { [fieldKey]: "1234" },
        emails: [{ email: "pia.work@example.test" }],
        // The sign-up phone stays the primary one; the new number is an extra.
        phones: [
          { number: "+44 7700 900000", type: "mobile", is_primary: true },
          { number: "07700 900123", type: "mobile" },
        ],
        payment_terms_days: 14,
      },
    })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const notes = await newest(id, "note_updated")
    expect(notes).toMatchObject({ message: "Internal note added.", actor: STAFF })
    expect(notes.changes).toEqual([{ field: "internal_notes", label: "Internal notes", before: null, after: "Dog in the garden" }])
    expect((await newest(id, "tags_updated")).message).toBe("Tags: added “VIP”, “Residential”.")
    expect((await newest(id, "custom_fields_updated")).changes).toEqual([{ field: fieldKey, label: "Gate code", before: null, after: "1234" }])
    const methods = await newest(id, "contact_methods_updated")
    expect(change(methods, "emails")).toMatchObject({ before: [], after: ["pia.work@example.test"] })
    expect(change(methods, "phones")).toMatchObject({ before: [], after: ["07700 900123 (mobile)"] })
    expect((await newest(id, "profile_updated", /Payment terms/)).changes).toEqual([
      { field: "payment_terms_days", label: "Payment terms", before: null, after: 14 },
    ])

    // The customer edits their own custom field and names in the portal.
    const own = await api("/store/customers/me/profile", { token: customer.token, body: { first_name: "Pippa", kind: "business" } })
    expect(own.status, JSON.stringify(own.body)).toBe(200)
    const mine = await newest(id, "profile_updated", /Profile updated: first name, account type/)
    expect(mine.actor).toMatchObject({ type: "customer", id })
    expect(change(mine, "kind")).toMatchObject({ before: "personal", after: "business" })

    const second = await api(`/admin/customers/${id}/profile`, {
      token: admin,
      body: { internal_notes: "Dog friendly", tags: ["VIP"], custom_fields: { [fieldKey]: "9876" } },
    })
    expect(second.status).toBe(200)
    const edited = await newest(id, "note_updated", /edited/)
    expect(edited.changes).toEqual([{ field: "internal_notes", label: "Internal notes", before: "Dog in the garden", after: "Dog friendly" }])
    expect((await newest(id, "tags_updated", /removed/)).message).toBe("Tags: removed “Residential”.")
    expect((await newest(id, "custom_fields_updated", /9876/)).changes).toEqual([{ field: fieldKey, label: "Gate code", before: "1234", after: "9876" }])

    // Saving the same values again is no news.
    const before = (await activity(id)).count
    await api(`/admin/customers/${id}/profile`, { token: admin, body: { internal_notes: "Dog friendly", tags: ["VIP"] } })
    expect((await activity(id)).count).toBe(before)
  })

  it("records block, unblock, archive, unarchive, delete and restore with who did it", async () => {
    const id = customer.customer.id
    for (const status of ["blocked", "active", "archived", "active"]) {
      const response = await api(`/admin/customers/${id}/profile`, { token: admin, body: { status } })
      expect(response.status, JSON.stringify(response.body)).toBe(200)
    }
    const statuses = (await activity(id, "?kind=status_changed")).activity
    expect(statuses.map((entry) => [entry.data?.from, entry.data?.to])).toEqual([
      ["archived", "active"],
      ["active", "archived"],
      ["blocked", "active"],
      ["active", "blocked"],
    ])
    expect(statuses.map((entry) => entry.message.split(":")[0])).toEqual([
      "Customer unarchived.",
      "Customer archived",
      "Customer unblocked.",
      "Customer blocked",
    ])
    expect(statuses[3]).toMatchObject({ actor: STAFF, changes: [{ field: "status", label: "Status", before: "active", after: "blocked" }] })

    expect((await api(`/admin/customers/${id}/account`, { token: admin, method: "DELETE" })).status).toBe(200)
    const deleted = await newest(id, "customer_deleted")
    expect(deleted.actor).toMatchObject(STAFF)
    // A deleted customer's history stays readable for the restore page.
    expect((await activity(id)).count).toBeGreaterThan(0)
    expect((await api(`/admin/customers/${id}/restore`, { token: admin, method: "POST" })).status).toBe(200)
    expect((await newest(id, "customer_restored")).changes).toEqual([{ field: "deleted", label: "Deleted", before: true, after: false }])
  })

  it("records extra contacts, business profiles and dependents from the portal and the admin", async () => {
    const id = customer.customer.id
    const contact = await api("/store/customers/me/additional-contacts", {
      token: customer.token,
      body: { name: "Tom Tenant", role: "Tenant", emails: ["tom@example.test"] },
    })
    expect(contact.status, JSON.stringify(contact.body)).toBe(201)
    const added = await newest(id, "additional_contact_added")
    expect(added).toMatchObject({ message: "Contact added: Tom Tenant (Tenant).", actor: { type: "customer", id } })
    await api(`/admin/customers/${id}/additional-contacts/${contact.body.additional_contact.id}`, { token: admin, body: { role: "Landlord" } })
    const renamed = await newest(id, "additional_contact_updated")
    expect(renamed).toMatchObject({ actor: STAFF, changes: [{ field: "role", label: "Role", before: "Tenant", after: "Landlord" }] })
    await api(`/store/customers/me/additional-contacts/${contact.body.additional_contact.id}`, { token: customer.token, method: "DELETE" })
    expect((await newest(id, "additional_contact_removed")).message).toBe("Contact removed: Tom Tenant (Landlord).")

    const business = await api("/store/customers/me/business-profiles", {
      token: customer.token,
      body: { name: "Pia Ltd", billing_email: "accounts@pia.test", ...bristol },
    })
    expect(business.status, JSON.stringify(business.body)).toBe(201)
    expect((await newest(id, "business_profile_added")).message).toBe("Business profile added: Pia Ltd.")
    await api(`/admin/customers/${id}/business-profiles/${business.body.business_profile.id}`, { token: admin, body: { tax_id: "GB123" } })
    expect((await newest(id, "business_profile_updated")).changes).toEqual([{ field: "tax_id", label: "Tax ID", before: null, after: "GB123" }])
    await api(`/admin/customers/${id}/business-profiles/${business.body.business_profile.id}`, { token: admin, method: "DELETE" })
    expect((await newest(id, "business_profile_removed")).actor).toMatchObject(STAFF)

    const type = await api("/admin/dependent-types", { token: admin, body: { label_singular: "Vehicle", label_plural: "Vehicles" } })
    expect(type.status, JSON.stringify(type.body)).toBe(201)
    cleanup.push(() => api(`/admin/dependent-types/${type.body.dependent_type.id}?confirm=true`, { token: admin, method: "DELETE" }))
    const van = await api(`/admin/customers/${id}/dependents`, { token: admin, body: { type_id: type.body.dependent_type.id, name: "Blue van" } })
    expect(van.status, JSON.stringify(van.body)).toBe(201)
    expect((await newest(id, "dependent_added")).message).toBe("Vehicle “Blue van” added.")
    await api(`/admin/customers/${id}/dependents/${van.body.dependent.id}`, { token: admin, body: { notes: "Parks on the drive" } })
    expect((await newest(id, "dependent_updated")).changes).toEqual([{ field: "notes", label: "Notes", before: null, after: "Parks on the drive" }])
    await api(`/admin/customers/${id}/dependents/${van.body.dependent.id}`, { token: admin, method: "DELETE" })
    expect((await newest(id, "dependent_removed")).changes).toEqual([
      { field: "name", label: "Name", before: "Blue van", after: null },
      { field: "notes", label: "Notes", before: "Parks on the drive", after: null },
    ])
  })
})

describe("bookings and emails", () => {
  let customer: Customer
  beforeAll(async () => {
    customer = await signUpCustomer({ first_name: "Bea", last_name: "Booker" })
  })

  it("records a booking the customer places in the portal, and the emails sent about it", async () => {
    const service = (await api("/store/services/regular-home-clean")).body.service
    const windows = ((await api("/store/services/regular-home-clean/availability?days=28")).body.windows as { starts_at: string }[]).slice(12, -2)
    let booking: { id: string; booking_number: string } | null = null
    for (const window of windows.sort(() => Math.random() - 0.5)) {
      const response = await api("/store/customers/me/bookings", {
        token: customer.token,
        body: { service_id: service.id, variant_id: service.variants[0].id, starts_at: window.starts_at, location: { address: bristol } },
      })
      if (response.status === 201) {
        booking = response.body.booking
        break
      }
      expect(response.status, JSON.stringify(response.body)).toBe(409)
    }
    expect(booking).not.toBeNull()
    const placed = await newest(customer.customer.id, "booking_placed")
    expect(placed.actor).toMatchObject({ type: "customer", id: customer.customer.id })
    expect(placed.message).toMatch(new RegExp(`^Booking ${booking!.booking_number} placed: Regular Home Clean .*, arriving between`))
    expect((await newest(customer.customer.id, "address_added")).message).toBe("Address added while booking: 9 Chandos Road, Bristol, BS6 6PG.")

    const email = await newest(customer.customer.id, "email_sent", (entry) => entry.data?.template === "booking-confirmation")
    expect(email.actor.type).toBe("system")
    expect(email.data).toMatchObject({ template: "booking-confirmation", to: customer.email })

    const cancelled = await api(`/store/customers/me/bookings/${booking!.id}/cancel`, { token: customer.token, body: { reason: "Away that week" } })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const line = await newest(customer.customer.id, "booking_cancelled")
    expect(line.message).toMatch(/cancelled by the customer: Away that week$/)
    expect(line.changes).toEqual([{ field: "status", label: `Status of ${booking!.booking_number}`, before: "confirmed", after: "cancelled" }])
  })

  it("records a portal invite staff send once: the invite's line, not a second line for its email", async () => {
    const email = uniqueEmail("invitee")
    const created = await api("/admin/customers", { token: admin, body: { email, first_name: "Ivy" } })
    const id = created.body.customer.id
    const invite = await api(`/admin/customers/${id}/portal-invite`, { token: admin, method: "POST" })
    expect(invite.status, JSON.stringify(invite.body)).toBe(200)
    const line = await newest(id, "portal_invite_sent")
    expect(line.actor).toMatchObject(STAFF)
    expect(line.message).toBe(`Portal invite sent to ${email} (the link works for 7 days).`)
    // The email is sent after the workflow: wait for it in the communication log, then count lines.
    await eventually(async () => {
      const { communications } = (await api(`/admin/customers/${id}/communications`, { token: admin })).body
      if (!communications.some((sent: { template: string; status: string }) => sent.template === "portal-invite" && sent.status === "sent")) {
        throw new Error("the invite is not sent yet")
      }
    }, 30_000)
    const all = await activity(id, "?limit=100")
    expect(all.activity.filter((entry) => entry.message.includes(email) && entry.kind !== "customer_created")).toHaveLength(1)
  })
})

describe("reading the timeline", () => {
  let customer: Customer
  beforeAll(async () => {
    customer = await signUpCustomer({ first_name: "Page", last_name: "Turner" })
    for (let i = 1; i <= 5; i++) {
      await api(`/admin/customers/${customer.customer.id}/profile`, { token: admin, body: { internal_notes: `Note ${i}` } })
    }
  })

  it("pages newest first, without gaps or repeats, and filters by kind", async () => {
    const all = await activity(customer.customer.id, "?limit=100")
    expect(all.count).toBe(all.activity.length)
    const times = all.activity.map((entry) => new Date(entry.created_at).getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    const pages: Entry[] = []
    for (let offset = 0; offset < all.count; offset += 3) {
      const page = await activity(customer.customer.id, `?limit=3&offset=${offset}`)
      expect(page).toMatchObject({ count: all.count, limit: 3, offset })
      pages.push(...page.activity)
    }
    expect(pages.map((entry) => entry.id)).toEqual(all.activity.map((entry) => entry.id))

    const notes = await activity(customer.customer.id, "?kind=note_updated")
    expect(notes.activity.map((entry) => entry.changes[0].after)).toEqual(["Note 5", "Note 4", "Note 3", "Note 2", "Note 1"])
    const two = await activity(customer.customer.id, "?kind=note_updated,customer_created")
    expect(two.count).toBe(6)
  })

  it("is append-only: there is no route to change or delete a line", async () => {
    const [line] = (await activity(customer.customer.id, "?limit=1")).activity
    const attempts = [
      api(`/admin/customers/${customer.customer.id}/activity`, { token: admin, method: "DELETE" }),
      api(`/admin/customers/${customer.customer.id}/activity`, { token: admin, body: { kind: "x", message: "forged" } }),
      api(`/admin/customers/${customer.customer.id}/activity/${line.id}`, { token: admin, method: "DELETE" }),
      api(`/admin/customers/${customer.customer.id}/activity/${line.id}`, { token: admin, body: { message: "rewritten" } }),
    ]
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404)
    const [row] = await sql<{ message: string; deleted_at: string | null }>(`select message, deleted_at from customer_activity where id = $1`, [line.id])
    expect(row).toEqual({ message: line.message, deleted_at: null })
  })

  it("answers bad pages and unknown customers plainly, and only to staff", async () => {
    for (const [query, message] of [
      ["?limit=0", /limit must be at least 1/],
      ["?limit=500", /limit must be at most 100/],
      ["?offset=-1", /offset cannot be negative/],
      ["?kind=DROP%20TABLE", /kind must be one or more activity kinds/],
    ] as const) {
      const response = await api(`/admin/customers/${customer.customer.id}/activity${query}`, { token: admin })
      expect(response.status, query).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect((await api(`/admin/customers/${customer.customer.id}/activity?sort=x`, { token: admin })).status).toBe(400)
    expect((await api("/admin/customers/cus_does_not_exist/activity", { token: admin })).status).toBe(404)
    expect((await api(`/admin/customers/${customer.customer.id}/activity`, { token: customer.token })).status).toBe(401)
  })
})
