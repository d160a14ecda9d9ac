/**
 * The Medusa process killed (SIGKILL) in the middle of work. A second Medusa server runs on the
 * test database (booted once for the file), runs a CSV import and four customer merges at once,
 * and is killed with all of them under way; the shared app then shows what is left. The import
 * shows as stopped with how far it got, and importing the same file again creates no second
 * customer for any row. Each merge happened completely or not at all: three are caught at
 * chosen points inside their work (the test holds a row lock the merge needs next, so it waits
 * there until it is killed), one had finished.
 */
import { randomUUID } from "node:crypto"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, eventually, fileUpload } from "../support/api"
import { insertBooking } from "../support/bookings"
import { sql } from "../support/db"
import { callServer, startSecondServer } from "../support/second-server"

const ROWS = 20_000
/** Small batches, one at a time, on the server that is killed: the import is still going when the merges reach their held rows. */
const BATCH = 50

let second: Awaited<ReturnType<typeof startSecondServer>> | null = null
let admin: string

beforeAll(async () => {
  admin = await adminToken()
  second = await startSecondServer({ CUSTOMER_IMPORT_BATCH_SIZE: String(BATCH), CUSTOMER_IMPORT_PARALLEL_BATCHES: "1" })
}, 300_000)

afterAll(async () => {
  await second?.kill()
})

