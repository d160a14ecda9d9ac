import { beforeAll, describe, expect, it } from "vitest"
import { sealQuoteToken } from "../../plugin/src/utils/quote-links"
import { adminToken, api, fileUpload, signUpCustomer, TINY_PNG } from "../support/api"
import { sql } from "../support/db"
import { apiBase, asCustomer, asStaff, fetchFile, portalBase, TINY_PDF } from "../support/files"
import { portal } from "../support/portal"
import { createQuote, twoOptionQuote } from "../support/quotes"

/**
 * Issue #19 item 1, photos and PDFs on a quote: staff add them to the draft only (the bookings'
 * checks), the customer opens those of a version they were sent (signed in or through the emailed
 * link) and nobody else's; a revision keeps the sent version's files, whatever its draft changes.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type File = { name: string; type: string; data: Buffer }
let admin: string
let dora: Customer
let eve: Customer

const PHOTO: File = { name: "boiler before.png", type: "image/png", data: TINY_PNG }
const PDF: File = { name: "survey.pdf", type: "application/pdf", data: TINY_PDF }

const upload = (quoteId: string, file: File) => api(`/admin/quotes/${quoteId}/attachments`, { token: admin, raw: fileUpload(file) })
const rows = (quoteId: string) =>
  sql<{ filename: string; version: number; file_id: string }>(
    `select a.filename, v.version, a.file_id from quote_attachment a join quote_version v on v.id = a.version_id
      where v.quote_id = $1 and a.deleted_at is null order by v.version, a.rank`,
    [quoteId]
  )
const send = async (quoteId: string) => expect((await api(`/admin/quotes/${quoteId}/send`, { token: admin, body: {} })).status).toBe(200)
const mine = (quoteId: string, attachmentId: string, customer: Customer) =>
  fetchFile(`${apiBase()}/store/customers/me/quotes/${quoteId}/attachments/${attachmentId}`, asCustomer(customer.token))
const viaLink = (quoteId: string, attachmentId: string, customer: Customer, linkQuoteId = quoteId) =>
  fetchFile(`${apiBase()}/store/portal/quote-link/quotes/${quoteId}/attachments/${attachmentId}`, {
    ...asCustomer(),
    "x-quote-link": sealQuoteToken({ quote_id: linkQuoteId, customer_id: customer.customer.id }, "supersecret"),
  })
const staffFile = (quoteId: string, attachmentId: string) => fetchFile(`${apiBase()}/admin/quotes/${quoteId}/attachments/${attachmentId}`, asStaff(admin))

/** A draft quote for `customer` with a photo and a PDF on it; the quote as the admin answers after the second upload. */
async function draftWithFiles(customer: Customer) {
  const { quote } = await createQuote(admin, await twoOptionQuote(customer.customer.id))
  const photo = await upload(quote.id, PHOTO)
  expect(photo.status, JSON.stringify(photo.body)).toBe(201)
  const pdf = await upload(quote.id, PDF)
  expect(pdf.status, JSON.stringify(pdf.body)).toBe(201)
  return pdf.body.quote
}

beforeAll(async () => {
  admin = await adminToken()
  dora = await signUpCustomer({ first_name: "Dora", last_name: "Files" })
  eve = await signUpCustomer({ first_name: "Eve", last_name: "Other" })
}, 120_000)

