import { randomUUID } from "node:crypto"
import { readdir } from "node:fs/promises"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { CUSTOMER_CSV_COLUMNS } from "../../plugin/src/utils/customer-csv"
import { adminToken, api, eventually, fileUpload } from "../support/api"
import { sql } from "../support/db"

let admin: string
/** Fields this file adds for itself (removed afterwards): a whole number from 1 to 500 and a date. */
const fieldIds: string[] = []
const run = randomUUID().slice(0, 8)
const email = (label: string) => `${label}.${run}@import.test`

beforeAll(async () => {
  admin = await adminToken()
  for (const body of [
    { target_type: "customer", key: `pool_litres_${run}`, label: "Pool litres", type: "number", config: { integer: true, min: 1, max: 500 } },
    { target_type: "customer", key: `first_visit_${run}`, label: "First visit", type: "date" },
  ]) {
    const created = await api("/admin/custom-fields", { token: admin, body })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    fieldIds.push(created.body.custom_field.id)
  }
})

afterAll(async () => {
  for (const id of fieldIds) await api(`/admin/custom-fields/${id}?confirm=true`, { token: admin, method: "DELETE" })
})

/** A multipart body with the CSV in "file" and the update_existing field, as the admin page sends it. */
function csvForm(content: string | Buffer, updateExisting = false, name = "customers.csv") {
  const upload = fileUpload({ name, type: "text/csv", data: Buffer.isBuffer(content) ? content : Buffer.from(content) })
  const boundary = upload.contentType.split("boundary=")[1]
  const field = `--${boundary}\r\nContent-Disposition: form-data; name="update_existing"\r\n\r\n${updateExisting}\r\n`
  return { contentType: upload.contentType, data: Buffer.concat([Buffer.from(field), upload.data]) }
}

type Job = {
  id: string
  status: string
  total_rows: number
  processed_rows: number
  created_count: number
  updated_count: number
  skipped_count: number
  rejected_count: number
  error: string | null
}

/** Uploads the CSV, expects 202, and waits for the background import to finish. */
async function importCsv(content: string | Buffer, updateExisting = false): Promise<Job> {
  const started = await api("/admin/crm/imports", { token: admin, raw: csvForm(content, updateExisting) })
  expect(started.status, JSON.stringify(started.body)).toBe(202)
  expect(started.body.import.status).toBe("processing")
  return eventually(async () => {
    const { body } = await api(`/admin/crm/imports/${started.body.import.id}`, { token: admin })
    if (body.import.status === "processing") throw new Error(`still importing: ${JSON.stringify(body.import)}`)
    return body.import as Job
  }, 60_000)
}

/** The rejected-rows download, parsed into rows of cells (the test files have no quoted line breaks in it). */
async function rejectedRows(id: string) {
  const response = await api(`/admin/crm/imports/${id}/rejected-rows`, { token: admin })
  expect(response.status).toBe(200)
  expect(response.headers["content-type"]).toMatch(/text\/csv/)
  return response.body as string
}

const customerByEmail = async (address: string) =>
  (await sql<{ id: string; first_name: string | null }>("select id, first_name from customer where email = $1 and deleted_at is null", [address]))[0]

const profileOf = async (address: string) => {
  const customer = await customerByEmail(address)
  expect(customer, `${address} was imported`).toBeTruthy()
  const { body } = await api(`/admin/customers/${customer.id}/profile`, { token: admin })
  return body.profile
}

const header = (...extra: string[]) => [...CUSTOMER_CSV_COLUMNS, ...extra].join(",")
/** A CSV line with the given columns filled and the others empty. */
const line = (cells: Partial<Record<(typeof CUSTOMER_CSV_COLUMNS)[number], string>>, extra: string[] = []) =>
  [...CUSTOMER_CSV_COLUMNS.map((column) => cells[column] ?? ""), ...extra].join(",")

