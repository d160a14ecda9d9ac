import { randomInt, randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, fileUpload } from "../support/api"
import { insertBooking } from "../support/bookings"

/**
 * The staff customer directory: search as you type over names, emails, extra emails and phones
 * (any format), business names; filters; order; pages; status changes; the CSV export. Every
 * customer here carries `run` in their name so the assertions only see this file's customers.
 */
let admin: string
const run = `Qz${randomUUID().replace(/-/g, "").slice(0, 8)}`
const digits = String(randomInt(10_000, 99_999))
type Made = { id: string; email: string }
let wilma: Made
let bert: Made
let cara: Made

const list = (query: string) => api(`/admin/crm/customers?${query}`, { token: admin })
const ids = (response: { body: { customers: { id: string }[] } }) => response.body.customers.map((customer) => customer.id)
const mine = (query: string) => list(`q=${run}&${query}`)

async function createCustomer(body: Record<string, unknown>): Promise<Made> {
  const response = await api("/admin/customers", { token: admin, body })
  if (response.status !== 200) throw new Error(`creating a customer failed: ${response.status} ${JSON.stringify(response.body)}`)
  return { id: response.body.customer.id, email: response.body.customer.email }
}

async function updateProfile(customerId: string, body: Record<string, unknown>) {
  const response = await api(`/admin/customers/${customerId}/profile`, { token: admin, body })
  if (response.status !== 200) throw new Error(`profile update failed: ${response.status} ${JSON.stringify(response.body)}`)
}

beforeAll(async () => {
  admin = await adminToken()
  wilma = await createCustomer({
    email: `wilma.${run.toLowerCase()}@example.test`,
    first_name: "Wilhelmina",
    last_name: `Quaxley${run}`,
    phone: `+44 7700 9${digits}`,
  })
  bert = await createCustomer({ email: `bert.${run.toLowerCase()}@example.test`, first_name: "Bert", last_name: `Abbott${run}` })
  cara = await createCustomer({ email: `cara.${run.toLowerCase()}@example.test`, first_name: "Cara", last_name: `Mendez${run}`, company_name: "Cara Co" })
  await updateProfile(wilma.id, {
    emails: [{ email: wilma.email, is_primary: true }, { email: `accounts.${run.toLowerCase()}@wilma-works.test` }],
    phones: [
      { number: `+44 7700 9${digits}`, type: "mobile", is_primary: true },
      { number: `01632 9${digits.slice(0, 4)}7`, type: "phone" },
    ],
    tags: ["VIP", `Directory ${run}`],
    custom_fields: { heard_about_us: "Leaflet", holds_key: true },
  })
  await updateProfile(bert.id, { tags: [`Directory ${run}`], custom_fields: { heard_about_us: "Google" } })
  const business = await api(`/admin/customers/${cara.id}/business-profiles`, {
    token: admin,
    body: {
      name: `Zephyr Lettings ${run}`,
      billing_email: `billing.${run.toLowerCase()}@zephyr.test`,
      address_1: "1 Quay Street",
      city: "Bristol",
      postal_code: "BS1 4DJ",
      country_code: "gb",
    },
  })
  expect(business.status).toBe(201)
  // Every customer's row has caught up with what was written.
  await eventually(async () => {
    const rows = (await mine("")).body.customers
    expect(rows).toHaveLength(3)
    expect(rows.find((row: any) => row.id === wilma.id).tags).toContain("VIP")
    expect(rows.find((row: any) => row.id === cara.id).business_names).toBe(`Zephyr Lettings ${run}`)
  })
}, 60_000)