describe("staff adding files to a quote", () => {
  it("lists photos and PDFs on the draft in the order added, and refuses what is not one, too big or already there", async () => {
    const quote = await draftWithFiles(dora)
    expect(quote.draft.attachments).toEqual([
      { id: expect.any(String), filename: "boiler before.png", mime_type: "image/png", size_bytes: TINY_PNG.length },
      { id: expect.any(String), filename: "survey.pdf", mime_type: "application/pdf", size_bytes: TINY_PDF.length },
    ])
    const served = await staffFile(quote.id, quote.draft.attachments[0].id)
    expect(served.status).toBe(200)
    expect(served.bytes.equals(TINY_PNG)).toBe(true)

    const text = await upload(quote.id, { name: "notes.pdf", type: "application/pdf", data: Buffer.from("only some words") })
    expect(text.status).toBe(400)
    expect(text.body.message).toMatch(/not a photo or a PDF/)
    const big = await upload(quote.id, { ...PDF, data: Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)]) })
    expect(big.status).toBe(413)
    expect(big.body.message).toMatch(/larger than 10 MB/)
    const again = await upload(quote.id, { ...PHOTO, name: "copy.png" })
    expect(again.status).toBe(400)
    expect(again.body.message).toBe("This file is already on the quote, as “boiler before.png”.")
    expect((await api(`/admin/quotes/${quote.id}/attachments`, { token: dora.token, raw: fileUpload(PDF) })).status).toBe(401)
    expect((await upload("quo_missing", PDF)).status).toBe(404)
    expect((await rows(quote.id)).map((row) => row.filename)).toEqual(["boiler before.png", "survey.pdf"])
  })

  it("never changes a sent version: no file added or removed until it is revised", async () => {
    const quote = await draftWithFiles(dora)
    await send(quote.id)
    const added = await upload(quote.id, { name: "late.png", type: "image/png", data: Buffer.concat([TINY_PNG, Buffer.from("late")]) })
    expect(added.status).toBe(400)
    expect(added.body.message).toMatch(/was sent and has no draft: revise it/)
    const removed = await api(`/admin/quotes/${quote.id}/attachments/${quote.draft.attachments[0].id}`, { token: admin, method: "DELETE" })
    expect(removed.status).toBe(400)
    expect((await rows(quote.id)).map((row) => `${row.version} ${row.filename}`)).toEqual(["1 boiler before.png", "1 survey.pdf"])
  })
})