describe("customer import: template", () => {
  it("has the shared columns, one custom.<key> column per customer field, and an example row", async () => {
    const response = await api("/admin/crm/import-template", { token: admin })
    expect(response.status).toBe(200)
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="customer-import-template.csv"/)
    const [head, example, rest] = (response.body as string).replace(/^\uFEFF/, "").split("\r\n")
    const fields = await api("/admin/custom-fields?target_type=customer", { token: admin })
    const keys = (fields.body.custom_fields as { key: string }[]).map((field) => `custom.${field.key}`)
    expect(head.split(",")).toEqual([...CUSTOMER_CSV_COLUMNS, ...keys])
    expect(keys).toContain(`custom.pool_litres_${run}`)
    expect(example).toMatch(/^jane\.doe@example\.com,Jane,Doe,/)
    expect(rest).toBe("")
  })
})

describe("customer import: rows", () => {
  it("imports whole customers, rejects bad rows with their physical line and reason, and reports the counts", async () => {
    const pool = `custom.pool_litres_${run}`
    const visit = `custom.first_visit_${run}`
    const csv = [
      header(pool, visit, "custom.holds_key"),
      // line 2: everything filled
      line(
        {
          email: email("Ada.Full"),
          first_name: "Ada",
          last_name: "Lovelace",
          phone: "+44 7700 900123",
          company_name: "Analytical Engines",
          kind: "business",
          status: "blocked",
          tags: `VIP;Import ${run};vip`,
          additional_emails: `ada.work.${run}@import.test`,
          additional_phones: "020 7946 0999",
          address_1: "12 High Street",
          address_2: "Flat 2",
          city: "London",
          postal_code: "SW1A 1AA",
          country_code: "gb",
          business_name: "Engines Ltd",
          business_tax_id: "GB123456789",
          // The exporter's guard against spreadsheet formulas comes off again.
          internal_notes: "'=Gate code 4471",
          marketing_emails: "yes",
          reminder_emails: "no",
          payment_terms_days: "30",
          tax_exempt: "true",
        },
        ["250", "2024-05-31", "yes"]
      ),
      // line 3: a bad email
      line({ email: "not-an-email", first_name: "Bad" }, ["", "", ""]),
      // lines 4-5: a note with a line break inside quotes
      line({ email: email("multi"), first_name: "Multi", internal_notes: '"First line\nsecond line"' }, ["", "", ""]),
      // line 6: custom field values of the wrong type
      line({ email: email("types"), first_name: "Types" }, ["12.5", "31/05/2024", "maybe"]),
      // line 7: the same email as line 2
      line({ email: email("ada.full"), first_name: "Again" }, ["", "", ""]),
      // line 8: a country that doesn't exist and a yes/no that isn't
      line({ email: email("country"), address_1: "1 Road", city: "Town", postal_code: "AB1 2CD", country_code: "XX", tax_exempt: "perhaps" }, ["", "", ""]),
      // line 9: minimal
      line({ email: email("minimal") }, ["", "", ""]),
    ].join("\r\n")

    const job = await importCsv(csv)
    expect(job).toMatchObject({
      status: "completed",
      total_rows: 7,
      processed_rows: 7,
      created_count: 3,
      updated_count: 0,
      skipped_count: 0,
      rejected_count: 4,
      error: null,
    })

    const ada = await profileOf(email("ada.full"))
    expect(ada).toMatchObject({
      first_name: "Ada",
      last_name: "Lovelace",
      kind: "business",
      status: "blocked",
      internal_notes: "=Gate code 4471",
      marketing_emails: true,
      reminder_emails: false,
      payment_terms_days: 30,
      tax_exempt: true,
    })
    expect(ada.tags).toEqual(expect.arrayContaining([`Import ${run}`]))
    expect(ada.tags).toHaveLength(2)
    expect(ada.emails.map((entry: { value: string }) => entry.value)).toEqual([`ada.work.${run}@import.test`])
    expect(ada.phones.map((entry: { value: string }) => entry.value)).toEqual(["020 7946 0999"])
    expect(ada.locations).toEqual([
      expect.objectContaining({ address_1: "12 High Street", address_2: "Flat 2", city: "London", country_code: "gb", is_default_shipping: true }),
    ])
    expect(ada.business_profiles).toEqual([
      expect.objectContaining({ name: "Engines Ltd", billing_email: email("ada.full"), tax_id: "GB123456789", postal_code: "SW1A 1AA" }),
    ])
    const values = Object.fromEntries((ada.custom_fields as { key: string; value: unknown }[]).map((field) => [field.key, field.value]))
    expect(values).toMatchObject({ [`pool_litres_${run}`]: 250, [`first_visit_${run}`]: "2024-05-31", holds_key: true })
    expect(ada.activity).toContainEqual(
      expect.objectContaining({ kind: "customer.imported", actor: "admin@example.com", message: expect.stringMatching(/line 2/) })
    )

    expect((await profileOf(email("multi"))).internal_notes).toBe("First line\nsecond line")
    expect(await profileOf(email("minimal"))).toMatchObject({ status: "active", kind: "personal", tags: [] })
    expect(await customerByEmail(email("types"))).toBeUndefined()

    const rejected = (await rejectedRows(job.id)).replace(/^\uFEFF/, "").split("\r\n")
    expect(rejected[0]).toBe(`line,reason,${header(pool, visit, "custom.holds_key")}`)
    const rows = rejected.slice(1, -1)
    expect(rows).toHaveLength(4)
    expect(rows[0]).toMatch(/^3,"""not-an-email"" is not a valid email address",not-an-email,Bad,/)
    for (const reason of [/Pool litres must be a whole number/, /First visit must be a date like 2024-05-31/, /We hold a key must be yes or no/]) {
      expect(rows[1]).toMatch(new RegExp(`^6,[^\\n]*${reason.source}`))
    }
    expect(rows[2].startsWith(`7,The email ${email("ada.full")} is already on line 2 of this file,`)).toBe(true)
    expect(rows[3]).toMatch(/^8,.*country_code “XX” is not a country code/)
    expect(rows[3]).toMatch(/tax_exempt must be yes or no, not “perhaps”/)
    // The rejected row's own cells follow, as they were in the file.
    expect(rows[1]).toContain(`,${email("types")},Types,`)
    expect(rows[1].endsWith(",12.5,31/05/2024,maybe")).toBe(true)
  })

  it("skips or updates customers who are already there, as staff choose; empty cells change nothing", async () => {
    const address = email("existing")
    const first = await importCsv(
      [header("custom.gate_code"), line({ email: address, first_name: "Old", last_name: "Name", tags: "Founding" }, ["1111"])].join("\n")
    )
    expect(first).toMatchObject({ created_count: 1 })

    const changed = [
      header("custom.gate_code"),
      line({ email: address.toUpperCase(), first_name: "New", tags: "Renamed;Founding", status: "archived" }, ["2222"]),
    ].join("\n")
    const skipped = await importCsv(changed, false)
    expect(skipped).toMatchObject({ status: "completed", created_count: 0, updated_count: 0, skipped_count: 1, rejected_count: 0 })
    expect(await profileOf(address)).toMatchObject({ first_name: "Old", status: "active", tags: ["Founding"] })

    const updated = await importCsv(changed, true)
    expect(updated).toMatchObject({ status: "completed", created_count: 0, updated_count: 1, skipped_count: 0, rejected_count: 0 })
    const profile = await profileOf(address)
    expect(profile).toMatchObject({ first_name: "New", last_name: "Name", status: "archived", tags: ["Renamed", "Founding"] })
    expect(profile.custom_fields.find((field: { key: string }) => field.key === "gate_code").value).toBe("2222")
    expect(profile.activity[0]).toMatchObject({
      kind: "customer.import_updated",
      actor: "admin@example.com",
      message: expect.stringMatching(/first_name, status, tags, custom.gate_code/),
    })
    const customers = await sql("select id from customer where lower(email) = $1", [address])
    expect(customers).toHaveLength(1)
  })

  it("writes a row whole or not at all: a row whose business profile fails leaves no customer, and the rest of its batch is imported", async () => {
    // A real database failure half-way through a row: the business profile insert is refused.
    await sql(`create or replace function import_test_refuse() returns trigger language plpgsql as $$
      begin if new.name = 'Refused Ltd ${run}' then raise exception 'business profile refused by the test'; end if; return new; end $$`)
    await sql("create trigger import_test_refuse before insert on business_profile for each row execute function import_test_refuse()")
    try {
      const [profilesBefore] = await sql<{ count: number }>("select count(*)::int as count from customer_profile")
      const business = { address_1: "1 Road", city: "Town", postal_code: "AB1 2CD", country_code: "GB" }
      const job = await importCsv(
        [
          header(),
          line({ email: email("before"), first_name: "Before", ...business, business_name: "Fine Ltd", tags: "Atomic" }),
          line({ email: email("refused"), first_name: "Refused", ...business, business_name: `Refused Ltd ${run}`, tags: "Atomic" }),
          line({ email: email("after"), first_name: "After", additional_emails: `after.other.${run}@import.test` }),
        ].join("\n")
      )
      expect(job).toMatchObject({ status: "completed", created_count: 2, rejected_count: 1 })
      expect(await customerByEmail(email("refused"))).toBeUndefined()
      expect(await sql("select id from customer where email = $1", [email("refused")])).toEqual([])
      const [profilesAfter] = await sql<{ count: number }>("select count(*)::int as count from customer_profile")
      expect(profilesAfter.count).toBe(profilesBefore.count + 2)
      // One activity line per imported customer, none for the refused row.
      expect(await sql("select id from customer_activity where data->>'import_id' = $1", [job.id])).toHaveLength(2)
      expect(await sql("select id from customer_contact_method where value = $1", [`after.other.${run}@import.test`])).toHaveLength(1)
      expect((await profileOf(email("before"))).business_profiles).toHaveLength(1)
      const rejected = await rejectedRows(job.id)
      expect(rejected).toMatch(/\r\n3,"?Could not be saved: [^\r\n]*business profile refused by the test/)
    } finally {
      await sql("drop trigger if exists import_test_refuse on business_profile")
      await sql("drop function if exists import_test_refuse()")
    }
  })
})

describe("customer import: files that can't be imported", () => {
  const importsCount = async () => (await sql<{ count: number }>("select count(*)::int as count from customer_import"))[0].count

  /** The uploads the File module's local provider holds privately (the test stack runs in the repository's root). */
  const storedUploads = async () =>
    (await readdir(new URL("../../uploads/private/", import.meta.url)).catch(() => [] as string[])).filter((name) => name.includes("customer-import-"))

  it("refuses them with a reason a person can act on, and starts nothing", async () => {
    const before = await importsCount()
    const uploadsBefore = new Set(await storedUploads())
    const cases: [string | Buffer, number, RegExp][] = [
      [Buffer.from(`email,first_name\n${email("latin")},Zo\xeb\n`, "latin1"), 400, /not UTF-8 text .*line 2.*CSV UTF-8/],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("email\r\na@b.co\r\n", "utf16le")]), 400, /UTF-16/],
      ["first_name,last_name\nAda,Lovelace\n", 400, /“email” column/],
      ["email;first_name\na@b.co;Ada\n", 400, /semicolons/],
      ["email,nickname\na@b.co,Ace\n", 400, /Unknown column “nickname”/],
      ["", 400, /empty/],
      [`${header()}\r\n`, 400, /no customers/],
      [`email,internal_notes\n${email("unclosed")},"never closed\n`, 400, /never closed/],
    ]
    for (const [content, status, message] of cases) {
      const response = await api("/admin/crm/imports", { token: admin, raw: csvForm(content) })
      expect(response.status, String(content).slice(0, 40)).toBe(status)
      expect(response.body.message).toMatch(message)
    }
    expect(await importsCount()).toBe(before)
    // A refused upload is not kept.
    expect((await storedUploads()).filter((name) => !uploadsBefore.has(name))).toEqual([])
  })

  it("answers 413 for a file over 50 MB", async () => {
    const big = Buffer.alloc(51 * 1024 * 1024, "a")
    big.write("email\n")
    const response = await api("/admin/crm/imports", { token: admin, raw: csvForm(big) })
    expect(response.status).toBe(413)
    expect(response.body.message).toMatch(/larger than 50 MB/)
  })

  it("accepts a UTF-8 byte-order mark, and rejects a row with a 10 MB cell without harm to the server or the other rows", async () => {
    const huge = "x".repeat(10 * 1024 * 1024)
    const csv = `\uFEFF${header()}\n${line({ email: email("bom"), first_name: "Zoë" })}\n${line({ email: email("huge"), internal_notes: `"${huge}"` })}\n${line({ email: email("afterhuge") })}\n`
    const job = await importCsv(csv)
    expect(job).toMatchObject({ status: "completed", total_rows: 3, created_count: 2, rejected_count: 1 })
    expect((await customerByEmail(email("bom")))?.first_name).toBe("Zoë")
    expect(await customerByEmail(email("huge"))).toBeUndefined()
    expect(await rejectedRows(job.id)).toMatch(/\r\n3,"This row is longer than 256 KB/)
    expect((await fetch(new URL("/health", inject("backendUrl").replace("localhost", "127.0.0.1")))).status).toBe(200)
  })

  it("is for staff only", async () => {
    expect((await api("/admin/crm/imports", { raw: csvForm(`${header()}\n${line({ email: email("anon") })}\n`) })).status).toBe(401)
    expect((await api("/admin/crm/import-template")).status).toBe(401)
    expect((await api("/admin/crm/imports")).status).toBe(401)
    expect(await customerByEmail(email("anon"))).toBeUndefined()
  })

  it("runs one import at a time, and shows one whose server stopped as stopped", async () => {
    const running = `cimp_running_${run}`
    await sql(
      "insert into customer_import (id, status, filename, actor, total_rows, heartbeat_at) values ($1, 'processing', 'big.csv', 'someone@example.com', 10, now())",
      [running]
    )
    try {
      const blocked = await api("/admin/crm/imports", { token: admin, raw: csvForm(`${header()}\n${line({ email: email("blocked") })}\n`) })
      expect(blocked.status).toBe(409)
      expect(blocked.body).toMatchObject({
        code: "import_running",
        message: expect.stringMatching(/big\.csv, started by someone@example\.com\) is still running/),
      })
      expect(await customerByEmail(email("blocked"))).toBeUndefined()

      // Its server stopped: no heartbeat for ten minutes.
      await sql("update customer_import set heartbeat_at = now() - interval '10 minutes', processed_rows = 4 where id = $1", [running])
      const { body } = await api(`/admin/crm/imports/${running}`, { token: admin })
      expect(body.import).toMatchObject({ status: "failed", processed_rows: 4, error: expect.stringMatching(/server restarted/) })
      expect((await importCsv(`${header()}\n${line({ email: email("unblocked") })}\n`)).created_count).toBe(1)
    } finally {
      await sql("update customer_import set status = 'failed' where id = $1", [running])
    }
  })

  it("rejects a request without a file, and lists the imports newest first", async () => {
    const uploadsBefore = new Set(await storedUploads())
    const none = await api("/admin/crm/imports", { token: admin, raw: { contentType: "multipart/form-data; boundary=x", data: Buffer.from("--x--\r\n") } })
    expect(none.status).toBe(400)
    expect(none.body.message).toMatch(/Choose a CSV file/)
    const noBoundary = await api("/admin/crm/imports", { token: admin, raw: { contentType: "multipart/form-data", data: Buffer.from("email\n") } })
    expect(noBoundary.status).toBe(400)
    const cutOff = csvForm(`${header()}\n${line({ email: email("cut") })}\n`)
    const truncated = await api("/admin/crm/imports", {
      token: admin,
      raw: { contentType: cutOff.contentType, data: cutOff.data.subarray(0, cutOff.data.length - 40) },
    })
    expect(truncated.status).toBe(400)
    const json = await api("/admin/crm/imports", { token: admin, body: { file: "email\na@b.co" } })
    expect(json.status).toBe(400)
    // The cut-off upload's partial file is removed (just after the answer, once its stream has closed).
    await eventually(async () => expect((await storedUploads()).filter((name) => !uploadsBefore.has(name))).toEqual([]))
    const list = await api("/admin/crm/imports?limit=2", { token: admin })
    expect(list.status).toBe(200)
    expect(list.body.imports).toHaveLength(2)
    expect(new Date(list.body.imports[0].created_at) >= new Date(list.body.imports[1].created_at)).toBe(true)
    expect((await api("/admin/crm/imports?limit=0", { token: admin })).status).toBe(400)
    expect((await api("/admin/crm/imports/cimp_missing", { token: admin })).status).toBe(404)
  })
})
