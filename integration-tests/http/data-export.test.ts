import { existsSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer, TINY_PNG, tokenFrom } from "../support/api"
import { createRichCustomer, download, type RichCustomer, unzip } from "../support/data-requests"
import { sql } from "../support/db"
import { MASK, withSentLinks } from "../support/sent-emails"
import { TEST_CARDS } from "../support/stripe"
import { runJob } from "../support/jobs"
import { talkAndComplain } from "../support/customer-conversations"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

let admin: string
let person: RichCustomer
let stranger: Awaited<ReturnType<typeof signUpCustomer>>

beforeAll(async () => {
  admin = await adminToken()
  person = await createRichCustomer("ramona")
  stranger = await signUpCustomer({ first_name: "Stella", last_name: "Stranger" })
}, 120_000)

afterAll(async () => {
  // Other files list every customer field: this one goes with its value.
  await api(`/admin/custom-fields/${person.field.id}?confirm=true`, { token: admin, method: "DELETE" })
})

const key = () => ({ "x-publishable-api-key": inject("publishableKey") })
const asCustomer = (token: string) => ({ ...key(), authorization: `Bearer ${token}` })

/** Asks for the customer's data from the portal and returns the emailed link's export id and token. */
async function requestFromPortal(token: string, email: string) {
  const before = (
    await sql<{ count: number }>(`select count(*)::int as count from notification where "to" = $1 and template = 'data-export-ready'`, [email])
  )[0].count
  const asked = await api("/store/customers/me/data-exports", { token, body: {} })
  expect(asked.status, JSON.stringify(asked.body)).toBe(202)
  expect(asked.body.data_export).toMatchObject({ status: "pending", requested_by: "customer" })
  const mail = await eventually(async () => {
    const rows = await sql<{ data: { download_url: string }; external_id: string | null }>(
      `select data, external_id from notification where "to" = $1 and template = 'data-export-ready' order by created_at desc`,
      [email]
    )
    if (rows.length <= before) throw new Error("no new email yet")
    // The record shows the link's token masked: the real link is the one the customer got.
    return withSentLinks(rows[0])
  }, 30_000)
  const link = new URL(mail.data.download_url)
  expect(link.origin).toBe(new URL(inject("portalUrl")).origin)
  expect(link.pathname).toBe("/account/data-export")
  return { id: link.searchParams.get("export")!, token: tokenFrom(mail.data.download_url) }
}

const downloadPath = (id: string, token: string) => `/store/data-exports/download?export=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`

