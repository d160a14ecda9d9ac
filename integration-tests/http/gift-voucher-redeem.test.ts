import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import type { StoreGiftVoucher } from "@fieldservice/contract"
import { adminToken, api, eventually, latestEmail, signUpCustomer, uniqueEmail } from "../support/api"
import { createBookableService, type TestService } from "../support/bookings"
import { sql } from "../support/db"
import { bookingInvoice, issued } from "../support/invoices"
import { saveCard, stripeRequests } from "../support/stripe"

/**
 * Issue #20 item 4: a voucher at the booking's payment step. A service voucher pays its service's
 * visit in full; an amount voucher pays up to its balance and the card or the day the rest; the
 * balance goes down once the booking is placed, comes back when it is cancelled, and two bookings
 * racing for the last of one balance can't both have it. The invoice shows the voucher as paid.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; remaining: number }
let admin: string
let giver: Customer
let giverCard: string
let service: TestService
let windows: Window[]
let nextWindow = 0

const HOME = { address_1: "9 Voucher Lane", city: "Bristol", postal_code: "BS6 6PR", country_code: "gb" }
const VOUCHERS = "/store/customers/me/gift-vouchers"
const londonToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date())
const variant = (title: string) => service.variants.find((option) => option.title === title)!

/** A voucher bought by the giver for a new friend, delivered today, and added to the friend's account. */
async function friendWithVoucher(body: Record<string, unknown>) {
  const email = uniqueEmail("friend")
  const bought = await api(VOUCHERS, {
    token: giver.token,
    body: {
      recipient_name: "A Friend",
      recipient_email: email,
      deliver_on: londonToday(),
      saved_card_id: giverCard,
      agree_terms: true,
      idempotency_key: randomUUID().replace(/-/g, ""),
      ...body,
    },
  })
  if (bought.status !== 201) throw new Error(`buying failed: ${JSON.stringify(bought.body)}`)
  const { code } = (await latestEmail(email, "gift-voucher-delivery")).data as { code: string }
  const friend = await signUpCustomer({ first_name: "Fay", last_name: "Friend", email })
  const added = await api(`${VOUCHERS}/add`, { token: friend.token, body: { code } })
  if (added.status !== 200) throw new Error(`adding failed: ${JSON.stringify(added.body)}`)
  return { friend, code, voucher: added.body.gift_voucher as StoreGiftVoucher }
}

const book = (customer: Customer, option: string, extra: Record<string, unknown> = {}) =>
  api("/store/customers/me/bookings", {
    token: customer.token,
    body: {
      service_id: service.id,
      variant_id: variant(option).id,
      starts_at: windows[nextWindow++ % windows.length].starts_at,
      location: { address: HOME, label: "Home" },
      ...extra,
    },
  })
