import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually } from "../support/api"

/**
 * Settings → Customer tags (issue #16, item 4): the tags in use with how many customers carry
 * each, and renaming, merging and deleting a tag on every customer at once, with each customer's
 * directory row and history in step. Every tag here carries `run`, so only this file's customers count.
 */
let admin: string
const run = `Tg${randomUUID().replace(/-/g, "").slice(0, 8)}`
const tag = (name: string) => `${name} ${run}`
let ann: string
let bob: string
let cat: string

async function createCustomer(first_name: string, tags: string[]) {
  const created = await api("/admin/customers", {
    token: admin,
    body: { email: `${first_name.toLowerCase()}.${run.toLowerCase()}@example.test`, first_name, last_name: run },
  })
  expect(created.status).toBe(200)
  const id = created.body.customer.id as string
  expect((await api(`/admin/customers/${id}/profile`, { token: admin, body: { tags } })).status).toBe(200)
  return id
}

const tagsOf = async (id: string) => (await api(`/admin/customers/${id}/profile`, { token: admin })).body.profile.tags as string[]
const tagList = async (q: string) => (await api(`/admin/customer-tags?q=${encodeURIComponent(q)}`, { token: admin })).body
const directoryIds = async (filterTag: string) =>
  ((await api(`/admin/crm/customers?q=${run}&tag=${encodeURIComponent(filterTag)}`, { token: admin })).body.customers as { id: string }[])
    .map((row) => row.id)
    .sort()
const rename = (body: unknown) => api("/admin/customer-tags/rename", { token: admin, body })
const remove = (body: unknown) => api("/admin/customer-tags/delete", { token: admin, body })

beforeAll(async () => {
  admin = await adminToken()
  // "Gold" on all three, spelled "gold" on Cat's: one tag whatever its case.
  ann = await createCustomer("Ann", [tag("Gold"), tag("Keys"), tag("Weekly")])
  bob = await createCustomer("Bob", [tag("Gold"), tag("Weekly")])
  cat = await createCustomer("Cat", [tag("gold"), tag("Keys")])
})

describe("the tags in use", () => {
  it("counts customers per tag whatever its case, most used first, and pages", async () => {
    const mine = await tagList(tag("Gold"))
    expect(mine.tags).toEqual([{ value: tag("Gold"), count: 3 }])
    expect(mine.count).toBe(1)
    expect(mine.limit).toBe(50)
    const keys = await tagList(tag("KEYS"))
    expect(keys.tags).toEqual([{ value: tag("Keys"), count: 2 }])
    const paged = (await api(`/admin/customer-tags?q=&limit=1&offset=0`, { token: admin })).body
    expect(paged.tags).toHaveLength(1)
    expect(paged.count).toBeGreaterThanOrEqual(3)
  })
})