describe("Download my data (portal)", () => {
  it("emails a link to a ZIP with a JSON file per part and the customer's files", async () => {
    // What they said to the business: a conversation (with a staff note they never see), a complaint, a rating.
    const said = await talkAndComplain(person.token, admin)
    await sql(
      `insert into rating (id, booking_id, booking_number, customer_id, service_title, visit_completed_at, stars, comment)
       values ($1, $2, $3, $4, 'Window clean', now(), 5, 'Sparkling, thank you')`,
      [`rtg_export${Date.now()}`, person.booking.id, person.booking.booking_number, person.customerId]
    )
    const link = await requestFromPortal(person.token, person.values.email)
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // Only the token's hash is stored.
    const [row] = await sql<{ token_hash: string; file_key: string }>(`select token_hash, file_key from data_export where id = $1`, [link.id])
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.token_hash).not.toContain(link.token)

    const zip = await download(downloadPath(link.id, link.token), asCustomer(person.token))
    expect(zip.status, zip.body.toString("utf8").slice(0, 300)).toBe(200)
    expect(zip.headers.get("content-type")).toBe("application/zip")
    expect(zip.headers.get("content-disposition")).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.zip"$/)
    expect(zip.headers.get("cache-control")).toBe("no-store")

    const files = unzip(zip.body)
    for (const part of [
      "README.txt",
      "profile.json",
      "contacts.json",
      "addresses.json",
      "business-profiles.json",
      "dependents.json",
      "custom-fields.json",
      "bookings.json",
      "conversations.json",
      "complaints.json",
      "ratings.json",
      "saved-cards.json",
      "regular-visits-and-billing.json",
      "emails.json",
      "activity.json",
      "consents-and-preferences.json",
    ]) {
      expect(files.names, part).toContain(part)
    }
    const { values } = person
    expect(files.json("profile.json")).toMatchObject({
      id: person.customerId,
      first_name: values.first_name,
      last_name: values.last_name,
      account_email: values.email,
      phone: values.phone,
      picture: "pictures/profile.png",
      kept_by_staff: { internal_notes: values.internal_notes },
    })
    expect(files.bytes("pictures/profile.png").equals(TINY_PNG)).toBe(true)
    const contacts = files.json("contacts.json")
    expect(contacts.emails).toEqual([{ email: values.extra_email }])
    expect(contacts.phone_numbers).toEqual([expect.objectContaining({ number: values.extra_phone, kind: "mobile" })])
    expect(contacts.additional_contacts).toEqual([expect.objectContaining({ name: values.contact_name, emails: [values.contact_email] })])
    expect(files.json("addresses.json").saved_locations).toEqual([
      expect.objectContaining({ address_name: "Home", address_1: values.address_1, address_2: values.address_2, postal_code: "BS6 6PR" }),
    ])
    expect(files.json("business-profiles.json")).toEqual([
      expect.objectContaining({ name: values.business_name, billing_email: values.business_email, address_1: values.business_address }),
    ])
    const [pet] = files.json("dependents.json")
    expect(pet).toMatchObject({ type: "Pet", name: values.dependent_name, notes: values.dependent_notes })
    expect(files.bytes(pet.photo).equals(TINY_PNG)).toBe(true)
    expect(files.json("custom-fields.json")).toEqual([expect.objectContaining({ label: "Gate code", value: values.custom_value, visible_to_customer: true })])

    const [booking] = files.json("bookings.json")
    expect(booking).toMatchObject({
      booking_number: person.booking.booking_number,
      status: "confirmed",
      instructions: values.instructions,
      card: { brand: "visa", last4: "4242" },
      order: { currency: "gbp", number: expect.any(Number) },
    })
    expect(booking.order.total).toBeGreaterThan(0)
    expect(booking.attachments).toEqual([expect.objectContaining({ filename: values.attachment_name, type: "image/png", added_by: "customer" })])
    expect(files.bytes(booking.attachments[0].file).equals(TINY_PNG)).toBe(true)

    const [conversation] = files.json("conversations.json")
    expect(conversation).toMatchObject({ about: "general", title: "General" })
    expect(conversation.messages).toEqual([
      expect.objectContaining({
        from: "you",
        text: said.texts.message,
        files: [expect.objectContaining({ filename: said.texts.file_name, type: "image/png" })],
      }),
      expect.objectContaining({ text: said.texts.reply, files: [] }),
    ])
    expect(files.bytes(conversation.messages[0].files[0].file).equals(TINY_PNG)).toBe(true)
    // Staff's internal notes are not the customer's to see.
    expect(files.text()).not.toContain(said.texts.note)
    const [complaint] = files.json("complaints.json")
    expect(complaint).toMatchObject({
      number: said.complaintNumber,
      description: said.texts.complaint,
      status: "resolved",
      resolution_note: said.texts.resolution,
      photos: [expect.objectContaining({ filename: said.texts.photo_name })],
    })
    expect(files.bytes(complaint.photos[0].file).equals(TINY_PNG)).toBe(true)
    expect(files.json("ratings.json")).toEqual([
      expect.objectContaining({ booking_number: person.booking.booking_number, stars: 5, comment: "Sparkling, thank you", photos: [] }),
    ])

    expect(files.json("saved-cards.json")).toEqual({ cards: [{ brand: "visa", last4: "4242", exp_month: 12, exp_year: expect.any(Number), is_default: true }] })
    // No card number anywhere in the file.
    expect(files.text()).not.toContain(TEST_CARDS.visa)

    const regular = files.json("regular-visits-and-billing.json")
    expect(regular.repeat_visits).toEqual([
      expect.objectContaining({ id: person.series.id, frequency: "every_4_weeks", count: 2, instructions: values.series_instructions, status: "active" }),
    ])
    expect(regular.automatic_payment).toMatchObject({ enabled: true, consented_card: expect.stringMatching(/4242/) })
    expect(regular.invoices_paid_by).toBe("you")
    expect(regular.you_pay_invoices_for).toEqual([{ name: expect.stringMatching(/^Neighbour /), business_profile: null }])

    const emails = files.json("emails.json") as { template: string; subject: string | null; text: string | null; to?: string }[]
    expect(emails.map((email) => email.template)).toEqual(expect.arrayContaining(["account-verification", "booking-confirmation", "staff-message"]))
    expect(emails.find((email) => email.template === "staff-message")).toMatchObject({ subject: `About ${values.dependent_name}`, to: values.email })
    expect(emails.find((email) => email.template === "booking-confirmation")?.text).toContain(person.booking.booking_number)
    // One-time links as stored: masked (docs/security/email-links.md).
    expect(emails.find((email) => email.template === "account-verification")?.text).toContain(`/verify-email?token=${MASK}`)

    const activity = files.json("activity.json") as { kind: string; message: string }[]
    expect(activity.map((line) => line.kind)).toEqual(expect.arrayContaining(["booking_placed", "data_export_requested"]))
    expect(files.json("consents-and-preferences.json")).toMatchObject({
      email_preferences: { marketing_emails: false, reminder_emails: true },
      portal_logins: ["email and password"],
    })

    // The ZIP is a private file: kept outside ./static and never served from /static.
    expect(row.file_key).toMatch(/^private-\d+-data-export-[0-9a-f]{32}\.zip$/)
    expect(existsSync(path.join(ROOT, "uploads/private", row.file_key))).toBe(true)
    expect(existsSync(path.join(ROOT, "static", row.file_key))).toBe(false)
    expect((await download(`/static/${row.file_key}`)).status).toBe(404)

    // The customer's history and the export's record say it happened.
    const history = (await api(`/admin/customers/${person.customerId}/activity?kind=data_export_requested`, { token: admin })).body.activity
    expect(history[0]).toMatchObject({ message: expect.stringMatching(/asked for a copy of their personal data/), actor: { type: "customer" } })
    const mine = await api("/store/customers/me/data-exports", { token: person.token })
    expect(mine.body.data_exports[0]).toMatchObject({ id: link.id, status: "ready", downloaded_at: expect.any(String) })
  })

  it("downloads only once, only for the signed-in customer who asked, with the whole token, before it expires (404 otherwise)", async () => {
    const link = await requestFromPortal(person.token, person.values.email)
    const attempt = (headers: Record<string, string>, token = link.token, id = link.id) => download(downloadPath(id, token), headers)

    const signedOut = await attempt(key())
    expect(signedOut.status).toBe(404)
    expect(JSON.parse(signedOut.body.toString("utf8")).message).toMatch(/works once, for 7 days, for the account that asked/)
    expect((await attempt(asCustomer(stranger.token))).status).toBe(404)
    expect((await attempt(asCustomer(person.token), `${link.token.slice(0, -2)}AA`)).status).toBe(404)
    expect((await attempt(asCustomer(stranger.token), link.token, "dexp_missing")).status).toBe(404)
    expect((await attempt(asCustomer(person.token), "short")).status).toBe(404)
    expect((await download(`/store/data-exports/download?export=${link.id}`, asCustomer(person.token))).status).toBe(404)
    const unknownParameter = await download(`${downloadPath(link.id, link.token)}&format=csv`, asCustomer(person.token))
    expect(unknownParameter.status).toBe(400)
    // None of those used it up.
    expect((await attempt(asCustomer(person.token))).status).toBe(200)
    expect((await attempt(asCustomer(person.token))).status).toBe(404)

    // Another customer can't read the request either.
    expect((await api(`/store/customers/me/data-exports/${link.id}`, { token: stranger.token })).status).toBe(404)
    expect((await api(`/store/customers/me/data-exports/${link.id}`, { token: person.token })).body.data_export.status).toBe("ready")
  })

  it("expires after 7 days: the link stops working and the upkeep job deletes the file", async () => {
    const link = await requestFromPortal(person.token, person.values.email)
    const [row] = await sql<{ file_key: string; expires_at: Date; created_at: Date }>(
      `select file_key, expires_at, created_at from data_export where id = $1`,
      [link.id]
    )
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBeGreaterThan(6.9 * 24 * 3600 * 1000)
    await sql(`update data_export set expires_at = now() - interval '1 minute' where id = $1`, [link.id])
    expect((await download(downloadPath(link.id, link.token), asCustomer(person.token))).status).toBe(404)
    expect(existsSync(path.join(ROOT, "uploads/private", row.file_key))).toBe(true)

    // The scheduled job, run the way Medusa runs scripts against this database.
    await runJob("data-requests-upkeep")
    expect(existsSync(path.join(ROOT, "uploads/private", row.file_key))).toBe(false)
    const [after] = await sql<{ status: string; file_key: string | null; token_hash: string | null }>(
      `select status, file_key, token_hash from data_export where id = $1`,
      [link.id]
    )
    expect(after).toEqual({ status: "expired", file_key: null, token_hash: null })
  }, 180_000)

  it("asking again while a file is being made gives the same request; the body must be empty", async () => {
    // A request whose file is still being made.
    const [making] = await sql<{ id: string }>(
      `insert into data_export (id, customer_id, requested_by, requested_by_id, status) values ('dexp_making_' || md5(random()::text), $1, 'customer', $1, 'pending') returning id`,
      [stranger.customer.id]
    )
    try {
      const again = await api("/store/customers/me/data-exports", { token: stranger.token, body: {} })
      expect(again.status).toBe(202)
      expect(again.body.data_export).toMatchObject({ id: making.id, status: "pending" })
    } finally {
      await sql(`update data_export set status = 'failed' where id = $1`, [making.id])
    }
    const extra = await api("/store/customers/me/data-exports", { token: stranger.token, body: { format: "csv" } })
    expect(extra.status).toBe(400)
    expect(extra.body.message).toMatch(/format/)
    expect((await api("/store/customers/me/data-exports", { body: {} })).status).toBe(401)
  })
})