const voucherOf = async (customer: Customer, id: string) => (await api(`${VOUCHERS}/${id}`, { token: customer.token })).body.gift_voucher as StoreGiftVoucher
const intentsFor = async (bookingId: string) =>
  (await stripeRequests()).filter((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.params?.metadata?.booking_id === bookingId)

beforeAll(async () => {
  admin = await adminToken()
  await api("/admin/gift-vouchers/settings", {
    token: admin,
    body: { enabled: true, amounts: [25, 50, 100], min_amount: 10, max_amount: 500, validity_months: 12, service_ids: null },
  })
  service = await createBookableService(admin, { lead_time_hours: 0, capacity: 50 })
  // Two days ahead and later: far enough to cancel online (the cut-off is 24 hours).
  const all: Window[] = (await api(`/store/services/${service.id}/availability?days=14`)).body.windows
  windows = all.filter((window) => new Date(window.starts_at).getTime() > Date.now() + 48 * 3_600_000)
  giver = await signUpCustomer({ first_name: "Gil", last_name: "Giver" })
  giverCard = await saveCard(giver.token)
}, 120_000)

describe("a service voucher", () => {
  it("pays its service's visit in full, tax included, and can't pay for another option", async () => {
    const { friend, code, voucher } = await friendWithVoucher({ kind: "services", service_ids: [variant("Large").id] })
    expect(voucher).toMatchObject({ kind: "services", value: 60, balance: 60, status: "active" })

    const wrong = await book(friend, "Small", { gift_voucher_code: code })
    expect(wrong.status).toBe(400)
    expect(wrong.body.message).toBe(`This voucher pays for ${service.title} (Large). Choose that service and option to use it, or pay another way.`)

    const price = await api("/store/customers/me/booking-price", {
      token: friend.token,
      body: { service_id: service.id, variant_id: variant("Large").id, location: { address: HOME }, gift_voucher_code: code.toLowerCase() },
    })
    expect(price.status, JSON.stringify(price.body)).toBe(200)
    expect(price.body.price).toMatchObject({ total: 72, gift_voucher: 72 })

    const booked = await book(friend, "Large", { gift_voucher_code: code })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body.booking).toMatchObject({ status: "confirmed", card: null, gift_voucher: { amount: 72, code_hint: code.slice(-4) } })
    expect(await intentsFor(booked.body.booking.id)).toHaveLength(0)
    const after = await voucherOf(friend, voucher.id)
    expect(after).toMatchObject({ status: "used", balance: 0 })
    expect(after.services[0].booking_id).toBe(booked.body.booking.id)

    const page = await api(`/store/customers/me/bookings/${booked.body.booking.id}`, { token: friend.token })
    expect(page.body.booking.price).toMatchObject({ total: 72, gift_voucher: 72 })

    // The visit done: its invoice shows the voucher as the payment, nothing left to pay.
    const done = await api(`/admin/bookings/${booked.body.booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    const made = await issued(admin, await bookingInvoice(admin, booked.body.booking.id))
    // Issuing numbers the invoice first, then records what the voucher paid.
    const invoice = await eventually(async () => {
      const current = (await api(`/admin/invoices/${made.id}`, { token: admin })).body.invoice
      if (!current.payments.length) throw new Error("no payment yet")
      return current
    })
    expect(invoice.total).toBe(72)
    expect(invoice.balance).toBe(0)
    expect(invoice.payments).toEqual([expect.objectContaining({ method: "gift_voucher", amount: 72, reference: `Gift voucher …${code.slice(-4)}` })])
  })
})

describe("an amount voucher", () => {
  it("pays up to its balance and the saved card the rest", async () => {
    const { friend, code, voucher } = await friendWithVoucher({ kind: "amount", amount: 50 })
    const card = await saveCard(friend.token)
    const booked = await book(friend, "Large", { gift_voucher_code: code, saved_card_id: card })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body.booking.gift_voucher).toEqual({ amount: 50, code_hint: code.slice(-4) })
    const intents = await intentsFor(booked.body.booking.id)
    expect(intents).toHaveLength(1)
    expect(intents[0].params.amount).toBe("2200")
    expect((await voucherOf(friend, voucher.id)).balance).toBe(0)
  })

  it("goes down by the visit, and comes back when the booking is cancelled", async () => {
    const { friend, code, voucher } = await friendWithVoucher({ kind: "amount", amount: 100 })
    const booked = await book(friend, "Small", { gift_voucher_code: code })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body.booking.gift_voucher.amount).toBe(48)
    const used = await voucherOf(friend, voucher.id)
    expect(used.balance).toBe(52)
    // What it was spent on, and the line in the customer's history.
    expect(used.spent).toEqual([
      expect.objectContaining({ booking_id: booked.body.booking.id, booking_number: booked.body.booking.booking_number, amount: 48 }),
    ])
    const [line] = await sql<{ message: string }>(`select message from customer_activity where customer_id = $1 and kind = 'gift_voucher_used'`, [
      friend.customer.id,
    ])
    expect(line.message).toBe(`Gift voucher …${code.slice(-4)} paid £48.00 of booking ${booked.body.booking.booking_number}.`)

    const cancelled = await api(`/store/customers/me/bookings/${booked.body.booking.id}/cancel`, { token: friend.token, body: {} })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const back = await voucherOf(friend, voucher.id)
    expect(back.balance).toBe(100)
    expect(back.spent).toEqual([])
  })

  it("two bookings spending the last of one balance at the same moment: only one is made", async () => {
    const { friend, code, voucher } = await friendWithVoucher({ kind: "amount", amount: 50 })
    const [first, second] = await Promise.all([book(friend, "Large", { gift_voucher_code: code }), book(friend, "Large", { gift_voucher_code: code })])
    const statuses = [first.status, second.status].sort()
    expect(statuses, JSON.stringify([first.body, second.body])).toEqual([201, 400])
    const refused = first.status === 400 ? first : second
    expect(refused.body.message).toMatch(/has just been used for another booking|This voucher has been used up/)
    expect((await voucherOf(friend, voucher.id)).balance).toBe(0)
    const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from booking where customer_id = $1`, [friend.customer.id])
    expect(count).toBe(1)
  })
})