describe("renaming, merging and deleting a tag", () => {
  it("renames a tag on every customer carrying it, in place, with a line in each one's history", async () => {
    const renamed = await rename({ from: tag("keys"), to: tag("Key holder") })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toEqual({ tag: { value: tag("Key holder"), count: 2 }, merged: false, customer_count: 2 })
    expect(await tagsOf(ann)).toEqual([tag("Gold"), tag("Key holder"), tag("Weekly")])
    expect(await tagsOf(cat)).toEqual([tag("gold"), tag("Key holder")])
    expect(await tagsOf(bob)).toEqual([tag("Gold"), tag("Weekly")])
    // The directory's filter finds them by the new name, and no one by the old.
    await eventually(async () => expect(await directoryIds(tag("Key holder"))).toEqual([ann, cat].sort()))
    expect(await directoryIds(tag("Keys"))).toEqual([])
    const history = (await api(`/admin/customers/${ann}/profile`, { token: admin })).body.profile.activity as { kind: string; message: string }[]
    expect(history.some((line) => line.kind === "tags_updated" && line.message === `Tag “${tag("Keys")}” renamed to “${tag("Key holder")}”.`)).toBe(true)
  })

  it("merges onto a tag in use (any case): customers with both keep one, spelled as most have it", async () => {
    const merged = await rename({ from: tag("Key holder"), to: tag("GOLD") })
    expect(merged.status).toBe(200)
    expect(merged.body).toEqual({ tag: { value: tag("Gold"), count: 3 }, merged: true, customer_count: 2 })
    expect(await tagsOf(ann)).toEqual([tag("Gold"), tag("Weekly")])
    // Cat had "gold" and "Key holder": one of the tag is left, the spelling first on the list.
    expect(await tagsOf(cat)).toEqual([tag("gold")])
    expect((await tagList(tag("Key holder"))).tags).toEqual([])
    expect((await tagList(tag("Gold"))).tags).toEqual([{ value: tag("Gold"), count: 3 }])
  })

  it("fixes a tag's case on everyone, leaving those already spelled so alone", async () => {
    const fixed = await rename({ from: tag("GOLD"), to: tag("Gold") })
    expect(fixed.status).toBe(200)
    expect(fixed.body.customer_count).toBe(1)
    expect(await tagsOf(cat)).toEqual([tag("Gold")])
    await eventually(async () => expect(await directoryIds(tag("Gold"))).toEqual([ann, bob, cat].sort()))
    // Now every customer spells it so: nothing to rename.
    const again = await rename({ from: tag("gold"), to: tag("Gold") })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/already called/)
  })

  it("deletes a tag from every customer and says how many lost it", async () => {
    const deleted = await remove({ tag: tag("weekly") })
    expect(deleted.status).toBe(200)
    expect(deleted.body).toEqual({ tag: tag("Weekly"), object: "customer_tag", deleted: true, customer_count: 2 })
    expect(await tagsOf(ann)).toEqual([tag("Gold")])
    expect(await tagsOf(bob)).toEqual([tag("Gold")])
    expect((await tagList(tag("Weekly"))).tags).toEqual([])
    await eventually(async () => expect(await directoryIds(tag("Weekly"))).toEqual([]))
    const history = (await api(`/admin/customers/${bob}/profile`, { token: admin })).body.profile.activity as { kind: string; message: string }[]
    expect(history.some((line) => line.message === `Tag “${tag("Weekly")}” deleted.`)).toBe(true)
  })
})

describe("bad input", () => {
  it("answers 400 with a readable message, or 404 for a tag no one has, and changes nothing", async () => {
    const before = await Promise.all([ann, bob, cat].map(tagsOf))
    const cases: [() => ReturnType<typeof rename>, number, RegExp][] = [
      [() => rename({ from: "  ", to: tag("New") }), 400, /from cannot be empty/],
      [() => rename({ from: tag("Gold"), to: "" }), 400, /to cannot be empty/],
      [() => rename({ from: tag("Gold"), to: "x".repeat(51) }), 400, /to must be at most 50 characters/],
      [() => rename({ from: tag("Gold"), to: ` ${tag("Gold")} ` }), 400, /to is the tag's name already/],
      [() => rename({ from: tag("Gold") }), 400, /Field 'to' is required/],
      [() => rename({ from: tag("Gold"), to: tag("New"), colour: "red" }), 400, /colour/],
      [() => rename({ from: tag("Nobody has this"), to: tag("New") }), 404, /No customer has the tag/],
      [() => remove({ tag: "" }), 400, /tag cannot be empty/],
      [() => remove({ tag: 7 }), 400, /for field 'tag'/],
      [() => remove({ tag: tag("Nobody has this") }), 404, /No customer has the tag/],
      [() => api("/admin/customer-tags?limit=0", { token: admin }), 400, /limit must be at least 1/],
    ]
    for (const [call, status, message] of cases) {
      const answer = await call()
      expect(answer.status).toBe(status)
      expect(answer.body.message).toMatch(message)
    }
    expect(await Promise.all([ann, bob, cat].map(tagsOf))).toEqual(before)
  })
})
