import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api } from "../support/api"
import { sql } from "../support/db"

/**
 * Medusa's own admin customer list (GET /admin/customers) leaves archived customers out, with
 * every one of Medusa's filters, its order, pages and count still working, and stays fast with
 * tens of thousands archived (issue #13 item 7; docs/security/archived-customers.md). Every
 * customer made here carries `run` in their last name and email, so searches see only them.
 */
let admin: string
const run = `Arx${randomUUID().replace(/-/g, "").slice(0, 8)}`
type Made = { id: string; email: string }
let archie: Made
let bea: Made
let cal: Made

const list = (query: string) => api(`/admin/customers?${query}`, { token: admin })
const ids = (response: { body: { customers: { id: string }[] } }) => response.body.customers.map((customer) => customer.id)
const mine = (query = "", order = "email") => list(`q=${run.toLowerCase()}&order=${order}&${query}`)

async function createCustomer(name: string, extra: Record<string, unknown> = {}): Promise<Made> {
  const email = `${name.toLowerCase()}.${run.toLowerCase()}@example.test`
  const response = await api("/admin/customers", { token: admin, body: { email, first_name: name, last_name: `Lister${run}`, ...extra } })
  if (response.status !== 200) throw new Error(`creating a customer failed: ${response.status} ${JSON.stringify(response.body)}`)
  return { id: response.body.customer.id, email }
}

async function setStatus(customerId: string, status: "active" | "archived") {
  const response = await api(`/admin/customers/${customerId}/profile`, { token: admin, body: { status } })
  if (response.status !== 200) throw new Error(`status change failed: ${response.status} ${JSON.stringify(response.body)}`)
}

/** Live customers whose profile is not archived, counted from the tables themselves. */
async function listedCount(): Promise<number> {
  const [row] = await sql<{ count: string }>(
    `SELECT count(*) FROM customer c WHERE c.deleted_at IS NULL AND NOT EXISTS (
       SELECT 1 FROM ${PROFILE_LINK_TABLE} l JOIN customer_profile p ON p.id = l.customer_profile_id
        WHERE l.customer_id = c.id AND l.deleted_at IS NULL AND p.deleted_at IS NULL AND p.status = 'archived')`
  )
  return Number(row.count)
}

beforeAll(async () => {
  admin = await adminToken()
  archie = await createCustomer("Archie")
  bea = await createCustomer("Bea")
  cal = await createCustomer("Cal", { company_name: `Cal Co ${run}` })
  await setStatus(archie.id, "archived")
}, 60_000)

describe("GET /admin/customers with archived customers", () => {
  it("leaves an archived customer out of the default list and of searches, and counts right", async () => {
    const newest = await list("order=-created_at&limit=5")
    expect(newest.status).toBe(200)
    expect(ids(newest)).toEqual(expect.arrayContaining([bea.id, cal.id]))
    expect(ids(newest)).not.toContain(archie.id)
    expect(newest.body.count).toBe(await listedCount())

    const searched = await mine()
    expect(ids(searched)).toEqual([bea.id, cal.id])
    expect(searched.body.count).toBe(2)
    // A search for exactly the archived customer's email finds nothing, and so does the email filter.
    expect(ids(await list(`q=${encodeURIComponent(archie.email)}`))).toEqual([])
    expect((await list(`email=${encodeURIComponent(archie.email)}`)).body.count).toBe(0)
  })

  it("finds an archived customer asked for by id", async () => {
    const one = await list(`id=${archie.id}`)
    expect(ids(one)).toEqual([archie.id])
    expect(one.body.count).toBe(1)
    const several = await list(`id[]=${archie.id}&id[]=${bea.id}&order=email`)
    expect(ids(several)).toEqual([archie.id, bea.id])
    expect((await api(`/admin/customers/${archie.id}`, { token: admin })).body.customer.email).toBe(archie.email)
  })

  it("keeps Medusa's own filters, fields, order and pages", async () => {
    const group = await api("/admin/customer-groups", { token: admin, body: { name: `Group ${run}` } })
    expect(group.status).toBe(200)
    const groupId = group.body.customer_group.id
    const added = await api(`/admin/customer-groups/${groupId}/customers`, { token: admin, body: { add: [archie.id, bea.id] } })
    expect(added.status).toBe(200)

    const grouped = await list(`groups=${groupId}&fields=id,email,*groups`)
    expect(ids(grouped)).toEqual([bea.id])
    expect(grouped.body.count).toBe(1)
    expect(grouped.body.customers[0].groups.map((g: { id: string }) => g.id)).toEqual([groupId])

    expect(ids(await mine("", "-email"))).toEqual([cal.id, bea.id])
    const secondPage = await mine("limit=1&offset=1")
    expect(ids(secondPage)).toEqual([cal.id])
    expect(secondPage.body).toMatchObject({ count: 2, limit: 1, offset: 1 })
    expect(ids(await mine(`company_name=${encodeURIComponent(`Cal Co ${run}`)}`))).toEqual([cal.id])
    expect(ids(await mine("has_account=false&created_at[$gte]=2000-01-01"))).toEqual([bea.id, cal.id])
  })

  it("brings an unarchived customer back, and follows a status written straight to the database", async () => {
    await setStatus(archie.id, "active")
    expect(ids(await mine())).toEqual([archie.id, bea.id, cal.id])
    expect((await list("order=-created_at&limit=5")).body.count).toBe(await listedCount())

    // The erasure and bulk imports write the profile with SQL: the list follows them too.
    await sql(
      `UPDATE customer_profile SET status = 'archived' WHERE id IN (
         SELECT customer_profile_id FROM ${PROFILE_LINK_TABLE} WHERE customer_id = $1)`,
      [cal.id]
    )
    expect(ids(await mine())).toEqual([archie.id, bea.id])
    await setStatus(cal.id, "active")
    expect(ids(await mine())).toEqual([archie.id, bea.id, cal.id])
  })

  it("lists a customer who has no profile", async () => {
    const id = `cus_${run}noprofile`
    await sql(`INSERT INTO customer (id, email, last_name) VALUES ($1, $2, $3)`, [id, `noprofile.${run.toLowerCase()}@example.test`, `Lister${run}`])
    try {
      expect(ids(await mine())).toContain(id)
    } finally {
      await sql(`DELETE FROM customer WHERE id = $1`, [id])
    }
  })
})

