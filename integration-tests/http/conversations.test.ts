import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer, TINY_PNG } from "../support/api"
import { bookSomething } from "../support/customer-records"
import { messageForm, openStream } from "../support/conversations"
import { sql } from "../support/db"
import { apiBase, asCustomer, asStaff, fetchFile, TINY_PDF } from "../support/files"
import { readableMessageProblem } from "../support/routes"

/**
 * Issue #21 item 1, the backend of Messages: a customer's general conversation and one per
 * booking/quote/invoice, messages with files, staff replies and internal notes, assignment,
 * unread counts, search, live updates. Another customer's ids are always a 404.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Conversation = { id: string; title: string; subject_url: string | null; unread_count: number; messages: Message[] }
type Message = {
  id: string
  author_kind: string
  author_name: string
  body: string
  deleted_at: string | null
  attachments: { id: string; filename: string }[]
}

let admin: string
let adminUserId: string
let ann: Customer
let ben: Customer

const PHOTO = { name: "leak under sink.png", type: "image/png", data: TINY_PNG }
const PDF = { name: "receipt.pdf", type: "application/pdf", data: TINY_PDF }
const ME = "/store/customers/me/conversations"

const start = (customer: Customer, body: Record<string, unknown>) => api(ME, { token: customer.token, body })
const write = (customer: Customer, id: string, body: string) => api(`${ME}/${id}/messages`, { token: customer.token, body: { body } })
const staffWrite = (id: string, body: string, internal = false) => api(`/admin/conversations/${id}/messages`, { token: admin, body: { body, internal } })
const rowCounts = async (customerId: string) =>
  (
    await sql<{ conversations: number; messages: number; files: number }>(
      `select (select count(*)::int from conversation where customer_id = $1) as conversations,
              (select count(*)::int from conversation_message m join conversation c on c.id = m.conversation_id where c.customer_id = $1) as messages,
              (select count(*)::int from conversation_attachment a join conversation c on c.id = a.conversation_id where c.customer_id = $1) as files`,
      [customerId]
    )
  )[0]

function expectReadable400(response: { status: number; body: unknown }) {
  expect(response.status, JSON.stringify(response.body)).toBe(400)
  expect(readableMessageProblem(response.body)).toBeNull()
}

beforeAll(async () => {
  admin = await adminToken()
  adminUserId = (await api("/admin/users/me", { token: admin })).body.user.id
  ;[ann, ben] = await Promise.all([signUpCustomer({ first_name: "Ann", last_name: "Asks" }), signUpCustomer({ first_name: "Ben", last_name: "Busy" })])
}, 120_000)

describe("the customer's conversations", () => {
  it("opens one general conversation, finds it again, and refuses empty, too long or unknown messages without writing anything", async () => {
    const first = await start(ann, { subject_type: "general", body: "  Do you clean ovens?  " })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    const conversation = first.body.conversation as Conversation
    expect(conversation).toMatchObject({ title: "General", subject_url: null, unread_count: 0 })
    expect(conversation.messages).toMatchObject([{ author_kind: "customer", author_name: "Ann Asks", body: "Do you clean ovens?", deleted_at: null }])

    const again = await start(ann, { subject_type: "general", subject_id: null, body: "And windows?" })
    expect(again.status).toBe(201)
    expect(again.body.conversation.id).toBe(conversation.id)
    expect(again.body.conversation.messages).toHaveLength(2)

    const before = await rowCounts(ann.customer.id)
    expectReadable400(await start(ann, { subject_type: "general", body: "   " }))
    expectReadable400(await start(ann, { subject_type: "general", body: "x".repeat(5001) }))
    expectReadable400(await start(ann, { subject_type: "holiday", body: "Hello" }))
    expectReadable400(await start(ann, { subject_type: "booking", body: "Which booking?" }))
    expectReadable400(await write(ann, conversation.id, ""))
    expectReadable400(await write(ann, conversation.id, "y".repeat(5001)))
    expect((await write(ann, conversation.id, "z".repeat(5000))).status).toBe(201)
    const complaint = await start(ann, { subject_type: "complaint", subject_id: "comp_123", body: "It went wrong" })
    // Without the complaints module a complaint conversation is refused in words; with it, an unknown complaint is a 404.
    expect([400, 404]).toContain(complaint.status)
    expect(readableMessageProblem(complaint.body)).toBeNull()
    const after = await rowCounts(ann.customer.id)
    expect(after).toEqual({ ...before, messages: before.messages + 1 })

    const list = await api(ME, { token: ann.token })
    expect(list.status).toBe(200)
    expect(list.body).toMatchObject({ count: 1, offset: 0, limit: 20 })
    expect(list.body.conversations[0]).toMatchObject({ id: conversation.id, last_message_preview: expect.stringMatching(/^z{140}$/) })
  })

  it("opens one conversation per booking, only about the customer's own booking", async () => {
    const { booking } = await bookSomething(ann.token)
    const about = await start(ann, { subject_type: "booking", subject_id: booking.id, body: "Can you come earlier?" })
    expect(about.status, JSON.stringify(about.body)).toBe(201)
    expect(about.body.conversation.title).toContain(booking.booking_number)
    expect(about.body.conversation.subject_url).toBe(`/bookings/${booking.id}`)
    const twice = await start(ann, { subject_type: "booking", subject_id: booking.id, body: "Or later?" })
    expect(twice.body.conversation.id).toBe(about.body.conversation.id)
    const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from conversation where subject_type = 'booking' and subject_id = $1`, [
      booking.id,
    ])
    expect(count).toBe(1)

    const before = await rowCounts(ben.customer.id)
    const theirs = await start(ben, { subject_type: "booking", subject_id: booking.id, body: "Not mine" })
    expect(theirs.status).toBe(404)
    expect(await rowCounts(ben.customer.id)).toEqual(before)
  })

  it("takes up to five photos or PDFs checked by content, serves them to their owner only, and refuses bad files without writing", async () => {
    const posted = await api(ME, {
      token: ann.token,
      raw: messageForm({ subject_type: "general", body: "Photos attached" }, [PHOTO, PDF]),
    })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    const conversation = posted.body.conversation as Conversation
    const message = conversation.messages.at(-1)!
    expect(message.attachments.map((file) => file.filename)).toEqual(["leak under sink.png", "receipt.pdf"])
    const url = (id: string, file = message.attachments[0].id, msg = message.id) => `${apiBase()}${ME}/${id}/messages/${msg}/files/${file}`
    const mine = await fetchFile(url(conversation.id), asCustomer(ann.token))
    expect(mine.status).toBe(200)
    expect(mine.headers.get("content-type")).toBe("image/png")
    expect(mine.bytes.equals(TINY_PNG)).toBe(true)
    const staff = await fetchFile(
      `${apiBase()}/admin/conversations/${conversation.id}/messages/${message.id}/files/${message.attachments[1].id}`,
      asStaff(admin)
    )
    expect(staff.status).toBe(200)
    expect(staff.bytes.equals(TINY_PDF)).toBe(true)
    expect((await fetchFile(url(conversation.id), asCustomer(ben.token))).status).toBe(404)

    const before = await rowCounts(ann.customer.id)
    const notAPhoto = { name: "photo.png", type: "image/png", data: Buffer.from("<html>not a photo</html>") }
    const tooBig = { name: "huge.pdf", type: "application/pdf", data: Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)]) }
    for (const files of [[notAPhoto], [tooBig], [PHOTO, PHOTO, PHOTO, PHOTO, PHOTO, PHOTO]]) {
      expectReadable400(await api(`${ME}/${conversation.id}/messages`, { token: ann.token, raw: messageForm({ body: "With files" }, files) }))
    }
    expectReadable400(await api(`${ME}/${conversation.id}/messages`, { token: ann.token, raw: messageForm({ body: "" }, [PHOTO]) }))
    const form = await api(`${ME}/${conversation.id}/messages`, {
      token: ann.token,
      raw: { contentType: "application/x-www-form-urlencoded", data: Buffer.from("body=hello") },
    })
    expect(form.status).toBe(415)
    expect(await rowCounts(ann.customer.id)).toEqual(before)
  })

  it("lets the customer delete their own message only: it stays as deleted, emptied, its files gone", async () => {
    const posted = await api(ME, { token: ann.token, raw: messageForm({ subject_type: "general", body: "Wrong photo, sorry" }, [PHOTO]) })
    const conversation = posted.body.conversation as Conversation
    const message = conversation.messages.at(-1)!
    const staffReply = (await staffWrite(conversation.id, "No problem")).body.conversation.messages.at(-1) as Message

    expect((await api(`${ME}/${conversation.id}/messages/${message.id}`, { token: ben.token, method: "DELETE" })).status).toBe(404)
    expect((await api(`${ME}/${conversation.id}/messages/${staffReply.id}`, { token: ann.token, method: "DELETE" })).status).toBe(404)
    const deleted = await api(`${ME}/${conversation.id}/messages/${message.id}`, { token: ann.token, method: "DELETE" })
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    expect(deleted.body).toEqual({ id: message.id, object: "message", deleted: true })

    const shown = (await api(`${ME}/${conversation.id}`, { token: ann.token })).body.conversation as Conversation
    const gone = shown.messages.find((m) => m.id === message.id)!
    expect(gone).toMatchObject({ body: "", attachments: [], deleted_at: expect.any(String) })
    const staffView = (await api(`/admin/conversations/${conversation.id}`, { token: admin })).body.conversation as Conversation
    expect(staffView.messages.find((m) => m.id === message.id)).toMatchObject({ body: "", deleted_at: expect.any(String) })
    const file = await fetchFile(`${apiBase()}${ME}/${conversation.id}/messages/${message.id}/files/${message.attachments[0].id}`, asCustomer(ann.token))
    expect(file.status).toBe(404)
    const [row] = await sql<{ body: string }>(`select body from conversation_message where id = $1`, [message.id])
    expect(row.body).toBe("")
  })
})

describe("staff replies, notes, assignment and unread counts", () => {
  it("keeps notes from the customer, counts unread on both sides, and filters the inbox", async () => {
    const ben1 = (await start(ben, { subject_type: "general", body: "Is my clean still on?" })).body.conversation as Conversation
    const unread = async () => (await api("/admin/conversations?unread=true&limit=100", { token: admin })).body.conversations.map((c: { id: string }) => c.id)
    expect(await unread()).toContain(ben1.id)
    expect((await api("/admin/conversations/unread", { token: admin })).body.unread_count).toBeGreaterThanOrEqual(1)

    const opened = await api(`/admin/conversations/${ben1.id}`, { token: admin })
    expect(opened.status).toBe(200)
    expect(opened.body.conversation.customer).toMatchObject({ id: ben.customer.id, name: "Ben Busy", email: ben.email })
    expect(await unread()).not.toContain(ben1.id)

    const note = await staffWrite(ben1.id, "Secret: he asked twice already", true)
    expect(note.status, JSON.stringify(note.body)).toBe(201)
    expect(note.body.conversation.messages.at(-1)).toMatchObject({ author_kind: "note", body: "Secret: he asked twice already" })
    const noteFile = await api(`/admin/conversations/${ben1.id}/messages`, {
      token: admin,
      raw: messageForm({ body: "Internal photo", internal: "true" }, [PHOTO]),
    })
    expect(noteFile.status, JSON.stringify(noteFile.body)).toBe(201)
    const noteMessage = noteFile.body.conversation.messages.at(-1) as Message
    expect(noteMessage.author_kind).toBe("note")
    expect((await api(`${ME}/unread`, { token: ben.token })).body.unread_count).toBe(0)

    const reply = await staffWrite(ben1.id, "Yes, Tuesday at 9.")
    expect(reply.status).toBe(201)
    expect((await api(`${ME}/unread`, { token: ben.token })).body.unread_count).toBe(1)
    const list = (await api(ME, { token: ben.token })).body
    expect(list.conversations[0]).toMatchObject({ id: ben1.id, unread_count: 1, last_message_preview: "Yes, Tuesday at 9." })
    expect(JSON.stringify(list)).not.toContain("Secret")

    const seen = (await api(`${ME}/${ben1.id}`, { token: ben.token })).body.conversation as Conversation
    expect(seen.messages.map((m) => m.author_kind)).toEqual(["customer", "staff"])
    expect(JSON.stringify(seen)).not.toContain("Secret")
    expect(JSON.stringify(seen)).not.toContain(noteMessage.attachments[0].id)
    const noteFileAsCustomer = await fetchFile(
      `${apiBase()}${ME}/${ben1.id}/messages/${noteMessage.id}/files/${noteMessage.attachments[0].id}`,
      asCustomer(ben.token)
    )
    expect(noteFileAsCustomer.status).toBe(404)
    expect((await api(`${ME}/unread`, { token: ben.token })).body.unread_count).toBe(0)

    // Assignment: mine, unassigned, back again; an unknown staff member is refused.
    const ids = async (filter: string) =>
      (await api(`/admin/conversations?filter=${filter}&customer_id=${ben.customer.id}`, { token: admin })).body.conversations.map((c: { id: string }) => c.id)
    expect(await ids("unassigned")).toContain(ben1.id)
    const assigned = await api(`/admin/conversations/${ben1.id}/assign`, { token: admin, body: { user_id: adminUserId } })
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200)
    expect(assigned.body.conversation.assigned_to).toMatchObject({ id: adminUserId })
    expect(await ids("mine")).toEqual([ben1.id])
    expect(await ids("unassigned")).not.toContain(ben1.id)
    expectReadable400(await api(`/admin/conversations/${ben1.id}/assign`, { token: admin, body: { user_id: "user_nobody" } }))
    expect((await api(`/admin/conversations/${ben1.id}/assign`, { token: admin, body: { user_id: null } })).body.conversation.assigned_to).toBeNull()
    expect(await ids("all")).toEqual([ben1.id])

    // Search: the customer's email, or words of a message.
    const search = async (q: string) =>
      (await api(`/admin/conversations?q=${encodeURIComponent(q)}&limit=100`, { token: admin })).body.conversations.map((c: { id: string }) => c.id)
    expect(await search(ben.email)).toContain(ben1.id)
    expect(await search("still on")).toContain(ben1.id)
    expect(await search("nothing-like-this-anywhere")).toEqual([])

    // Staff start a conversation about a booking of the customer's.
    const { booking } = await bookSomething(ben.token)
    const started = await api("/admin/conversations", {
      token: admin,
      body: { customer_id: ben.customer.id, subject_type: "booking", subject_id: booking.id, body: "We need the gate code" },
    })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    expect(started.body.conversation).toMatchObject({ subject_type: "booking", subject_id: booking.id, customer: { id: ben.customer.id } })
    const wrongOwner = await api("/admin/conversations", {
      token: admin,
      body: { customer_id: ann.customer.id, subject_type: "booking", subject_id: booking.id, body: "Hi" },
    })
    expect(wrongOwner.status).toBe(404)

    // Each customer or staff message is a line in the customer's history; notes are not.
    const activity = (await api(`/admin/customers/${ben.customer.id}/activity?limit=50`, { token: admin })).body.activity as { kind: string; message: string }[]
    expect(activity.filter((line) => line.kind === "message_sent").length).toBeGreaterThanOrEqual(1)
    expect(activity.filter((line) => line.kind === "message_received").length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(activity)).not.toContain("Secret")
  })

  it("answers 404 to another customer's conversation, message and file on every route", async () => {
    const posted = await api(ME, { token: ann.token, raw: messageForm({ subject_type: "general", body: "Private" }, [PHOTO]) })
    const conversation = posted.body.conversation as Conversation
    const message = conversation.messages.at(-1)!
    const before = await rowCounts(ann.customer.id)
    const calls = [
      api(`${ME}/${conversation.id}`, { token: ben.token }),
      api(`${ME}/${conversation.id}/messages`, { token: ben.token, body: { body: "Hijack" } }),
      api(`${ME}/${conversation.id}/messages`, { token: ben.token, raw: messageForm({ body: "Hijack" }, [PHOTO]) }),
      api(`${ME}/${conversation.id}/messages/${message.id}`, { token: ben.token, method: "DELETE" }),
      api(`${ME}/${conversation.id}/messages/${message.id}/files/${message.attachments[0].id}`, { token: ben.token }),
    ]
    for (const response of await Promise.all(calls)) {
      expect(response.status, JSON.stringify(response.body)).toBe(404)
      expect(JSON.stringify(response.body)).not.toContain("Private")
    }
    expect(await rowCounts(ann.customer.id)).toEqual(before)
    expect((await api(`/admin/conversations/conv_nothing`, { token: admin })).status).toBe(404)
    expect((await api(`/admin/conversations/conv_nothing/messages`, { token: admin, body: { body: "Hi" } })).status).toBe(404)
    expect((await api(`/admin/conversations/conv_nothing/assign`, { token: admin, body: { user_id: null } })).status).toBe(404)
  })
})

describe("live updates", () => {
  it("pushes a new message to the customer's and the staff's streams within 2 s, and only the customer's own", async () => {
    const conversation = (await start(ann, { subject_type: "general", body: "Streaming?" })).body.conversation as Conversation
    const annStream = await openStream(`${ME}/stream`, asCustomer(ann.token))
    const benStream = await openStream(`${ME}/stream`, asCustomer(ben.token))
    const staffStream = await openStream("/admin/conversations/stream", asStaff(admin))
    try {
      expect(annStream.status).toBe(200)
      expect(annStream.contentType).toContain("text/event-stream")
      expect(staffStream.status).toBe(200)
      const reply = (await staffWrite(conversation.id, "Live reply")).body.conversation.messages.at(-1) as Message
      const started = Date.now()
      while (!annStream.events.length && Date.now() - started < 2_000) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(annStream.events).toEqual([{ event: "message", data: { conversation_id: conversation.id, message_id: reply.id } }])
      const own = (await write(ann, conversation.id, "Thanks!")).body.conversation.messages.at(-1) as Message
      const waited = Date.now()
      while (!staffStream.events.some((e) => e.data.message_id === own.id) && Date.now() - waited < 2_000) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(staffStream.events).toContainEqual({
        event: "message",
        data: { conversation_id: conversation.id, message_id: own.id, customer_id: ann.customer.id },
      })
      // A note is nobody's news but staff's: it is not pushed at all (they see it in the answer).
      await staffWrite(conversation.id, "Note to self", true)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(annStream.events.map((e) => e.data.message_id)).toEqual([reply.id, own.id])
      expect(benStream.events).toEqual([])
      expect(annStream.comments()).toBeGreaterThanOrEqual(1)
    } finally {
      await Promise.all([annStream.close(), benStream.close(), staffStream.close()])
    }
    const unauthenticated = await api(`${ME}/stream`)
    expect(unauthenticated.status).toBe(401)
  })
})
