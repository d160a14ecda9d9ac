import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { createBookableService, type TestService } from "../support/bookings"
import { sql } from "../support/db"
import { bookingInvoice, issued } from "../support/invoices"
import { acceptedQuote, BRISTOL, markDepositPaid, savedLocation, serviceWindows } from "../support/quote-visits"
import { saveCard } from "../support/stripe"
import { sealQuoteToken } from "../../plugin/src/utils/quote-links"

/**
 * Issue #19 item 3, from quote to visit: an accepted quote is booked in an arrival window at the
 * quoted prices (by the customer or by staff), once; the booking and its invoice carry the quote
 * number, and a paid deposit is credited on the invoice once, so the card pays only the rest.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string
let alice: Customer
let bob: Customer
let service: TestService
let windows: { starts_at: string }[]
let next = 0
/** A window of the test's own service nobody else has taken (capacity 1: one visit each). */
const freshWindow = () => windows[next++].starts_at

const schedule = (customer: Customer, quoteId: string, body: Record<string, unknown>) =>
  api(`/store/customers/me/quotes/${quoteId}/schedule`, { token: customer.token, body })
const orderTotal = async (orderId: string) =>
  Number((await api(`/admin/orders/${orderId}?fields=total,*payment_collections`, { token: admin })).body.order.total)

beforeAll(async () => {
  admin = await adminToken()
  alice = await signUpCustomer({ first_name: "Alice", last_name: "Visit" })
  bob = await signUpCustomer({ first_name: "Bob", last_name: "Elsewhere" })
  service = await createBookableService(admin, { lead_time_hours: 0, capacity: 1 })
  windows = (await serviceWindows(service.id)).slice(2)
}, 120_000)