function csvForm(content: string, updateExisting = false) {
  const upload = fileUpload({ name: "big-list.csv", type: "text/csv", data: Buffer.from(content) })
  const boundary = upload.contentType.split("boundary=")[1]
  const field = `--${boundary}\r\nContent-Disposition: form-data; name="update_existing"\r\n\r\n${updateExisting}\r\n`
  return { contentType: upload.contentType, data: Buffer.concat([Buffer.from(field), upload.data]) }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Pair = { label: string; primary: string; secondary: string; address: string; booking: string }

/** Two customers to merge: the secondary with a saved address and a booking, so the merge moves something. */
async function mergePair(label: string, run: string): Promise<Pair> {
  const make = async (role: string) => {
    const created = await api("/admin/customers", {
      token: admin,
      body: { email: `${label}.${role}.${run}@killed-merge.test`, first_name: label, last_name: role },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    return created.body.customer as { id: string; email: string }
  }
  const primary = await make("primary")
  const secondary = await make("secondary")
  const added = await api(`/admin/customers/${secondary.id}/addresses`, {
    token: admin,
    body: { address_1: `1 ${label} Street`, city: "Bristol", postal_code: "BS6 6AA", country_code: "gb" },
  })
  expect(added.status, JSON.stringify(added.body)).toBe(200)
  const [address] = await sql<{ id: string }>("select id from customer_address where customer_id = $1 and deleted_at is null", [secondary.id])
  const booking = await insertBooking({ email: secondary.email, customer_id: secondary.id, starts_at: "2031-09-01T09:00:00Z" })
  return { label, primary: primary.id, secondary: secondary.id, address: address.id, booking: booking.id }
}

/** A transaction of the test's own holding a row lock, so a merge that needs the row waits there. */
async function holdRow(query: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") })
  await client.connect()
  await client.query("begin")
  const { rowCount } = await client.query(query, params)
  expect(rowCount).toBe(1)
  let open = true
  return {
    async release() {
      if (!open) return
      open = false
      await client.query("rollback")
      await client.end()
    },
  }
}

/** Where each of the pair's records is now. */
async function stateOf(pair: Pair) {
  const [row] = await sql<Record<string, unknown>>(
    `select (select deleted_at is not null from customer where id = $2) as secondary_deleted,
            (select customer_id from customer_address where id = $3) as address_owner,
            (select customer_id from booking where id = $4) as booking_owner,
            (select count(*)::int from customer_merge where secondary_customer_id = $2) as merge_records,
            (select count(*)::int from customer_activity where customer_id = $1 and kind = 'customer_merged') as merge_lines`,
    [pair.primary, pair.secondary, pair.address, pair.booking]
  )
  return row
}

const untouched = (pair: Pair) => ({ secondary_deleted: false, address_owner: pair.secondary, booking_owner: pair.secondary, merge_records: 0, merge_lines: 0 })
const merged = (pair: Pair) => ({ secondary_deleted: true, address_owner: pair.primary, booking_owner: pair.primary, merge_records: 1, merge_lines: 1 })

describe("the server killed during a CSV import and customer merges", () => {
  it("leaves the import stopped and re-runnable without duplicates, and every merge whole or not at all", { timeout: 420_000 }, async () => {
    const run = randomUUID().slice(0, 8)
    const emails = Array.from({ length: ROWS }, (_, index) => `row${index}.${run}@killed-import.test`)
    const csv = [
      "email,first_name,last_name,phone,tags",
      ...emails.map((email, index) => `${email},Kim,Killed${index},+44 7700 9${String(index).padStart(5, "0")},killed-${run}`),
    ].join("\n")

    // Four merges: three stopped at chosen points by a row the test holds, one left to finish.
    const [atAddresses, atBookings, atTheEnd, finished] = await Promise.all(["Addy", "Booker", "Endor", "Finn"].map((label) => mergePair(label, run)))
    const held = [
      // The first thing a merge writes: the secondary's addresses.
      await holdRow("select 1 from customer_address where id = $1 for update", [atAddresses.address]),
      // Half-way: addresses, groups, contacts, profiles, business profiles and dependents written, bookings next.
      await holdRow("select 1 from booking where id = $1 for update", [atBookings.booking]),
      // The very end: everything moved, the secondary customer about to be deleted.
      await holdRow("select 1 from customer where id = $1 for update", [atTheEnd.secondary]),
    ]
    try {
      const started = await callServer(second!.url, "/admin/crm/imports", { token: admin, raw: csvForm(csv) })
      expect(started.status, JSON.stringify(started.body)).toBe(202)
      const id = started.body.import.id as string

      // Once a few batches are in, the merges start, on the same server.
      const deadline = Date.now() + 120_000
      for (;;) {
        const [job] = await sql<{ processed_rows: number; status: string }>("select processed_rows, status from customer_import where id = $1", [id])
        expect(job.status, "the import finished before it could be killed").toBe("processing")
        if (job.processed_rows >= 5 * BATCH) break
        if (Date.now() > deadline) throw new Error(`the import did not get going: ${second!.logs.join("").slice(-3000)}`)
        await sleep(20)
      }
      const merging = [atAddresses, atBookings, atTheEnd, finished].map((pair) =>
        callServer(second!.url, "/admin/crm/merges", { token: admin, body: { primary_id: pair.primary, secondary_id: pair.secondary } }).catch(() => null)
      )
      await eventually(async () => {
        const [waiting] = await sql<{ count: number }>(
          "select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
        )
        expect(waiting.count).toBeGreaterThanOrEqual(3)
        expect(await stateOf(finished)).toEqual(merged(finished))
      }, 60_000)
      const [job] = await sql<{ status: string }>("select status from customer_import where id = $1", [id])
      expect(job.status, "the import finished before it could be killed").toBe("processing")

      await second!.kill()
      second = null
      void Promise.all(merging)
      for (const row of held) await row.release()

      // The merges: the finished one whole, the three caught half-way not at all.
      // The killed server's transactions end (rolled back) as soon as they find it gone.
      await eventually(async () => {
        const [busy] = await sql<{ count: number }>(
          "select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
        )
        expect(busy.count).toBe(0)
      })
      for (const pair of [atAddresses, atBookings, atTheEnd]) expect(await stateOf(pair), pair.label).toEqual(untouched(pair))
      expect(await stateOf(finished)).toEqual(merged(finished))
      // Nothing is stuck: the shared app merges one of them now.
      const again = await api("/admin/crm/merges", { token: admin, body: { primary_id: atBookings.primary, secondary_id: atBookings.secondary } })
      expect(again.status, JSON.stringify(again.body)).toBe(201)
      expect(await stateOf(atBookings)).toEqual(merged(atBookings))

      // The import: its heartbeat stops; once quiet for longer than an import ever is, it shows as stopped.
      await sql("update customer_import set heartbeat_at = now() - interval '10 minutes' where id = $1", [id])
      const { body } = await api(`/admin/crm/imports/${id}`, { token: admin })
      const stopped = body.import as { status: string; processed_rows: number; created_count: number; total_rows: number; error: string }
      expect(stopped).toMatchObject({ status: "failed", total_rows: ROWS, error: expect.stringMatching(/server restarted/) })
      expect(stopped.processed_rows).toBeGreaterThanOrEqual(5 * BATCH)
      expect(stopped.processed_rows).toBeLessThan(ROWS)

      // What it says was imported was imported, each customer whole (with their profile); the
      // batches being written at the kill may have gone in without being counted yet.
      const written = await sql<{ id: string; profile: string | null }>(
        `select c.id, l.customer_profile_id as profile from customer c left join ${PROFILE_LINK_TABLE} l on l.customer_id = c.id and l.deleted_at is null
          where c.email = any($1) and c.deleted_at is null`,
        [emails]
      )
      expect(written.length).toBeGreaterThanOrEqual(stopped.created_count)
      expect(written.length).toBeLessThanOrEqual(stopped.created_count + 2 * BATCH)
      expect(written.filter((row) => !row.profile)).toEqual([])

      // The same file again, on the shared app: the rest goes in, nobody twice.
      const rerun = await api("/admin/crm/imports", { token: admin, raw: csvForm(csv) })
      expect(rerun.status, JSON.stringify(rerun.body)).toBe(202)
      const done = await eventually(async () => {
        const { body } = await api(`/admin/crm/imports/${rerun.body.import.id}`, { token: admin })
        if (body.import.status === "processing") throw new Error("still importing")
        return body.import as { status: string; created_count: number; skipped_count: number; rejected_count: number }
      }, 180_000)
      expect(done).toMatchObject({ status: "completed", skipped_count: written.length, created_count: ROWS - written.length, rejected_count: 0 })
      const [counts] = await sql<{ customers: number; emails: number }>(
        "select count(*)::int as customers, count(distinct email)::int as emails from customer where email = any($1) and deleted_at is null",
        [emails]
      )
      expect(counts).toEqual({ customers: ROWS, emails: ROWS })
    } finally {
      for (const row of held) await row.release().catch(() => undefined)
    }
  })
})
