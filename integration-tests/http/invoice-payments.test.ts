import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"
import { saveCard, sendStripeEvent, stripeApi, stripeEvents, stripeRequests, TEST_CARDS } from "../support/stripe"

/**
 * Issue #17 item 4: customers pay their invoices online, one or several at once, with a saved card
 * or a new one; 3-D Secure finishes in the browser; the money is recorded once, whether the
 * portal's confirmation or Stripe's event (twice, late) comes first; nothing bad is half-written.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Invoice = { id: string; number: string; status: string; balance: number; total: number; paid_total: number; currency_code: string }

const bristol = { address_1: "3 Pay Street", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }
let admin: string
let alice: Customer
let bob: Customer
let aliceCard: string
let bobCard: string

/** A clean booked (paid on the day) and marked completed by staff: its issued, unpaid invoice. */
async function openInvoice(customer: Customer): Promise<Invoice> {
  const { booking } = await bookSomething(customer.token, "regular-home-clean", { address: bristol })
  const done = await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  return eventually(async () => {
    const { body } = await api("/store/customers/me/invoices?view=all", { token: customer.token })
    const found = body.invoices.find((i: { booking_ids: string[] }) => i.booking_ids.includes(booking.id))
    if (!found) throw new Error("no invoice yet")
    return found
  }, 20_000)
}

const key = () => `test_${Date.now()}_${Math.random().toString(36).slice(2)}`
const pay = (customer: Customer, body: Record<string, unknown>) =>
  api("/store/customers/me/invoice-payments", { token: customer.token, body: { idempotency_key: key(), ...body } })
const invoiceOf = async (customer: Customer, id: string): Promise<Invoice> =>
  (await api(`/store/customers/me/invoices/${id}`, { token: customer.token })).body.invoice
const paymentRows = async (invoiceId: string) =>
  sql(`select id, amount::text, stripe_payment_intent_id from invoice_payment where invoice_id = $1`, [invoiceId])
const intentsFor = async (checkoutId: string) =>
  (await stripeRequests()).filter((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.params?.metadata?.invoice_checkout_id === checkoutId)
const receiptsTo = async (email: string, template: string) =>
  (await sql(`select id from notification where "to" = $1 and template = $2 and channel = 'email'`, [email, template])).length

beforeAll(async () => {
  admin = await adminToken()
  alice = await signUpCustomer({ first_name: "Alice", last_name: "Payer" })
  bob = await signUpCustomer({ first_name: "Bob", last_name: "Payer" })
  aliceCard = await saveCard(alice.token)
  bobCard = await saveCard(bob.token)
}, 120_000)

describe("paying invoices with a saved card", () => {
  it("pays two invoices at once: both paid, one charge, one receipt listing both, one Past payments line", async () => {
    const [first, second] = [await openInvoice(alice), await openInvoice(alice)]
    expect(first.status).toBe("issued")
    const response = await pay(alice, { invoice_ids: [first.id, second.id], saved_card_id: aliceCard })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const { checkout } = response.body
    expect(checkout).toMatchObject({ status: "succeeded", currency_code: first.currency_code, card: { brand: "visa", last4: "4242" }, client_secret: null })
    expect(checkout.amount).toBeCloseTo(first.balance + second.balance, 2)
    for (const invoice of [first, second]) {
      const after = await invoiceOf(alice, invoice.id)
      expect(after).toMatchObject({ status: "paid", balance: 0 })
      expect(after.paid_total).toBe(invoice.total)
    }
    expect(await intentsFor(checkout.id)).toHaveLength(1)

    const receipt = await latestEmail(alice.email, "invoice-payment-receipt")
    expect(receipt.data.invoices_text).toContain(first.number)
    expect(receipt.data.invoices_text).toContain(second.number)
    expect(receipt.data.method_text).toBe("visa card ending 4242")
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await receiptsTo(alice.email, "invoice-payment-receipt")).toBe(1)
    expect(await receiptsTo(alice.email, "invoice-receipt")).toBe(0)

    const past = (await api("/store/customers/me/invoice-payments", { token: alice.token })).body.payments
    const line = past.find((p: { invoices: { id: string }[] }) => p.invoices.some((i) => i.id === first.id))
    expect(line.invoices.map((i: { id: string }) => i.id).sort()).toEqual([first.id, second.id].sort())
    expect(line.amount).toBeCloseTo(checkout.amount, 2)
    expect(line).toMatchObject({ method: "card", kind: "payment", card: { brand: "visa", last4: "4242" } })
    expect((await api("/store/customers/me/invoice-payments", { token: bob.token })).body.payments).toEqual([])
    expect((await api(`/store/customers/me/invoice-payments/${checkout.id}`, { token: bob.token })).status).toBe(404)
  })

  it("charges once for a double click or a second tab: the same key gets the same payment back", async () => {
    const invoice = await openInvoice(alice)
    const idempotency_key = key()
    const body = { invoice_ids: [invoice.id], saved_card_id: aliceCard, idempotency_key }
    const answers = await Promise.all([pay(alice, body), pay(alice, body), pay(alice, body)])
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    const ids = new Set(answers.map((answer) => answer.body.checkout.id))
    expect(ids.size).toBe(1)
    const [id] = ids
    expect(await intentsFor(id)).toHaveLength(1)
    expect(await paymentRows(invoice.id)).toHaveLength(1)
    const again = await pay(alice, body)
    expect(again.body.checkout).toMatchObject({ id, status: "succeeded" })
    expect(await intentsFor(id)).toHaveLength(1)
  })

  it("pays with a new card made by Stripe.js, and keeps it when asked", async () => {
    const invoice = await openInvoice(alice)
    const method = await stripeApi("/v1/payment_methods", {
      key: "publishable",
      params: { type: "card", card: { number: TEST_CARDS.mastercard, exp_month: 12, exp_year: new Date().getFullYear() + 3, cvc: "123" } },
    })
    const response = await pay(alice, { invoice_ids: [invoice.id], payment_method: method.body.id, save_card: true })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.checkout).toMatchObject({ status: "succeeded", card: { brand: "mastercard", last4: "4444" } })
    expect((await invoiceOf(alice, invoice.id)).status).toBe("paid")
    const cards = (await api("/store/customers/me/saved-cards", { token: alice.token })).body.saved_cards
    expect(cards.map((card: { id: string }) => card.id)).toContain(method.body.id)
  })
})