describe("booking a visit from an accepted quote", () => {
  it("books the quoted lines at the quoted prices, at the quote's address, and only once", async () => {
    const home = await savedLocation(alice)
    const quote = await acceptedQuote(admin, alice, service, { address_id: home })
    expect(quote.acceptance.total).toBe(96)
    const startsAt = freshWindow()

    const placed = await schedule(alice, quote.id, { starts_at: startsAt })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    const booking = placed.body.booking
    expect(booking).toMatchObject({ status: "confirmed", quote_id: quote.id, quote_number: quote.number, address_id: home, starts_at: startsAt })
    // The order is the quote: £55 for the service (not the catalogue's £40) and 2 × £12.50, with VAT.
    expect(await orderTotal(booking.order_id)).toBe(96)

    // The quote links the visit, and its history says so.
    const page = (await api(`/store/customers/me/quotes/${quote.id}`, { token: alice.token })).body.quote
    expect(page.visit).toMatchObject({ booking_id: booking.id, booking_number: booking.booking_number })
    const staff = (await api(`/admin/quotes/${quote.id}`, { token: admin })).body
    expect(staff.quote.booking_ids).toEqual([booking.id])
    expect(staff.events.map((event: { kind: string }) => event.kind)).toContain("scheduled")
    const [row] = await sql<{ booking_id: string; scheduled_at: Date | null }>(`select booking_id, scheduled_at from quote_acceptance where quote_id = $1`, [
      quote.id,
    ])
    expect(row.booking_id).toBe(booking.id)
    expect(row.scheduled_at).not.toBeNull()
    const activity = await sql<{ message: string }>(`select message from customer_activity where customer_id = $1 and kind = 'quote_scheduled'`, [
      alice.customer.id,
    ])
    expect(activity[0].message).toContain(`Visit booked from Quote ${quote.number}`)
    // The office is emailed that the customer booked it.
    const office = await eventually(async () => {
      const rows = await sql<{ data: { summary: string } }>(`select data from notification where template = $1 and resource_id = $2 and trigger_type = $3`, [
        "quote-customer-action-office",
        quote.id,
        "quote.scheduled",
      ])
      if (!rows.length) throw new Error("no office email yet")
      return rows[0]
    })
    expect(office.data.summary).toContain(booking.booking_number)

    // A second try (another tab) books nothing more.
    const again = await schedule(alice, quote.id, { starts_at: freshWindow() })
    expect(again.status).toBe(409)
    expect(again.body.message).toContain(`already booked from this quote (booking ${booking.booking_number})`)
    const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from booking where quote_id = $1`, [quote.id])
    expect(count).toBe(1)
  })

  it("two tabs at once make one booking", async () => {
    const quote = await acceptedQuote(admin, alice, service)
    const body = { location: { address: BRISTOL } }
    const answers = await Promise.all([
      schedule(alice, quote.id, { ...body, starts_at: freshWindow() }),
      schedule(alice, quote.id, { ...body, starts_at: freshWindow() }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from booking where quote_id = $1 and status <> 'cancelled'`, [quote.id])
    expect(count).toBe(1)
  })

  it("refuses in words: a quote not accepted, no address, a full window; someone else's quote is not found", async () => {
    const quote = await acceptedQuote(admin, alice, service)
    // Not accepted (yet, or any more).
    await sql(`update quote set status = 'sent' where id = $1`, [quote.id])
    const notAccepted = await schedule(alice, quote.id, { starts_at: freshWindow(), location: { address: BRISTOL } })
    expect(notAccepted.status).toBe(409)
    expect(notAccepted.body.message).toBe("Only an accepted quote can be booked. Accept the quote first, then choose a time for the visit.")
    await sql(`update quote set status = 'accepted' where id = $1`, [quote.id])

    const nowhere = await schedule(alice, quote.id, { starts_at: freshWindow() })
    expect(nowhere.status).toBe(400)
    expect(nowhere.body.message).toBe("Choose where the visit is: this quote has no address.")

    // Bob's session can't reach Alice's quote.
    const stranger = await schedule(bob, quote.id, { starts_at: freshWindow(), location: { address: BRISTOL } })
    expect(stranger.status).toBe(404)

    // A window someone else just took (capacity 1).
    const taken = freshWindow()
    const other = await api("/admin/bookings", {
      token: admin,
      body: { customer_id: bob.customer.id, service_id: service.id, variant_id: service.variants[0].id, starts_at: taken, location: { address: BRISTOL } },
    })
    expect(other.status, JSON.stringify(other.body)).toBe(201)
    const full = await schedule(alice, quote.id, { starts_at: taken, location: { address: BRISTOL } })
    expect(full.status).toBe(409)
    expect(full.body.message).toBe("Sorry, that time has just been booked by someone else. Choose another time.")
    const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from booking where quote_id = $1`, [quote.id])
    expect(count).toBe(0)

    // Unknown keys are refused.
    const odd = await schedule(alice, quote.id, { starts_at: freshWindow(), location: { address: BRISTOL }, price: 1 })
    expect(odd.status).toBe(400)
  })

  it("through the emailed link: books at the quote's address, paid on the day; no card or other place; only that quote", async () => {
    const home = await savedLocation(alice, "7 Link Lane")
    const quote = await acceptedQuote(admin, alice, service, { address_id: home })
    const link = (quoteId: string, customerId = alice.customer.id) => ({
      "x-quote-link": sealQuoteToken({ quote_id: quoteId, customer_id: customerId }, "supersecret"),
    })
    const viaLink = (quoteId: string, body: Record<string, unknown>, headers = link(quoteId)) =>
      api(`/store/portal/quote-link/quotes/${quoteId}/schedule`, { headers, body })

    // A card or another place needs the account: refused, nothing booked.
    const card = await viaLink(quote.id, { starts_at: freshWindow(), saved_card_id: "pm_anything" })
    expect(card.status).toBe(400)
    const elsewhere = await viaLink(quote.id, { starts_at: freshWindow(), location: { address: BRISTOL } })
    expect(elsewhere.status).toBe(400)
    // Another quote's link, or none, can't book this one.
    const other = await acceptedQuote(admin, bob, service, { address_id: await savedLocation(bob, "8 Other Row") })
    expect((await viaLink(quote.id, { starts_at: freshWindow() }, link(other.id, bob.customer.id))).status).toBe(404)
    expect((await api(`/store/portal/quote-link/quotes/${quote.id}/schedule`, { body: { starts_at: freshWindow() } })).status).toBe(401)
    const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from booking where quote_id = $1`, [quote.id])
    expect(count).toBe(0)

    const startsAt = freshWindow()
    const booked = await viaLink(quote.id, { starts_at: startsAt, instructions: "Side gate is open" })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body.booking).toMatchObject({ customer_id: alice.customer.id, starts_at: startsAt, quote_number: quote.number })
    // The quote names the visit, and a second try books nothing more.
    const page = await api(`/store/portal/quote-link/quotes/${quote.id}`, { headers: link(quote.id) })
    expect(page.body.quote.visit).toMatchObject({ booking_id: booked.body.booking.id })
    expect((await viaLink(quote.id, { starts_at: freshWindow() })).status).toBe(409)
  })

  it("staff book it from the quote page", async () => {
    const quote = await acceptedQuote(admin, alice, service)
    const placed = await api(`/admin/quotes/${quote.id}/schedule`, { token: admin, body: { starts_at: freshWindow(), location: { address: BRISTOL } } })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    expect(placed.body.booking).toMatchObject({ customer_id: alice.customer.id, quote_number: quote.number })
    expect(await orderTotal(placed.body.booking.order_id)).toBe(96)
    const staff = (await api(`/admin/quotes/${quote.id}`, { token: admin })).body
    expect(staff.quote.visit.booking_number).toBe(placed.body.booking.booking_number)
    const event = staff.events.find((candidate: { kind: string }) => candidate.kind === "scheduled")
    expect(event.actor).not.toBe("customer")
  })
})

