import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { messageForm } from "../support/conversations"
import { sql } from "../support/db"

/**
 * Merging duplicates keeps what the secondary said to the business: its conversations, complaints
 * and ratings become the primary's. The two general conversations become one (the primary's), with
 * the secondary's messages in it and its last message and unread counts worked out again.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Message = { id: string; author_kind: string; body: string }
let admin: string

beforeAll(async () => {
  admin = await adminToken()
}, 60_000)

const must = (what: string, response: { status: number; body: any }) => {
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBeLessThan(300)
  return response.body
}
const write = async (who: Customer, fields: Record<string, string>) =>
  must("message", await api("/store/customers/me/conversations", { token: who.token, raw: messageForm(fields) })).conversation as {
    id: string
    messages: Message[]
  }

describe("merging customers with conversations, complaints and ratings", () => {
  let primary: Customer
  let secondary: Customer

  beforeAll(async () => {
    ;[primary, secondary] = await Promise.all([
      signUpCustomer({ first_name: "Rhea", last_name: "Primary" }),
      signUpCustomer({ first_name: "Rhea", last_name: "Secondary" }),
    ])
  }, 60_000)

  it("moves them to the primary, with one general conversation holding both customers' messages", async () => {
    const kept = await write(primary, { subject_type: "general", body: "Primary asks about Tuesday" })
    const gone = await write(secondary, { subject_type: "general", body: "Secondary asks about the gate" })
    must("staff reply", await api(`/admin/conversations/${gone.id}/messages`, { token: admin, body: { body: "The gate code is fine", internal: false } }))
    const complaint = must(
      "complaint",
      await api("/store/customers/me/complaints", { token: secondary.token, body: { category: "quality_of_work", description: "Streaks on the patio doors" } })
    ).complaint as { id: string }
    const aboutComplaint = await write(secondary, { subject_type: "complaint", subject_id: complaint.id, body: "Any news on my complaint?" })
    const ratingId = `rtg_merge${Date.now()}`
    await sql(
      `insert into rating (id, booking_id, booking_number, customer_id, service_title, visit_completed_at, stars, comment)
       values ($1, $2, 'BK-MERGE', $3, 'Window clean', now(), 4, 'Good')`,
      [ratingId, `book_merge${Date.now()}`, secondary.customer.id]
    )

    const pair = `primary_id=${primary.customer.id}&secondary_id=${secondary.customer.id}`
    const counts = (await api(`/admin/crm/merges/preview?${pair}`, { token: admin })).body.preview.counts as { kind: string }[]
    expect(counts.find((count) => count.kind === "conversations")).toMatchObject({ primary: 1, secondary: 2, moved: 2, after: 2 })
    expect(counts.find((count) => count.kind === "complaints")).toMatchObject({ primary: 0, secondary: 1, after: 1 })
    expect(counts.find((count) => count.kind === "ratings")).toMatchObject({ primary: 0, secondary: 1, after: 1 })
    const merged = await api("/admin/crm/merges", { token: admin, body: { primary_id: primary.customer.id, secondary_id: secondary.customer.id } })
    expect(merged.status, JSON.stringify(merged.body)).toBe(201)

    // The primary's portal: one general conversation with all three messages in order, and the one about the complaint.
    const list = must("list", await api("/store/customers/me/conversations", { token: primary.token })).conversations as { id: string }[]
    expect(list.map((row) => row.id).sort()).toEqual([kept.id, aboutComplaint.id].sort())
    const general = must("general", await api(`/store/customers/me/conversations/${kept.id}`, { token: primary.token })).conversation as {
      messages: Message[]
    }
    expect(general.messages.map((message) => message.body)).toEqual(["Primary asks about Tuesday", "Secondary asks about the gate", "The gate code is fine"])
    // Opening it read the staff reply; the staff side still has the primary's unanswered message unread.
    const [row] = await sql<{ last_message_preview: string; staff_unread_count: number; deleted_at: Date | null }>(
      "select last_message_preview, staff_unread_count, deleted_at from conversation where id = $1",
      [kept.id]
    )
    expect(row).toEqual({ last_message_preview: "The gate code is fine", staff_unread_count: 1, deleted_at: null })
    const [old] = await sql<{ deleted_at: Date | null }>("select deleted_at from conversation where id = $1", [gone.id])
    expect(old.deleted_at).not.toBeNull()
    // The secondary's message is the primary's own now: they can delete it.
    const theirs = general.messages[1]
    expect((await api(`/store/customers/me/conversations/${kept.id}/messages/${theirs.id}`, { token: primary.token, method: "DELETE" })).status).toBeLessThan(
      300
    )

    // The complaint and the rating are the primary's.
    const complaints = must("complaints", await api("/store/customers/me/complaints", { token: primary.token })).complaints as { id: string }[]
    expect(complaints.map((row) => row.id)).toEqual([complaint.id])
    expect(await sql("select customer_id from rating where id = $1", [ratingId])).toEqual([{ customer_id: primary.customer.id }])
    expect(await sql("select id from conversation where customer_id = $1 and deleted_at is null", [secondary.customer.id])).toEqual([])

    // The history line, as every merge writes it, counts them.
    const history = (await api(`/admin/customers/${primary.customer.id}/activity?kind=customer_merged`, { token: admin })).body.activity as {
      message: string
    }[]
    expect(history[0].message).toMatch(/2 conversations, 1 complaint and 1 rating moved here\.$/)
  }, 120_000)
})