describe("3-D Secure and Stripe's events", () => {
  let authCard: string
  beforeAll(async () => {
    authCard = await saveCard(alice.token, TEST_CARDS.needsAuthentication)
  })

  it("answers requires_action with nothing recorded, then the bank's check and the confirm route mark it paid", async () => {
    const invoice = await openInvoice(alice)
    const response = await pay(alice, { invoice_ids: [invoice.id], saved_card_id: authCard })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const { checkout } = response.body
    expect(checkout.status).toBe("requires_action")
    expect(checkout.client_secret).toMatch(/^pi_.+_secret_/)
    expect(await invoiceOf(alice, invoice.id)).toMatchObject({ status: "issued", balance: invoice.balance })
    expect(await paymentRows(invoice.id)).toHaveLength(0)

    // Confirming before the check: still waiting, still nothing recorded.
    const early = await api(`/store/customers/me/invoice-payments/${checkout.id}/confirm`, { token: alice.token, body: {} })
    expect(early.body.checkout.status).toBe("requires_action")
    expect(await paymentRows(invoice.id)).toHaveLength(0)
    expect((await api(`/store/customers/me/invoice-payments/${checkout.id}/confirm`, { token: bob.token, body: {} })).status).toBe(404)

    const intent = checkout.client_secret.split("_secret_")[0]
    expect((await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: {} })).body.status).toBe("succeeded")
    const confirmed = await api(`/store/customers/me/invoice-payments/${checkout.id}/confirm`, { token: alice.token, body: {} })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(confirmed.body.checkout).toMatchObject({ status: "succeeded", client_secret: null })
    expect((await invoiceOf(alice, invoice.id)).status).toBe("paid")
    expect(await paymentRows(invoice.id)).toEqual([expect.objectContaining({ stripe_payment_intent_id: intent })])
  })

  it("a card payment finished after the office recorded a bank transfer takes nothing more, and tells the office what to refund", async () => {
    const invoice = await openInvoice(alice)
    const { checkout } = (await pay(alice, { invoice_ids: [invoice.id], saved_card_id: authCard })).body
    const transfer = await api(`/admin/invoices/${invoice.id}/payments`, {
      token: admin,
      body: { method: "bank_transfer", amount: invoice.balance.toFixed(2), reference: "BACS 9921" },
    })
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(201)
    const intent = checkout.client_secret.split("_secret_")[0]
    await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: {} })
    const confirmed = await api(`/store/customers/me/invoice-payments/${checkout.id}/confirm`, { token: alice.token, body: {} })
    expect(confirmed.body.checkout.status).toBe("succeeded")
    const paid = await invoiceOf(alice, invoice.id)
    expect(paid).toMatchObject({ status: "paid", paid_total: invoice.total })
    expect(await paymentRows(invoice.id)).toEqual([expect.objectContaining({ stripe_payment_intent_id: null })])
    const [line] = await sql<{ message: string }>(
      `select message from customer_activity where customer_id = $1 and kind = 'invoice_payment_unapplied' and data->>'checkout_id' = $2`,
      [alice.customer.id, checkout.id]
    )
    expect(line?.message).toBe(
      `£${invoice.balance.toFixed(2)} of a card payment made online was more than the invoices still owed (paid another way meanwhile): refund it from Stripe payment ${intent}.`
    )
  })

  it("records a payment once when Stripe's event comes first, twice, and late (after the confirmation)", async () => {
    const invoice = await openInvoice(alice)
    const { checkout } = (await pay(alice, { invoice_ids: [invoice.id], saved_card_id: authCard })).body
    const intent = checkout.client_secret.split("_secret_")[0]
    await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: {} })
    const event = (await stripeEvents("payment_intent.succeeded")).find((item) => item.data.object.id === intent)
    const first = await sendStripeEvent(event)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ status: "processed", outcome: "invoice payment captured" })
    expect((await invoiceOf(alice, invoice.id)).status).toBe("paid")
    expect((await sendStripeEvent(event)).body).toMatchObject({ status: "duplicate" })
    const confirmed = await api(`/store/customers/me/invoice-payments/${checkout.id}/confirm`, { token: alice.token, body: {} })
    expect(confirmed.body.checkout.status).toBe("succeeded")
    // Stripe sends the news again as a new event, days later.
    const late = await sendStripeEvent({ ...event, id: `evt_late_${Date.now()}` })
    expect(late.status).toBe(200)
    expect(await paymentRows(invoice.id)).toHaveLength(1)
    expect((await invoiceOf(alice, invoice.id)).paid_total).toBe(invoice.total)
  })

  it("a failed bank check leaves the invoice as it was and answers 402", async () => {
    const invoice = await openInvoice(alice)
    const { checkout } = (await pay(alice, { invoice_ids: [invoice.id], saved_card_id: authCard })).body
    const intent = checkout.client_secret.split("_secret_")[0]
    await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: { result: "fail" } })
    const confirmed = await api(`/store/customers/me/invoice-payments/${checkout.id}/confirm`, { token: alice.token, body: {} })
    expect(confirmed.status).toBe(402)
    expect(confirmed.body.message).toMatch(/unable to authenticate.*invoices are unchanged/)
    expect(await invoiceOf(alice, invoice.id)).toMatchObject({ status: "issued", balance: invoice.balance })
    expect(await paymentRows(invoice.id)).toHaveLength(0)
  })
})