describe("search as you type", () => {
  it("finds a customer by a phone number written another way, extra emails and numbers, business and names", async () => {
    // Stored as "+44 7700 9…", typed the national way and with spaces.
    expect(ids(await list(`q=${encodeURIComponent(`07700 9${digits}`)}`))).toEqual([wilma.id])
    expect(ids(await list(`q=${encodeURIComponent(`07700${"9" + digits}`)}`))).toEqual([wilma.id])
    // The extra landline, stored nationally, typed as +44.
    expect(ids(await list(`q=${encodeURIComponent(`+44 1632 9${digits.slice(0, 4)}7`)}`))).toEqual([wilma.id])
    expect(ids(await list(`q=${encodeURIComponent(`accounts.${run.toLowerCase()}@wilma`)}`))).toEqual([wilma.id])
    expect(ids(await list(`q=${encodeURIComponent(`zephyr lettings ${run}`)}`))).toEqual([cara.id])
    // Several words: all must match, in any order, any case.
    expect(ids(await list(`q=${encodeURIComponent(`QUAXLEY${run} wilhel`)}`))).toEqual([wilma.id])
    expect(ids(await list(`q=${encodeURIComponent(`bert ${run}`)}`))).toEqual([bert.id])
    expect((await list(`q=${encodeURIComponent(`nobody-${run}`)}`)).body).toMatchObject({ customers: [], count: 0 })
  })

  it("finds a customer by street, town and postcode, the postcode with or without its space", async () => {
    const street = `${randomInt(100, 999)} Juniper${run} Road`
    const added = await api(`/admin/customers/${bert.id}/addresses`, {
      token: admin,
      body: { address_1: street, address_2: "Flat 2", city: `Clifton${run}`, postal_code: "BS6 7QT", country_code: "gb" },
    })
    expect(added.status, JSON.stringify(added.body)).toBe(200)
    await eventually(async () => expect(ids(await list(`q=${encodeURIComponent(`juniper${run} road`)}`))).toEqual([bert.id]))
    expect(ids(await list(`q=${encodeURIComponent(`clifton${run}`)}`))).toEqual([bert.id])
    for (const postcode of ["bs67qt", "BS6 7QT", "bs6 7qt", "BS67QT"]) {
      expect(ids(await list(`q=${encodeURIComponent(`${postcode} ${run}`)}`)), postcode).toEqual([bert.id])
    }
  })

  it("treats % and _ as the characters they are", async () => {
    expect((await list(`q=${encodeURIComponent(`${run}%`)}`)).body.count).toBe(0)
    expect((await list(`q=${encodeURIComponent(`q_${run.slice(1)}`)}`)).body.count).toBe(0)
  })
})