describe("70,000 archived customers (more than PostgreSQL's 65,535 parameters)", () => {
  const BULK = 70_000
  // Ids that sort before every real customer's, and a recent creation date: unless they are
  // left out, they fill the first page in either order.
  const prefix = `cus_00${run.toLowerCase()}`
  const bulkIds = `SELECT id FROM customer WHERE id LIKE '${prefix}%'`

  beforeAll(async () => {
    await sql(`
      WITH made AS (
        INSERT INTO customer (id, email, first_name, last_name, created_at)
        SELECT '${prefix}' || lpad(g::text, 6, '0'), 'bulk' || g || '.${run.toLowerCase()}@example.test', 'Bulk', 'Archived${run}', now() + interval '1 day'
          FROM generate_series(1, ${BULK}) g
        RETURNING id
      ), profiles AS (
        INSERT INTO customer_profile (id, status, status_changed_at) SELECT 'cprof' || substr(id, 4), 'archived', now() FROM made RETURNING id
      )
      INSERT INTO ${PROFILE_LINK_TABLE} (id, customer_id, customer_profile_id)
      SELECT 'custprof' || substr(id, 4), id, 'cprof' || substr(id, 4) FROM made`)
    await sql(`ANALYZE customer`)
  }, 60_000)

  afterAll(async () => {
    // Customers first: the link and profile rows then leave no flag to update.
    await sql(`DELETE FROM customer_directory_entry WHERE customer_id IN (${bulkIds})`)
    await sql(`DELETE FROM customer WHERE id LIKE '${prefix}%'`)
    await sql(`DELETE FROM ${PROFILE_LINK_TABLE} WHERE customer_id LIKE '${prefix}%'`)
    await sql(`DELETE FROM customer_profile WHERE id LIKE 'cprof_00${run.toLowerCase()}%'`)
  }, 60_000)

  it("still answers the default list, a search and a deep page quickly, without them", async () => {
    const [flagged] = await sql<{ count: string }>(`SELECT count(*) FROM customer WHERE id LIKE '${prefix}%' AND crm_archived`)
    expect(Number(flagged.count)).toBe(BULK)
    const expected = await listedCount()
    for (const query of ["", "order=-created_at", `q=archived${run.toLowerCase()}`, "offset=20&limit=10&order=-created_at"]) {
      const started = performance.now()
      const response = await list(query)
      const ms = performance.now() - started
      expect(response.status, query).toBe(200)
      expect(
        ids(response).filter((id) => id.startsWith(prefix)),
        query
      ).toEqual([])
      if (!query.startsWith("q=")) expect(response.body.count, query).toBe(expected)
      // Before, this list loaded every archived id and sent them back to PostgreSQL (seconds).
      expect(ms, query).toBeLessThan(1_000)
    }
    // Asked for by id, one of them is still there.
    expect(ids(await list(`id=${prefix}000001`))).toEqual([`${prefix}000001`])
  })
})
