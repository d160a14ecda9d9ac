import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"
import { bookingInvoice } from "../support/invoices"
import { sentAttachments, sentThroughResend } from "../support/sent-emails"
import { saveCard, stripeApi } from "../support/stripe"

/**
 * Issue #17 item 1: a visit marked completed is invoiced from its order at once, numbered,
 * emailed with its PDF; a card held at booking is charged and the invoice shows paid. Staff then
 * correct, void, credit and record money; nothing bad is ever half-written.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }
let admin: string
let alice: Customer
let bob: Customer
let settingsBefore: Record<string, unknown>

const complete = (bookingId: string) => api(`/admin/bookings/${bookingId}/status`, { token: admin, body: { status: "completed", early_finish: true } })

/** Books a clean for the customer and marks it completed; resolves with the invoice it made. */
async function completedVisit(customer: Customer, extra: Record<string, unknown> = {}, settled: (status: string) => boolean = (status) => status !== "draft") {
  const { booking } = await bookSomething(customer.token, "regular-home-clean", { address: bristol, ...extra })
  const done = await complete(booking.id)
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  // Made as a draft, then issued by the same workflow a moment later.
  const invoice = await bookingInvoice(admin, booking.id, (found) => settled(found.status))
  return { booking, invoice }
}

const invoiceRows = async (customerId: string) =>
  sql(
    `select i.status, i.paid_total::text, i.credited_total::text, (select count(*) from invoice_payment p where p.invoice_id = i.id)::int as payments,
            (select count(*) from credit_note c where c.invoice_id = i.id)::int as credit_notes
       from invoice i where i.customer_id = $1 order by i.created_at`,
    [customerId]
  )

beforeAll(async () => {
  admin = await adminToken()
  settingsBefore = (await api("/admin/billing/settings", { token: admin })).body.settings
  alice = await signUpCustomer({ first_name: "Alice", last_name: "Invoice" })
  bob = await signUpCustomer({ first_name: "Bob", last_name: "Other" })
}, 120_000)

afterAll(async () => {
  const { invoice_prefix, issue_on_completion, default_terms, default_terms_days } = settingsBefore
  await api("/admin/billing/settings", { token: admin, body: { invoice_prefix, issue_on_completion, default_terms, default_terms_days } })
})