describe("the visit's invoice", () => {
  it("names the quote and credits a paid deposit once: the balance is the total less the deposit", async () => {
    const quote = await acceptedQuote(admin, alice, service, { deposit: 20 })
    await markDepositPaid(quote.id)
    const placed = await schedule(alice, quote.id, { starts_at: freshWindow(), location: { address: BRISTOL } })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    const booking = placed.body.booking
    // Pay on the day: what is asked at the visit is the rest.
    const { body } = await api(`/admin/orders/${booking.order_id}?fields=total,*payment_collections`, { token: admin })
    expect(Number(body.order.payment_collections[0].amount)).toBe(76)

    const done = await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    const invoice = await issued(admin, await bookingInvoice(admin, booking.id))
    expect(invoice.lines[0].description).toContain(`(from quote ${quote.number})`)
    expect(invoice.total).toBe(96)
    const deposits = invoice.payments.filter((payment: { reference: string | null }) => payment.reference === `Deposit on ${quote.number}`)
    expect(deposits).toHaveLength(1)
    expect(deposits[0]).toMatchObject({ method: "card", amount: 20 })
    expect(invoice.paid_total).toBe(20)
    const [row] = await sql<{ deposit_invoice_payment_id: string }>(`select deposit_invoice_payment_id from quote_acceptance where quote_id = $1`, [quote.id])
    expect(row.deposit_invoice_payment_id).toBe(deposits[0].id)

    // Issuing again (a repeated event) credits nothing more.
    const twice = await api(`/admin/invoices/${invoice.id}/issue`, { token: admin, body: {} })
    expect(twice.status).toBeGreaterThanOrEqual(400)
    const after = await eventually(async () => (await api(`/admin/invoices/${invoice.id}`, { token: admin })).body.invoice)
    expect(after.payments.filter((payment: { reference: string | null }) => payment.reference === `Deposit on ${quote.number}`)).toHaveLength(1)
    expect(after.total - after.paid_total).toBe(76)
  })

  it("with a saved card, holds and takes only what the deposit leaves: the invoice is paid, the deposit not charged twice", async () => {
    const card = await saveCard(alice.token)
    const quote = await acceptedQuote(admin, alice, service, { deposit: 20 })
    await markDepositPaid(quote.id)
    const placed = await schedule(alice, quote.id, { starts_at: freshWindow(), location: { address: BRISTOL }, saved_card_id: card })
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    const booking = placed.body.booking
    const { body } = await api(`/admin/orders/${booking.order_id}?fields=total,*payment_collections,*payment_collections.payments`, { token: admin })
    expect(Number(body.order.total)).toBe(96)
    expect(Number(body.order.payment_collections[0].payments[0].amount)).toBe(76)

    expect((await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })).status).toBe(200)
    const invoice = await issued(admin, await bookingInvoice(admin, booking.id))
    const paid = await eventually(async () => {
      const current = (await api(`/admin/invoices/${invoice.id}`, { token: admin })).body.invoice
      if (current.status !== "paid") throw new Error(`still ${current.status}`)
      return current
    })
    const amounts = paid.payments.map((payment: { reference: string | null; amount: number }) => [
      payment.reference?.startsWith("Deposit") ? "deposit" : "card",
      payment.amount,
    ])
    expect(amounts.sort()).toEqual([
      ["card", 76],
      ["deposit", 20],
    ])
    expect(paid.paid_total).toBe(96)
  })
})
