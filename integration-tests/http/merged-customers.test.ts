import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, eventually, uniqueEmail } from "../support/api"
import { sql } from "../support/db"

/*
 * Merging compares contacts the way the duplicate finder matches them, keeps the kept customer's
 * own email and phone as the primary ones, and leaves a merged record out of "Restore" (its data
 * has moved) while its read-only record says where it went.
 */

let admin: string
const tag = randomUUID().slice(0, 8)
const digits = String(Math.floor(Math.random() * 1e5)).padStart(5, "0")
/** One number, typed nationally on one record and internationally on the other. */
const national = `07700 9${digits}`
const international = `+44 7700 9${digits}`
const extraMobile = `+44 7${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`

async function ok<T = any>(path: string, options: Parameters<typeof api>[1] = {}, status = 200): Promise<T> {
  const response = await api(path, { token: admin, ...options })
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(status)
  return response.body as T
}

const staffCustomer = async (email: string, phone: string) =>
  (await ok("/admin/customers", { body: { email, first_name: "Dana", last_name: `Same${tag}`, phone } })).customer as { id: string; email: string }

const directory = async (query: string) =>
  (await ok(`/admin/crm/customers?q=${encodeURIComponent(`same${tag}`)}&${query}`)).customers as { id: string; status: string }[]

let kept: { id: string; email: string }
let duplicate: { id: string; email: string }

beforeAll(async () => {
  admin = await adminToken()
  kept = await staffCustomer(uniqueEmail("dana.kept"), national)
  duplicate = await staffCustomer(uniqueEmail("dana.dup"), international)
  // Each lists the same landline, written two ways; the duplicate has a mobile of its own too.
  await ok(`/admin/customers/${kept.id}/profile`, {
    body: {
      emails: [{ email: `dana.work.${tag}@example.test` }],
      phones: [
        { number: national, type: "mobile" },
        { number: `0117 496 ${digits.slice(0, 4)}`, type: "phone" },
      ],
    },
  })
  await ok(`/admin/customers/${duplicate.id}/profile`, {
    body: {
      emails: [{ email: `dana.home.${tag}@example.test` }],
      phones: [
        { number: international, type: "mobile" },
        { number: `+44 (117) 496-${digits.slice(0, 4)}`, type: "phone" },
        { number: extraMobile, type: "mobile" },
      ],
    },
  })
})

describe("merging two records of one person", () => {
  it("previews the same number written two ways as one: no phone conflict, not added again", async () => {
    const { preview } = await ok(`/admin/crm/merges/preview?primary_id=${kept.id}&secondary_id=${duplicate.id}`)
    expect(preview.conflicts.map((conflict: { field: string }) => conflict.field)).not.toContain("phone")
    const methods = preview.counts.find((count: { kind: string }) => count.kind === "contact_methods")
    // Moved: the home email and the other mobile; dropped: the landline again; added: the duplicate's own email, not its phone.
    expect(methods).toMatchObject({ moved: 2, dropped: 1, added: 1 })
  })

  it("keeps the number once and the kept customer's email and phone as the primary ones", async () => {
    await ok("/admin/crm/merges", { body: { primary_id: kept.id, secondary_id: duplicate.id } }, 201)
    const { profile } = await ok(`/admin/customers/${kept.id}/profile`)
    expect(profile.account_email).toBe(kept.email)
    expect(profile.account_phone).toBe(national)
    const phones = profile.phones.map((phone: { value: string }) => phone.value.replace(/\D/g, "").slice(-10))
    expect(phones.sort()).toEqual([`117496${digits.slice(0, 4)}`, extraMobile.replace(/\D/g, "").slice(-10)].sort())
    expect(profile.emails.map((email: { value: string }) => email.value).sort()).toEqual(
      [duplicate.email.toLowerCase(), `dana.home.${tag}@example.test`, `dana.work.${tag}@example.test`].sort()
    )
    // The list never holds a primary of its own: the customer record's email and phone are the primaries.
    const [marked] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM customer_contact_method m JOIN ${PROFILE_LINK_TABLE} l ON l.customer_profile_id = m.profile_id
        WHERE l.customer_id = $1 AND m.deleted_at IS NULL AND m.is_primary`,
      [kept.id]
    )
    expect(marked.n).toBe(0)
  })

  it("lists the merged record as merged, not among the deleted ones to restore, and refuses to restore it", async () => {
    await eventually(async () => expect(await directory("status=merged")).toEqual([expect.objectContaining({ id: duplicate.id, status: "merged" })]))
    expect(await directory("status=deleted")).toEqual([])
    expect((await directory("")).map((row) => row.id)).toEqual([kept.id])
    const deleted = await ok("/admin/portal/deleted-customers")
    expect(deleted.customers.map((customer: { id: string }) => customer.id)).not.toContain(duplicate.id)

    const restore = await api(`/admin/customers/${duplicate.id}/restore`, { token: admin, method: "POST" })
    expect(restore.status).toBe(400)
    expect(restore.body.message).toMatch(new RegExp(`merged into customer ${kept.id}.*can't be restored`))
    const [row] = await sql<{ deleted_at: Date | null }>(`SELECT deleted_at FROM customer WHERE id = $1`, [duplicate.id])
    expect(row.deleted_at).not.toBeNull()
  })

  it("shows the merged record read-only with the customer it went into; others get a 404", async () => {
    const { merged_customer } = await ok(`/admin/crm/merged-customers/${duplicate.id}`)
    expect(merged_customer).toMatchObject({
      id: duplicate.id,
      name: `Dana Same${tag}`,
      email: duplicate.email,
      merged_into: { id: kept.id, name: `Dana Same${tag}`, email: kept.email, status: "active" },
    })
    expect(merged_customer.merged_by).toBeTruthy()
    expect(merged_customer.counts.find((count: { kind: string }) => count.kind === "contact_methods")).toMatchObject({ moved: 2 })
    for (const id of [kept.id, "cus_doesnotexist"]) {
      const response = await api(`/admin/crm/merged-customers/${id}`, { token: admin })
      expect(response.status, id).toBe(404)
      expect(response.body.message).toMatch(/was not merged into another customer/)
    }
    expect((await api(`/admin/crm/merged-customers/${duplicate.id}`)).status).toBe(401)
  })
})