describe("Download data (staff)", () => {
  it("makes the same file in the background, emails the staff member a link and lists it on the customer page", async () => {
    const asked = await api(`/admin/customers/${person.customerId}/data-exports`, { token: admin, body: {} })
    expect(asked.status, JSON.stringify(asked.body)).toBe(202)
    expect(asked.body.data_export).toMatchObject({ requested_by: "staff", requested_by_email: "admin@example.com" })
    const id = asked.body.data_export.id
    const ready = await eventually(async () => {
      const { body } = await api(`/admin/customers/${person.customerId}/data-requests`, { token: admin })
      const entry = body.data_exports.find((item: { id: string }) => item.id === id)
      expect(entry.status).toBe("ready")
      return entry
    }, 30_000)
    expect(ready.expires_at).toEqual(expect.any(String))

    const mail = await latestEmail("admin@example.com", "data-export-ready-staff")
    expect(mail.data.download_url).toBe(`${inject("backendUrl")}/admin/data-exports/${id}/download`)
    expect(mail.data.customer_label).toBe(`${person.values.first_name} ${person.values.last_name}`)

    const zip = await download(`/admin/data-exports/${id}/download`, { authorization: `Bearer ${admin}` })
    expect(zip.status).toBe(200)
    expect(unzip(zip.body).json("profile.json")).toMatchObject({ id: person.customerId, account_email: person.values.email })
    // Staff may download it again until it expires; nobody else can.
    expect((await download(`/admin/data-exports/${id}/download`, { authorization: `Bearer ${admin}` })).status).toBe(200)
    expect((await download(`/admin/data-exports/${id}/download`)).status).toBe(401)
    expect((await download(`/admin/data-exports/${id}/download`, { authorization: `Bearer ${person.token}` })).status).toBe(401)
    expect((await api(`/admin/customers/cus_missing/data-exports`, { token: admin, body: {} })).status).toBe(404)

    const history = (await api(`/admin/customers/${person.customerId}/activity?kind=data_export_requested`, { token: admin })).body.activity
    expect(history[0]).toMatchObject({
      actor: { type: "staff", email: "admin@example.com" },
      message: expect.stringMatching(/link goes to admin@example\.com/),
    })
  })
})