describe("refused", () => {
  it("a declined card: 402 in words, the invoice unchanged, no attempt left behind", async () => {
    const invoice = await openInvoice(bob)
    const declining = await saveCard(bob.token, TEST_CARDS.declinesCharges)
    const response = await pay(bob, { invoice_ids: [invoice.id], saved_card_id: declining })
    expect(response.status, JSON.stringify(response.body)).toBe(402)
    expect(response.body).toMatchObject({ type: "payment_declined" })
    expect(response.body.message).toMatch(/declined.*Nothing was charged and your invoices are unchanged/)
    expect(await invoiceOf(bob, invoice.id)).toMatchObject({ status: "issued", balance: invoice.balance })
    expect(await paymentRows(invoice.id)).toHaveLength(0)
    expect(await sql(`select id from invoice_checkout where customer_id = $1 and status <> 'succeeded'`, [bob.customer.id])).toHaveLength(0)
  })

  it("another customer's invoice or card, a paid or void invoice, no invoices, two cards: 4xx and nothing written", async () => {
    const invoice = await openInvoice(bob)
    const aliceInvoice = await openInvoice(alice)
    const checkouts = () => sql(`select count(*)::int as n from invoice_checkout where customer_id = any($1)`, [[bob.customer.id, alice.customer.id]])
    const before = await checkouts()
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ invoice_ids: [aliceInvoice.id], saved_card_id: bobCard }, 404, /was not found/],
      [{ invoice_ids: [invoice.id, aliceInvoice.id], saved_card_id: bobCard }, 404, /was not found/],
      [{ invoice_ids: [invoice.id], saved_card_id: aliceCard }, 404, /was not found/],
      [{ invoice_ids: [], saved_card_id: bobCard }, 400, /at least one invoice/],
      [{ invoice_ids: [invoice.id] }, 400, /Choose one card/],
      [{ invoice_ids: [invoice.id], saved_card_id: bobCard, payment_method: "pm_123" }, 400, /Choose one card/],
      [{ invoice_ids: [invoice.id], saved_card_id: bobCard, amount: 1 }, 400, /amount/],
    ]
    for (const [body, status, message] of cases) {
      const response = await pay(bob, body)
      expect(response.status, JSON.stringify(body)).toBe(status)
      // Our words are the message, or (validation) each field's message beside Medusa's summary.
      expect(JSON.stringify(response.body)).toMatch(message)
    }
    // Paying it, then paying it again (over-paying): refused before Stripe is asked.
    expect((await pay(bob, { invoice_ids: [invoice.id], saved_card_id: bobCard })).status).toBe(200)
    const again = await pay(bob, { invoice_ids: [invoice.id], saved_card_id: bobCard })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/already paid/)
    const voided = await openInvoice(bob)
    expect((await api(`/admin/invoices/${voided.id}/void`, { token: admin, body: { reason: "Booked twice" } })).status).toBe(200)
    const onVoid = await pay(bob, { invoice_ids: [voided.id], saved_card_id: bobCard })
    expect(onVoid.status).toBe(400)
    expect(onVoid.body.message).toMatch(/void/)
    expect(await checkouts()).toEqual([{ n: before[0].n + 1 }])
  })
})