describe("filters, order and pages", () => {
  it("filters by tag, custom field value and status", async () => {
    expect(ids(await mine("tag=VIP"))).toEqual([wilma.id])
    expect(ids(await mine(`tag=${encodeURIComponent(`Directory ${run}`)}&order=name`))).toEqual([bert.id, wilma.id])
    expect(ids(await mine("custom[heard_about_us]=Google"))).toEqual([bert.id])
    expect(ids(await mine("custom[holds_key]=yes"))).toEqual([wilma.id])
    expect(ids(await mine("custom[heard_about_us]=Leaflet&tag=VIP"))).toEqual([wilma.id])
  })

  it("orders by name either way and pages with a count", async () => {
    expect(ids(await mine("order=name"))).toEqual([bert.id, cara.id, wilma.id])
    expect(ids(await mine("order=-name"))).toEqual([wilma.id, cara.id, bert.id])
    expect(ids(await mine("order=-created_at"))).toEqual([cara.id, bert.id, wilma.id])
    const page = await mine("order=name&limit=1&offset=1")
    expect(page.body).toMatchObject({ count: 3, count_capped: false, limit: 1, offset: 1 })
    expect(ids(page)).toEqual([cara.id])
  })

  it("filters by upcoming visit and by the last visit's date", async () => {
    const now = Date.now()
    await insertBooking({ email: wilma.email, customer_id: wilma.id, starts_at: new Date(now - 20 * 86_400_000).toISOString(), status: "completed" })
    await insertBooking({ email: wilma.email, customer_id: wilma.id, starts_at: new Date(now + 5 * 86_400_000).toISOString() })
    await insertBooking({ email: bert.email, customer_id: bert.id, starts_at: new Date(now - 3 * 86_400_000).toISOString(), status: "completed" })
    // A cancelled visit counts for nothing.
    await insertBooking({ email: cara.email, customer_id: cara.id, starts_at: new Date(now + 9 * 86_400_000).toISOString(), status: "cancelled" })
    // Bookings written straight into the database: any change to the customer brings the row up to date.
    for (const customer of [wilma, bert, cara]) {
      expect((await api(`/admin/customers/${customer.id}`, { token: admin, body: { metadata: { touched: run } } })).status).toBe(200)
    }
    await eventually(async () => expect(ids(await mine("has_upcoming_booking=true"))).toEqual([wilma.id]))
    expect(ids(await mine("has_upcoming_booking=false&order=name"))).toEqual([bert.id, cara.id])

    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10)
    expect(ids(await mine(`last_booking_from=${day(-7)}`))).toEqual([bert.id])
    expect(ids(await mine(`last_booking_from=${day(-30)}&last_booking_to=${day(-10)}`))).toEqual([wilma.id])
    expect(ids(await mine(`order=-last_booking_at`))).toEqual([bert.id, wilma.id, cara.id])
    const row = (await mine("has_upcoming_booking=true")).body.customers[0]
    expect(row).toMatchObject({ booking_count: 2 })
    expect(new Date(row.next_booking_at).getTime()).toBeGreaterThan(now)
  })

  it("answers bad filters with a 400 that says what is wrong", async () => {
    const cases: [string, RegExp][] = [
      ["status=gone", /status must be one or more of active, blocked, archived, deleted/],
      ["order=shoe_size", /order must be one of/],
      ["limit=1000", /limit/],
      ["last_booking_from=yesterday", /last_booking_from must be a date like 2026-12-01/],
      ["has_upcoming_booking=maybe", /has_upcoming_booking must be "true" or "false"/],
      ["custom[shoe_size]=9", /There is no customer custom field "shoe_size"/],
      ["custom[heard_about_us]=Telepathy", /must be one of/],
      ["custom[holds_key]=perhaps", /We hold a key/],
      ["unknown=1", /unknown/i],
    ]
    for (const [query, message] of cases) {
      const response = await list(query)
      expect(response.status, query).toBe(400)
      expect(response.body.message, query).toMatch(message)
    }
    expect((await api("/admin/crm/customers")).status).toBe(401)
  })
})

describe("status: archive, block, delete and restore", () => {
  it("moves customers between the lists as their status changes", async () => {
    await updateProfile(bert.id, { status: "archived" })
    await eventually(async () => expect(ids(await mine("order=name"))).toEqual([cara.id, wilma.id]))
    expect(ids(await mine("status=archived"))).toEqual([bert.id])
    await updateProfile(bert.id, { status: "blocked" })
    await eventually(async () => expect(ids(await mine("status=blocked"))).toEqual([bert.id]))
    // Blocked customers are still the business's customers: in the default list.
    expect(ids(await mine("order=name"))).toEqual([bert.id, cara.id, wilma.id])
    await updateProfile(bert.id, { status: "active" })

    expect((await api(`/admin/customers/${cara.id}/account`, { token: admin, method: "DELETE" })).status).toBe(200)
    await eventually(async () => expect(ids(await mine("status=deleted"))).toEqual([cara.id]))
    expect(ids(await mine("order=name"))).toEqual([bert.id, wilma.id])
    const deleted = (await mine("status=deleted")).body.customers[0]
    expect(deleted.status).toBe("deleted")
    expect(deleted.deleted_at).toBeTruthy()

    expect((await api(`/admin/customers/${cara.id}/restore`, { token: admin, method: "POST" })).status).toBe(200)
    await eventually(async () => expect(ids(await mine("order=name"))).toEqual([bert.id, cara.id, wilma.id]))
    expect(ids(await mine("status=deleted"))).toEqual([])
  })
})