describe("a completed visit's invoice", () => {
  it("is issued from the order at once: numbered, its lines, tax and total the order's, due by the company's terms, emailed with its PDF", async () => {
    const { booking, invoice } = await completedVisit(alice)
    const year = new Date().getFullYear()
    expect(invoice.number).toMatch(new RegExp(`^INV-${year}-\\d{6}$`))
    expect(invoice.status).toBe("issued")
    expect(invoice.lines).toHaveLength(1)
    const [line] = invoice.lines
    expect(line).toMatchObject({ booking_number: booking.booking_number, quantity: 1, tax_rate: 20 })
    expect(line.description).toContain("Regular Home Clean")
    expect(line.visit_address).toContain("BS6 7QT")
    expect(line.visit_date).toBe(booking.starts_at)
    expect(invoice.subtotal + invoice.tax_total).toBe(invoice.total)
    const { body } = await api(`/store/customers/me/bookings/${booking.id}`, { token: alice.token })
    expect(invoice.total).toBe(body.booking.price.total)
    expect(invoice.tax_total).toBe(body.booking.price.tax_total)
    expect(invoice.bill_to.name).toBe("Alice Invoice")
    expect(invoice.balance).toBe(invoice.total)
    expect(invoice.due_rule).toBe("company")
    expect(invoice.due_rule_text).toMatch(/^(Net \d+|Due on receipt), the company's default terms$/)

    const email = await latestEmail(alice.email, "invoice-issued")
    expect(email.data.invoice_number).toBe(invoice.number)
    const sent = await sentThroughResend(email.external_id!)
    expect(sent.subject).toContain(invoice.number)
    const attachments = await sentAttachments(email.external_id!)
    expect(attachments.map((a) => a.filename)).toEqual([`${invoice.number}.pdf`])
    expect(Buffer.from(attachments[0].content, "base64").subarray(0, 5).toString()).toBe("%PDF-")

    // The customer sees it among their open invoices, and its PDF.
    const open = await api("/store/customers/me/invoices?view=open", { token: alice.token })
    expect(open.body.invoices.map((i: { id: string }) => i.id)).toContain(invoice.id)
    const pdf = await api(`/store/customers/me/invoices/${invoice.id}/pdf`, { token: alice.token })
    expect(pdf.status).toBe(200)
    expect(pdf.headers["content-type"]).toBe("application/pdf")
  })

  it("is paid at once when the visit was booked with a saved card: the hold is captured and recorded, and undoing the completion is refused", async () => {
    const card = await saveCard(alice.token)
    const clean = (await api("/store/services/regular-home-clean")).body.service
    const windows = (await api("/store/services/regular-home-clean/availability?days=28")).body.windows as { starts_at: string }[]
    let booking: { id: string; order_id: string } | null = null
    for (const window of windows.slice(8)) {
      const placed = await api("/store/customers/me/bookings", {
        token: alice.token,
        body: { service_id: clean.id, variant_id: clean.variants[0].id, starts_at: window.starts_at, location: { address: bristol }, saved_card_id: card },
      })
      if (placed.status === 201) {
        booking = placed.body.booking
        break
      }
      expect(placed.status, JSON.stringify(placed.body)).toBe(409)
    }
    expect((await complete(booking!.id)).status).toBe(200)
    const invoice = await bookingInvoice(admin, booking!.id, (found) => found.status === "paid")
    expect(invoice.payments).toHaveLength(1)
    expect(invoice.payments[0]).toMatchObject({ kind: "payment", method: "card", amount: invoice.total, card: { brand: "visa", last4: "4242" } })
    // Stripe captured the hold, once, for the invoice's total.
    const { body } = await api(`/admin/orders/${booking!.order_id}?fields=*payment_collections,*payment_collections.payments`, { token: admin })
    const payment = body.order.payment_collections[0].payments[0]
    expect(payment.captured_at).not.toBeNull()
    const intent = (await stripeApi(`/v1/payment_intents/${payment.data.id}`)).body
    expect(intent).toMatchObject({ status: "succeeded", amount_received: Math.round(invoice.total * 100) })
    const email = await latestEmail(alice.email, "invoice-issued")
    expect(email.data.status_text).toContain("paid with your visa card ending 4242")

    const undo = await api(`/admin/bookings/${booking!.id}/reopen`, { token: admin, body: {} })
    expect(undo.status).toBe(409)
    expect(undo.body.message).toContain(`invoice ${invoice.number} has been paid`)
  })

  it("is voided when staff undo the completion of a visit nothing was paid for, and a new one made when it is completed again", async () => {
    const { booking, invoice } = await completedVisit(alice)
    const undo = await api(`/admin/bookings/${booking.id}/reopen`, { token: admin, body: {} })
    expect(undo.status, JSON.stringify(undo.body)).toBe(200)
    await eventually(async () => {
      const { body } = await api(`/admin/invoices/${invoice.id}`, { token: admin })
      if (body.invoice.status !== "void") throw new Error(`still ${body.invoice.status}`)
    })
    expect((await complete(booking.id)).status).toBe(200)
    const again = await bookingInvoice(admin, booking.id, (found) => found.status === "issued" && found.id !== invoice.id)
    expect(again.number).not.toBe(invoice.number)
  })

  it("answers another customer's invoice as not found, and never shows drafts to the customer", async () => {
    const { invoice } = await completedVisit(alice)
    for (const path of [`/store/customers/me/invoices/${invoice.id}`, `/store/customers/me/invoices/${invoice.id}/pdf`]) {
      const answer = await api(path, { token: bob.token })
      expect(answer.status, path).toBe(404)
    }
    const mine = await api("/store/customers/me/invoices", { token: bob.token })
    expect(mine.body.invoices).toEqual([])
  })
})

describe("staff correcting and settling an invoice", () => {
  it("records a part payment, refuses over-paying, records a repeated key once, and is paid when the balance is met", async () => {
    const { invoice } = await completedVisit(alice)
    const pay = (body: Record<string, unknown>) => api(`/admin/invoices/${invoice.id}/payments`, { token: admin, body })
    const part = await pay({ method: "bank_transfer", amount: "50.00", reference: "BACS 1234", idempotency_key: "k1" })
    expect(part.status, JSON.stringify(part.body)).toBe(201)
    expect(part.body.invoice).toMatchObject({ status: "partially_paid", paid_total: 50, balance: invoice.total - 50 })
    expect((await pay({ method: "bank_transfer", amount: "50.00", reference: "BACS 1234", idempotency_key: "k1" })).body.invoice.paid_total).toBe(50)

    const before = await invoiceRows(alice.customer.id)
    const over = await pay({ method: "cash", amount: String(invoice.total) })
    expect(over.status).toBe(400)
    expect(over.body.message).toMatch(/more than invoice INV-\d{4}-\d{6}'s balance of £/)
    for (const amount of ["0", "-5", "abc", "1.234"]) {
      const bad = await pay({ method: "cash", amount })
      expect(bad.status, amount).toBe(400)
      expect(bad.body.message).toMatch(/amount/)
    }
    const refundTooBig = await pay({ kind: "refund", method: "bank_transfer", amount: "60" })
    expect(refundTooBig.status).toBe(400)
    expect(refundTooBig.body.message).toMatch(/A refund can't be more than the £50.00 paid/)
    const voidPaid = await api(`/admin/invoices/${invoice.id}/void`, { token: admin, body: { reason: "Mistake" } })
    expect(voidPaid.status).toBe(400)
    expect(voidPaid.body.message).toMatch(/Record a refund first/)
    expect(await invoiceRows(alice.customer.id)).toEqual(before)

    const rest = await pay({ method: "cheque", amount: (invoice.total - 50).toFixed(2), reference: "Cheque 000117" })
    expect(rest.body.invoice).toMatchObject({ status: "paid", balance: 0 })
    expect(rest.body.invoice.payments.map((p: { method: string }) => p.method)).toEqual(["bank_transfer", "cheque"])
    const receipt = await latestEmail(alice.email, "invoice-receipt")
    expect(receipt.data.invoice_number).toBe(invoice.number)

    // The customer's history names the staff member for each payment; resending is recorded too.
    expect((await api(`/admin/invoices/${invoice.id}/resend`, { token: admin, body: {} })).status).toBe(200)
    const history = (await api(`/admin/customers/${alice.customer.id}/activity?limit=50`, { token: admin })).body.activity as {
      kind: string
      message: string
      actor: { type: string; email: string | null }
    }[]
    const payments = history.filter((line) => line.kind === "invoice_payment_recorded" && line.message.includes(invoice.number))
    expect(payments.map((line) => line.message)).toEqual(
      expect.arrayContaining([expect.stringContaining("(bank transfer, reference BACS 1234)"), expect.stringContaining("(cheque, reference Cheque 000117)")])
    )
    expect(payments.every((line) => line.actor.type === "staff" && line.actor.email === inject("demo").adminEmail)).toBe(true)
    expect(history.some((line) => line.kind === "invoice_resent" && line.actor.type === "staff")).toBe(true)
  })

  it("issues credit notes up to the invoice, voids an unpaid one, and refuses money on a void invoice", async () => {
    const { invoice } = await completedVisit(alice)
    const credit = (body: Record<string, unknown>) => api(`/admin/invoices/${invoice.id}/credit-notes`, { token: admin, body })
    const tooBig = await credit({ amount: (invoice.total + 1).toFixed(2), reason: "Too much" })
    expect(tooBig.status).toBe(400)
    expect(tooBig.body.message).toMatch(/can't be more than what is left to credit/)
    expect((await credit({ amount: "10", reason: "" })).status).toBe(400)
    const note = await credit({ amount: "12.00", reason: "Oven not cleaned" })
    expect(note.status, JSON.stringify(note.body)).toBe(201)
    expect(note.body.invoice.credit_notes[0]).toMatchObject({ total: 12, reason: "Oven not cleaned" })
    expect(note.body.invoice.credit_notes[0].number).toMatch(/^CN-\d{4}-\d{6}$/)
    expect(note.body.invoice.balance).toBe(invoice.total - 12)

    const voided = await api(`/admin/invoices/${invoice.id}/void`, { token: admin, body: { reason: "Billed the wrong customer" } })
    expect(voided.body.invoice).toMatchObject({ status: "void", void_reason: "Billed the wrong customer", number: invoice.number })
    const payVoid = await api(`/admin/invoices/${invoice.id}/payments`, { token: admin, body: { method: "cash", amount: "1" } })
    expect(payVoid.status).toBe(400)
    expect(payVoid.body.message).toMatch(/is void/)
  })

  it("sets a due date on one invoice, refusing one before the issue date, and says which rule set it", async () => {
    const { invoice } = await completedVisit(alice)
    const early = await api(`/admin/invoices/${invoice.id}/due-date`, { token: admin, body: { due_date: "2020-01-01" } })
    expect(early.status).toBe(400)
    expect(early.body.message).toBe("The due date can't be before the issue date.")
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10)
    const set = await api(`/admin/invoices/${invoice.id}/due-date`, { token: admin, body: { due_date: later } })
    expect(set.body.invoice).toMatchObject({ due_rule: "invoice", due_rule_text: "Set on this invoice" })
    expect(set.body.invoice.due_at.slice(0, 10) >= later).toBe(true)
  })
})

describe("Settings → Billing", () => {
  it("leaves completed visits as drafts when asked, which staff issue with the customer's own terms and the new prefix", async () => {
    await api(`/admin/customers/${alice.customer.id}/profile`, { token: admin, body: { payment_terms_days: 30 } })
    const saved = await api("/admin/billing/settings", { token: admin, body: { issue_on_completion: false, invoice_prefix: "BS-{YYYY}/" } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const { invoice } = await completedVisit(alice, {}, (status) => status === "draft")
    expect(invoice).toMatchObject({ status: "draft", number: null })
    expect((await api(`/store/customers/me/invoices/${invoice.id}`, { token: alice.token })).status).toBe(404)
    const issued = await api(`/admin/invoices/${invoice.id}/issue`, { token: admin, body: {} })
    expect(issued.status, JSON.stringify(issued.body)).toBe(200)
    expect(issued.body.invoice.number).toMatch(new RegExp(`^BS-${new Date().getFullYear()}/\\d{6}$`))
    expect(issued.body.invoice).toMatchObject({ status: "issued", due_rule: "customer", due_rule_text: "Net 30, the customer's payment terms" })
    const again = await api(`/admin/invoices/${invoice.id}/issue`, { token: admin, body: {} })
    expect(again.status).toBe(400)
    expect((await api("/admin/billing/settings", { token: admin, body: { default_terms: "days" } })).status).toBe(400)
  })
})