describe("store credit (referral rewards)", () => {
  it("pays after the voucher, the card the rest; cancelling gives both back; the invoice shows each", async () => {
    const { friend, code } = await friendWithVoucher({ kind: "amount", amount: 25 })
    // Staff credit the friend's store credit account (the loyalty plugin's own admin API).
    const account = await api("/admin/store-credit-accounts", { token: admin, body: { currency_code: "gbp", customer_id: friend.customer.id } })
    expect(account.status, JSON.stringify(account.body)).toBe(200)
    const accountId = account.body.store_credit_account.id
    expect((await api(`/admin/store-credit-accounts/${accountId}/credit`, { token: admin, body: { amount: 30, note: "Thank you" } })).status).toBe(200)
    const balance = async () => (await api("/store/customers/me/store-credit", { token: friend.token })).body.store_credit[0].balance
    const card = await saveCard(friend.token)

    const booked = await book(friend, "Large", { gift_voucher_code: code, use_store_credit: true, saved_card_id: card })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const intents = await intentsFor(booked.body.booking.id)
    expect(intents[0].params.amount).toBe("1700")
    expect(await balance()).toBe(0)
    const page = await api(`/store/customers/me/bookings/${booked.body.booking.id}`, { token: friend.token })
    expect(page.body.booking.price).toMatchObject({ total: 72, gift_voucher: 25, store_credit: 30 })

    const cancelled = await api(`/store/customers/me/bookings/${booked.body.booking.id}/cancel`, { token: friend.token, body: {} })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(await balance()).toBe(30)

    // Booked again with store credit only and done: the invoice records it as paid with store credit.
    const again = await book(friend, "Small", { use_store_credit: true })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(await balance()).toBe(0)
    await api(`/admin/bookings/${again.body.booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
    const made = await issued(admin, await bookingInvoice(admin, again.body.booking.id))
    const invoice = await eventually(async () => {
      const current = (await api(`/admin/invoices/${made.id}`, { token: admin })).body.invoice
      if (!current.payments.length) throw new Error("no payment yet")
      return current
    })
    expect(invoice.payments).toEqual([expect.objectContaining({ method: "store_credit", amount: 30, reference: "Store credit" })])
    expect(invoice.balance).toBe(18)
  })

  it("asking to use store credit without any is a readable 400", async () => {
    const { friend } = await friendWithVoucher({ kind: "amount", amount: 25 })
    const refused = await book(friend, "Small", { use_store_credit: true })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toBe("You have no store credit to use. Choose another way to pay.")
  })
})

describe("codes that can't be used", () => {
  it("a wrong code, another account's voucher, a voucher not yet sent: readable 4xx, nothing booked", async () => {
    const { code } = await friendWithVoucher({ kind: "amount", amount: 25 })
    const stranger = await signUpCustomer({ first_name: "Stan", last_name: "Stranger" })
    const wrong = await book(stranger, "Small", { gift_voucher_code: "GIFT-AAAA-BBBB-CCCC-DDDD" })
    expect(wrong.status).toBe(404)
    expect(wrong.body.message).toBe("There is no voucher with that code. Check it and try again.")
    const theirs = await book(stranger, "Small", { gift_voucher_code: code })
    expect(theirs.status).toBe(400)
    expect(theirs.body.message).toBe("This voucher is in another account.")

    const later = uniqueEmail("later")
    const scheduled = await api(VOUCHERS, {
      token: giver.token,
      body: {
        kind: "amount",
        amount: 25,
        recipient_name: "Later",
        recipient_email: later,
        deliver_on: new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + 5 * 86_400_000)),
        saved_card_id: giverCard,
        agree_terms: true,
        idempotency_key: randomUUID().replace(/-/g, ""),
      },
    })
    // The loyalty plugin makes the gift card from the placed order a moment later.
    const early = await eventually(async () => {
      const [row] = await sql<{ code: string }>(
        `select g.code from loyalty_gift_card g join gift_voucher v on v.line_item_id = g.line_item_id where v.id = $1`,
        [scheduled.body.gift_voucher.id]
      )
      if (!row) throw new Error("no gift card yet")
      return row.code
    })
    const tooEarly = await book(stranger, "Small", { gift_voucher_code: early })
    expect(tooEarly.status).toBe(400)
    expect(tooEarly.body.message).toMatch(/^This voucher can be used from /)
    const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from booking where customer_id = $1`, [stranger.customer.id])
    expect(count).toBe(0)
  })
})