describe("CSV export", () => {
  it("streams the current filter as CSV in the import's format, custom fields and tags included", async () => {
    await updateProfile(wilma.id, { internal_notes: 'Gate sticks, "lift" it,\nthen push' })
    await eventually(async () => expect((await mine("tag=VIP")).body.customers).toHaveLength(1))
    const response = await api(`/admin/crm/customers/export?q=${run}&tag=${encodeURIComponent(`Directory ${run}`)}`, { token: admin })
    expect(response.status).toBe(200)
    expect(response.headers["content-type"]).toMatch(/^text\/csv/)
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/)
    const text = response.body as string
    const records = parseCsv(text)
    const header = records[0]
    expect(header).toEqual(expect.arrayContaining(["email", "first_name", "phone", "tags", "additional_phones", "custom.heard_about_us", "custom.holds_key"]))
    const byEmail = new Map(
      records.slice(1).map((cells) => [cells[header.indexOf("email")], Object.fromEntries(header.map((column, i) => [column, cells[i]]))])
    )
    // Two customers carry the tag; Cara doesn't.
    expect([...byEmail.keys()].sort()).toEqual([bert.email, wilma.email].sort())
    expect(byEmail.get(wilma.email)).toMatchObject({
      first_name: "Wilhelmina",
      tags: `VIP;Directory ${run}`,
      additional_phones: `01632 9${digits.slice(0, 4)}7`,
      additional_emails: `accounts.${run.toLowerCase()}@wilma-works.test`,
      "custom.heard_about_us": "Leaflet",
      "custom.holds_key": "yes",
      internal_notes: 'Gate sticks, "lift" it,\nthen push',
      status: "active",
    })
    expect(byEmail.get(bert.email)).toMatchObject({ "custom.heard_about_us": "Google", "custom.holds_key": "" })
    // The note's quotes, comma and line break survive as one quoted cell.
    expect(text).toContain('"Gate sticks, ""lift"" it,\nthen push"')

    expect((await api("/admin/crm/customers/export?status=nope", { token: admin })).status).toBe(400)
  })
})

describe("export → import round trip", () => {
  it("reads an exported file back in as the same customers", async () => {
    const filter = `q=${run}&tag=${encodeURIComponent(`Directory ${run}`)}`
    const exported = (await api(`/admin/crm/customers/export?${filter}`, { token: admin })).body as string
    // The same customers under new emails, imported as new ones.
    const copyEmail = (text: string) => text.replaceAll(`.${run.toLowerCase()}@example.test`, `.${run.toLowerCase()}@copy.example.test`)
    const upload = fileUpload({ name: "customers.csv", type: "text/csv", data: Buffer.from(copyEmail(exported)) })
    const started = await api("/admin/crm/imports", { token: admin, raw: upload })
    expect(started.status, JSON.stringify(started.body)).toBe(202)
    const job = await eventually(async () => {
      const { body } = await api(`/admin/crm/imports/${started.body.import.id}`, { token: admin })
      if (body.import.status === "processing") throw new Error("still importing")
      return body.import
    }, 60_000)
    const rejected = (await api(`/admin/crm/imports/${job.id}/rejected-rows`, { token: admin })).body
    expect(job, String(rejected)).toMatchObject({ status: "completed", created_count: 2, rejected_count: 0 })

    const reexported = (await api(`/admin/crm/customers/export?q=${encodeURIComponent(`${run.toLowerCase()}@copy.example`)}`, { token: admin })).body as string
    const byEmail = (text: string) => {
      const [header, ...rows] = parseCsv(text)
      return Object.fromEntries(rows.map((cells) => [cells[header.indexOf("email")], Object.fromEntries(header.map((column, i) => [column, cells[i]]))]))
    }
    const original = byEmail(copyEmail(exported))
    const copies = byEmail(reexported)
    expect(Object.keys(copies).sort()).toEqual(Object.keys(original).sort())
    for (const [email, row] of Object.entries(original)) expect(copies[email], email).toEqual(row)
  })
})

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ",") {
      record.push(cell)
      cell = ""
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(cell)
      records.push(record)
      record = []
      cell = ""
      i++
    } else cell += char
  }
  if (cell || record.length) {
    record.push(cell)
    records.push(record)
  }
  return records
}
