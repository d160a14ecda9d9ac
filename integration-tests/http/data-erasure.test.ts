import { existsSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE, PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, eventually, fileUpload, latestEmail } from "../support/api"
import { createRichCustomer, type RichCustomer, scanPattern } from "../support/data-requests"
import { sql } from "../support/db"
import { stripeApi, stripeRequests } from "../support/stripe"
import { talkAndComplain } from "../support/customer-conversations"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

let admin: string
let person: RichCustomer

beforeAll(async () => {
  admin = await adminToken()
  person = await createRichCustomer("ottoline")
}, 120_000)

afterAll(async () => {
  await api(`/admin/custom-fields/${person.field.id}?confirm=true`, { token: admin, method: "DELETE" })
})

type Hit = { where: string; value: string }

/**
 * Every text, varchar, char, json and jsonb column (and text arrays) of every table in every
 * schema of the test database, searched for each value, ignoring case (phone numbers in any format).
 */
async function scanDatabase(values: string[]): Promise<Hit[]> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") })
  await client.connect()
  try {
    const { rows: columns } = await client.query<{ schema: string; table: string; column: string }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'
         AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
              OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))`
    )
    expect(columns.length).toBeGreaterThan(300)
    const patterns = values.map(scanPattern)
    const hits: Hit[] = []
    for (const { schema, table, column } of columns) {
      const { rows } = await client.query<{ pattern: string }>(
        `SELECT DISTINCT p.pattern FROM "${schema}"."${table}" AS t, unnest($1::text[]) AS p(pattern)
         WHERE t."${column}"::text ~* p.pattern`,
        [patterns]
      )
      for (const row of rows) hits.push({ where: `${schema}.${table}.${column}`, value: values[patterns.indexOf(row.pattern)] })
    }
    return hits
  } finally {
    await client.end()
  }
}

/** The stored files of the customer (picture, dependent's photo, booking attachment, message file, complaint photo), by File module key. */
async function storedFileKeys(customerId: string, bookingId: string) {
  const rows = await sql<{ key: string }>(
    `SELECT p.picture_file_id AS key FROM customer_profile p
       JOIN ${PROFILE_LINK_TABLE} l ON l.customer_profile_id = p.id WHERE l.customer_id = $1
     UNION ALL SELECT photo_file_id FROM dependent WHERE customer_id = $1
     UNION ALL SELECT file_id FROM booking_attachment WHERE booking_id = $2
     UNION ALL SELECT file_key FROM data_export WHERE customer_id = $1
     UNION ALL SELECT a.file_id FROM conversation_attachment a JOIN conversation c ON c.id = a.conversation_id WHERE c.customer_id = $1
     UNION ALL SELECT p.file_id FROM complaint_photo p JOIN complaint c ON c.id = p.complaint_id WHERE c.customer_id = $1`,
    [customerId, bookingId]
  )
  return rows.map((row) => row.key).filter(Boolean)
}
const fileExists = (key: string) => existsSync(path.join(ROOT, "static", key)) || existsSync(path.join(ROOT, "uploads/private", key))

/** The customer's payment account holders: Stripe's, and any other provider's Medusa made (the repeat visits' pay-on-the-day sessions). */
const accountHolders = (customerId: string) =>
  sql<{ external_id: string; provider_id: string }>(
    `select h.external_id, h.provider_id from account_holder h join ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} l on l.account_holder_id = h.id where l.customer_id = $1`,
    [customerId]
  )

const erase = (customerId: string, confirm_email: unknown, token = admin) => api(`/admin/customers/${customerId}/erasure`, { token, body: { confirm_email } })

describe("Erase personal data", () => {
  it("is refused without the right confirmation, for anyone but staff, and for an unknown customer, changing nothing", async () => {
    const wrong = await erase(person.customerId, "someone.else@example.test")
    expect(wrong.status).toBe(400)
    expect(wrong.body.message).toMatch(/type the customer's email address exactly: .*Nothing was erased/)
    expect((await erase(person.customerId, "")).status).toBe(400)
    const missing = await api(`/admin/customers/${person.customerId}/erasure`, { token: admin, body: {} })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/confirm_email/)
    expect((await erase(person.customerId, person.values.email, person.token)).status).toBe(401)
    expect((await api(`/admin/customers/${person.customerId}/erasure`, { body: { confirm_email: person.values.email } })).status).toBe(401)
    expect((await erase("cus_missing", "x@example.test")).status).toBe(404)
    const [customer] = await sql<{ email: string }>(`select email from customer where id = $1`, [person.customerId])
    expect(customer.email).toBe(person.values.email)
  })

  it("changes nothing when Stripe can't delete the saved cards (502), so staff can try again", async () => {
    const holder = (await accountHolders(person.customerId)).find((row) => row.provider_id.includes("stripe"))!
    expect(holder.external_id).toMatch(/^cus_/)
    await stripeApi("/_fake/outages", { params: { method: "DELETE", path: `/v1/customers/${holder.external_id}`, times: 10 } })
    try {
      const refused = await erase(person.customerId, person.values.email.toUpperCase())
      expect(refused.status, JSON.stringify(refused.body)).toBe(502)
      expect(refused.body.message).toMatch(/Stripe could not delete the customer's saved cards .*Nothing was erased/)
    } finally {
      await stripeApi("/_fake/outages", { method: "DELETE" })
    }
    const [customer] = await sql<{ email: string; first_name: string }>(`select email, first_name from customer where id = $1`, [person.customerId])
    expect(customer).toEqual({ email: person.values.email, first_name: person.values.first_name })
    expect((await api("/store/customers/me", { token: person.token })).status).toBe(200)
    expect((await stripeApi(`/v1/customers/${holder.external_id}`)).body.deleted).toBeFalsy()
  })

  it("leaves none of the customer's names, emails, phone numbers or address lines in any column of any table", async () => {
    // A CSV import that rejected a row with their email and name (its rejected rows are kept for staff).
    const csv = fileUpload({
      name: "customers.csv",
      type: "text/csv",
      data: Buffer.from(`email,first_name,last_name,status\n${person.values.email},${person.values.first_name},${person.values.last_name},bogus\n`),
    })
    const started = await api("/admin/crm/imports", { token: admin, raw: csv })
    expect(started.status, JSON.stringify(started.body)).toBe(202)
    const imported = await eventually(async () => {
      const { body } = await api(`/admin/crm/imports/${started.body.import.id}`, { token: admin })
      if (body.import.status === "processing") throw new Error("still importing")
      return body.import
    }, 60_000)
    expect(imported).toMatchObject({ status: "completed", rejected_count: 1 })
    // An export asked for earlier: its file goes too.
    expect((await api("/store/customers/me/data-exports", { token: person.token, body: {} })).status).toBe(202)
    await latestEmail(person.values.email, "data-export-ready")
    // What they said to the business: a message with a photo (answered by staff, with a staff note) and a resolved complaint with a photo.
    const said = await talkAndComplain(person.token, admin)
    const theirWords = [said.texts.message, said.texts.file_name, said.texts.complaint, said.texts.photo_name, said.texts.resolution]
    const files = await storedFileKeys(person.customerId, person.booking.id)
    expect(files).toHaveLength(6)
    for (const key of files) expect(fileExists(key), key).toBe(true)
    const holders = await accountHolders(person.customerId)
    expect(
      holders.filter((row) => row.provider_id.includes("stripe")),
      JSON.stringify(holders)
    ).toHaveLength(1)
    const holder = holders.find((row) => row.provider_id.includes("stripe"))!
    const orderBefore = (await api(`/admin/orders/${person.booking.order_id}?fields=display_id,total,payment_status`, { token: admin })).body.order

    // The scan finds every value before: it would notice any left behind.
    const scanned = [...person.scanned, ...theirWords]
    const before = await scanDatabase(scanned)
    expect(scanned.filter((value) => !before.some((hit) => hit.value === value))).toEqual([])

    const erased = await erase(person.customerId, ` ${person.values.email.toUpperCase()} `)
    expect(erased.status, JSON.stringify(erased.body)).toBe(200)
    expect(erased.body.erasure).toMatchObject({ files_deleted: 6, files_pending: 0, warnings: [] })
    expect(erased.body.erasure.summary).toMatchObject({
      customers: 1,
      addresses: 1,
      saved_card_accounts: holders.length,
      dependents: 1,
      business_profiles: 1,
      booking_series: 1,
      bill_payers: 1,
      automatic_payments: 1,
      conversation_messages: 1,
      conversation_files: 1,
      complaints: 1,
      complaint_photos: 1,
    })

    const left = await scanDatabase(scanned)
    expect(left).toEqual([])

    // The conversation and complaint stay, to be counted: the customer's words, name and files are gone; staff's reply stays.
    const messages = await sql<{ author_kind: string; author_name: string; body: string }>(
      "select author_kind, author_name, body from conversation_message where conversation_id = $1 order by created_at",
      [said.conversationId]
    )
    expect(messages).toEqual([
      { author_kind: "customer", author_name: "", body: "" },
      expect.objectContaining({ author_kind: "staff", body: said.texts.reply }),
      expect.objectContaining({ author_kind: "note", body: said.texts.note }),
    ])
    expect(await sql("select id from conversation_attachment where conversation_id = $1", [said.conversationId])).toEqual([])
    const [complaint] = await sql<{ number: string; status: string; description: string; resolution_note: string | null }>(
      "select number, status, description, resolution_note from complaint where id = $1",
      [said.complaintId]
    )
    expect(complaint).toEqual({ number: said.complaintNumber, status: "resolved", description: "", resolution_note: null })
    expect(await sql("select id from complaint_photo where complaint_id = $1", [said.complaintId])).toEqual([])

    // Files, logins and the Stripe customer are gone.
    for (const key of files) expect(fileExists(key), key).toBe(false)
    expect((await api("/auth/customer/emailpass", { body: { email: person.values.email, password: person.password } })).status).toBe(401)
    expect((await api("/store/customers/me", { token: person.token })).status).not.toBe(200)
    expect(
      (await stripeRequests()).some(
        (request) => request.method === "DELETE" && request.path === `/v1/customers/${holder.external_id}` && request.status === 200
      )
    ).toBe(true)
    expect((await stripeApi(`/v1/customers/${holder.external_id}`)).body.deleted).toBe(true)

    // What the accounts need is kept: the customer's id, the booking's number, dates and status, the order's amounts.
    const [booking] = await sql<{ booking_number: string; status: string; order_id: string; email: string }>(
      `select booking_number, status, order_id, email from booking where id = $1`,
      [person.booking.id]
    )
    expect(booking).toMatchObject({ booking_number: person.booking.booking_number, status: "confirmed", order_id: person.booking.order_id })
    expect(booking.email).toBe(`erased+${person.customerId.toLowerCase()}@erased.invalid`)
    const orderAfter = (await api(`/admin/orders/${person.booking.order_id}?fields=display_id,total,payment_status`, { token: admin })).body.order
    expect(orderAfter).toMatchObject({ display_id: orderBefore.display_id, total: orderBefore.total, payment_status: orderBefore.payment_status })
    const customer = (await api(`/admin/customers/${person.customerId}`, { token: admin })).body.customer
    expect(customer).toMatchObject({ id: person.customerId, first_name: "Erased", last_name: "customer", phone: null })

    // Their repeat visits end (no more are booked); the neighbour pays their own invoices again; no automatic payment is left.
    const [series] = await sql<{ status: string; contact: unknown; instructions: string | null }>(
      "select status, contact, instructions from booking_series where id = $1",
      [person.series.id]
    )
    expect(series).toEqual({ status: "ended", contact: null, instructions: null })
    expect(await sql("select id from bill_payer where payer_id = $1 or customer_id = $2", [person.customerId, person.neighbourId])).toEqual([])
    expect(await sql("select id from automatic_payment where customer_id = $1", [person.customerId])).toEqual([])

    // The history says who erased it, and nothing else.
    const history = (await api(`/admin/customers/${person.customerId}/activity?limit=100`, { token: admin })).body
    expect(history.count).toBe(1)
    expect(history.activity[0]).toMatchObject({
      kind: "personal_data_erased",
      message: expect.stringMatching(/^Personal data erased by .*admin@example\.com/),
      actor: { type: "staff", email: "admin@example.com" },
      changes: [],
    })
    const requests = (await api(`/admin/customers/${person.customerId}/data-requests`, { token: admin })).body
    expect(requests.erasures).toEqual([expect.objectContaining({ erased_by: "admin@example.com", files_pending: 0 })])
    expect(requests.data_exports[0]).toMatchObject({ status: "expired" })
  })

  it("keeps answering for the erased customer: their directory row and communication log show nothing personal", async () => {
    const directory = await eventually(async () => {
      const { body } = await api(`/admin/crm/customers?q=${encodeURIComponent(person.values.last_name)}&status=archived`, { token: admin })
      expect(body.customers).toEqual([])
      return body
    })
    expect(directory.customers).toEqual([])
    const log = await api(`/admin/customers/${person.customerId}/communications`, { token: admin })
    expect(log.status).toBe(200)
    expect(log.body.communications.length).toBeGreaterThan(0)
    for (const email of log.body.communications) expect(email.to).toBe(`erased+${person.customerId.toLowerCase()}@erased.invalid`)
  })
})