describe("the customer opening a quote's files", () => {
  it("gives the sent version's files to its customer, signed in or through the link; a draft's file and anyone else are 404", async () => {
    const quote = await draftWithFiles(dora)
    const [photo, pdf] = quote.draft.attachments
    // Not sent yet: nothing for the customer.
    expect((await mine(quote.id, photo.id, dora)).status).toBe(404)
    await send(quote.id)

    const page = await api(`/store/customers/me/quotes/${quote.id}`, { token: dora.token })
    expect(page.body.quote.current.attachments.map((file: { id: string }) => file.id)).toEqual([photo.id, pdf.id])
    const signedIn = await mine(quote.id, pdf.id, dora)
    expect(signedIn.status).toBe(200)
    expect(signedIn.bytes.equals(TINY_PDF)).toBe(true)
    expect(signedIn.headers.get("content-type")).toBe("application/pdf")
    expect(signedIn.headers.get("content-disposition")).toBe('inline; filename="survey.pdf"')
    const linked = await viaLink(quote.id, photo.id, dora)
    expect(linked.status).toBe(200)
    expect(linked.bytes.equals(TINY_PNG)).toBe(true)

    // Another customer, another quote's link, a file of another quote: the same 404.
    expect((await mine(quote.id, pdf.id, eve)).status).toBe(404)
    expect((await viaLink(quote.id, pdf.id, eve)).status).toBe(404)
    const other = await draftWithFiles(eve)
    await send(other.id)
    expect((await viaLink(quote.id, pdf.id, dora, other.id)).status).toBe(404)
    expect((await mine(quote.id, other.draft.attachments[0].id, dora)).status).toBe(404)
    expect((await mine(quote.id, "qatt_missing", dora)).status).toBe(404)

    // A file only on the revision's draft stays the office's until it is sent.
    expect((await api(`/admin/quotes/${quote.id}/revise`, { token: admin, body: {} })).status).toBe(200)
    const extra = await upload(quote.id, { name: "parts list.pdf", type: "application/pdf", data: Buffer.concat([TINY_PDF, Buffer.from("% v2")]) })
    expect(extra.status).toBe(201)
    const draftOnly = extra.body.quote.draft.attachments[2]
    expect(draftOnly.filename).toBe("parts list.pdf")
    expect((await mine(quote.id, draftOnly.id, dora)).status).toBe(404)
    expect((await viaLink(quote.id, draftOnly.id, dora)).status).toBe(404)
    expect((await api(`/store/customers/me/quotes/${quote.id}`, { token: dora.token })).body.quote.current.attachments).toHaveLength(2)

    // The portal passes them on for the emailed link's session too (no JavaScript needed); the draft's is still 404.
    const token = sealQuoteToken({ quote_id: quote.id, customer_id: dora.customer.id }, "supersecret")
    const { cookie } = await portal(`/quote-link?token=${encodeURIComponent(token)}`)
    const shown = await portal(`/quotes/${quote.id}`, { cookie })
    expect(shown.html).toContain(`/quotes/${quote.id}/files/${photo.id}`)
    expect(shown.html).not.toContain(draftOnly.id)
    const viaPortal = await fetchFile(`${portalBase()}/quotes/${quote.id}/files/${photo.id}`, { cookie: cookie! })
    expect(viaPortal.status).toBe(200)
    expect(viaPortal.bytes.equals(TINY_PNG)).toBe(true)
    expect((await fetchFile(`${portalBase()}/quotes/${quote.id}/files/${draftOnly.id}`, { cookie: cookie! })).status).toBe(404)
  })

  it("keeps the files on a revision, and removing one from its draft leaves the sent version's file to open", async () => {
    const quote = await draftWithFiles(dora)
    const [photo] = quote.draft.attachments
    await send(quote.id)
    const revised = await api(`/admin/quotes/${quote.id}/revise`, { token: admin, body: {} })
    expect(revised.status).toBe(200)
    const copies = revised.body.quote.draft.attachments
    expect(copies.map((file: { filename: string }) => file.filename)).toEqual(["boiler before.png", "survey.pdf"])
    const [v1Photo, , v2Photo] = await rows(quote.id)
    expect(v2Photo.file_id).toBe(v1Photo.file_id)
    // Version 1's own row stays as sent.
    const sentOne = await api(`/admin/quotes/${quote.id}/attachments/${photo.id}`, { token: admin, method: "DELETE" })
    expect(sentOne.status).toBe(400)
    expect(sentOne.body.message).toBe("“boiler before.png” is on version 1, which was sent: a sent version is never changed.")

    const removed = await api(`/admin/quotes/${quote.id}/attachments/${copies[0].id}`, { token: admin, method: "DELETE" })
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(removed.body).toMatchObject({ id: copies[0].id, object: "quote_attachment", deleted: true })
    expect(removed.body.parent.quote.draft.attachments.map((file: { filename: string }) => file.filename)).toEqual(["survey.pdf"])
    // Version 1 still lists it, so the stored file stays.
    const kept = await mine(quote.id, photo.id, dora)
    expect(kept.status).toBe(200)
    expect(kept.bytes.equals(TINY_PNG)).toBe(true)
    expect((await staffFile(quote.id, copies[0].id)).status).toBe(404)

    // Sent, version 2 no longer has it; version 1's stays readable to staff and the customer.
    await send(quote.id)
    const page = await api(`/store/customers/me/quotes/${quote.id}`, { token: dora.token })
    expect(page.body.quote.current.attachments.map((file: { filename: string }) => file.filename)).toEqual(["survey.pdf"])
    expect((await mine(quote.id, photo.id, dora)).status).toBe(200)
  })

  it("deletes the stored file when the last version listing it lets it go", async () => {
    const { quote } = await createQuote(admin, await twoOptionQuote(dora.customer.id))
    const added = await upload(quote.id, PHOTO)
    const [file] = added.body.quote.draft.attachments
    expect((await staffFile(quote.id, file.id)).status).toBe(200)
    const removed = await api(`/admin/quotes/${quote.id}/attachments/${file.id}`, { token: admin, method: "DELETE" })
    expect(removed.status).toBe(200)
    expect(removed.body.parent.quote.draft.attachments).toEqual([])
    expect((await staffFile(quote.id, file.id)).status).toBe(404)
    // The File module no longer has it: listed again by hand, it can't be read.
    await sql(`update quote_attachment set deleted_at = null where id = $1`, [file.id])
    expect((await staffFile(quote.id, file.id)).status).toBe(404)
    expect((await api(`/admin/quotes/${quote.id}/attachments/qatt_missing`, { token: admin, method: "DELETE" })).status).toBe(404)
  })
})
