import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import type { StoreGiftVoucher, StoreGiftVoucherOptions } from "@fieldservice/contract"
import { adminToken, api, emailCount, eventually, latestEmail, signUpCustomer, uniqueEmail } from "../support/api"
import { sql } from "../support/db"
import { runJob } from "../support/jobs"
import { sentAttachments } from "../support/sent-emails"
import { saveCard, stripeRequests } from "../support/stripe"

/**
 * Issue #20 items 1 and 2: gift vouchers bought in the portal through Medusa's cart and order with a
 * saved card (charged once, whatever the clicks), made a gift card by @medusajs/loyalty-plugin, and
 * emailed to the recipient on the chosen day (a scheduled job, pinned clock), once.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let alice: Customer
let bob: Customer
let aliceCard: string
let bobCard: string
let options: StoreGiftVoucherOptions

const BASE = "/store/customers/me/gift-vouchers"
const CODE = /^GIFT(-[A-HJ-NP-Z2-9]{4}){4}$/

/** The business's calendar day (Europe/London) `days` from now. */
const londonDay = (days = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + days * 86_400_000))

const buy = (customer: Customer, body: Record<string, unknown>) =>
  api<{ gift_voucher: StoreGiftVoucher; message?: string }>(BASE, {
    token: customer.token,
    body: {
      recipient_name: "Rosa Friend",
      recipient_email: uniqueEmail("rosa"),
      message: "Happy birthday!",
      deliver_on: londonDay(),
      agree_terms: true,
      idempotency_key: randomUUID().replace(/-/g, ""),
      ...body,
    },
  })
const intentsFor = async (key: string) =>
  (await stripeRequests()).filter((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.params?.metadata?.gift_voucher_key === key)
const voucherRows = (buyerId: string) => sql<{ id: string }>(`select id from gift_voucher where buyer_customer_id = $1 and deleted_at is null`, [buyerId])

beforeAll(async () => {
  alice = await signUpCustomer({ first_name: "Alice", last_name: "Giver" })
  bob = await signUpCustomer({ first_name: "Bob", last_name: "Other" })
  // The business's defaults (another file may have changed them).
  await api("/admin/gift-vouchers/settings", {
    token: await adminToken(),
    body: { enabled: true, amounts: [25, 50, 100], min_amount: 10, max_amount: 500, validity_months: 12, service_ids: null },
  })
  aliceCard = await saveCard(alice.token)
  bobCard = await saveCard(bob.token)
  options = (await api("/store/portal/gift-vouchers/options")).body.options
}, 120_000)

describe("what the buy page offers", () => {
  it("lists the business's amounts, limits, validity and the services with their prices, to anyone", async () => {
    expect(options).toMatchObject({ enabled: true, currency_code: "gbp", amounts: [25, 50, 100], min_amount: 10, max_amount: 500, validity_months: 12 })
    expect(options.card_payments).toBe(true)
    expect(options.services.length).toBeGreaterThan(1)
    for (const service of options.services) expect(service.price).toBeGreaterThan(0)
  })
})

describe("buying a voucher for an amount, for today", () => {
  it("charges the card once through an order, makes a gift card, emails the code and the PDF at once, and sends the receipt", async () => {
    const recipient = uniqueEmail("rosa")
    const key = randomUUID().replace(/-/g, "")
    const { status, body } = await buy(alice, { kind: "amount", amount: 50, saved_card_id: aliceCard, recipient_email: recipient, idempotency_key: key })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.gift_voucher).toMatchObject({
      kind: "amount",
      value: 50,
      balance: 50,
      currency_code: "gbp",
      recipient_email: recipient,
      bought: true,
      held: false,
    })

    const intents = await intentsFor(key)
    expect(intents).toHaveLength(1)
    // No tax on the sale of a voucher: the card pays exactly its value.
    expect(intents[0].params).toMatchObject({ amount: "5000", capture_method: "automatic", payment_method: aliceCard })
    const [order] = await sql<{ id: string; total: string }>(
      `select o.id, s.totals->>'current_order_total' as total from "order" o join order_summary s on s.order_id = o.id where o.id = $1`,
      [body.gift_voucher.order_id]
    )
    expect(Number(order.total)).toBe(50)

    // Stored first, then sent: the attachments are read once Resend has it.
    const email = await eventually(async () => {
      const stored = await latestEmail(recipient, "gift-voucher-delivery")
      if (!stored.external_id) throw new Error("not sent yet")
      return stored
    })
    expect(email.data.code).toMatch(CODE)
    expect(email.data).toMatchObject({ recipient_name: "Rosa Friend", buyer_name: "Alice Giver", value_text: "£50.00", message: "Happy birthday!" })
    expect((await sentAttachments(email.external_id!)).map((file) => file.filename)).toEqual(["gift-voucher.pdf"])
    const receipt = await latestEmail(alice.email, "gift-voucher-receipt")
    expect(receipt.data).toMatchObject({ amount_text: "£50.00", card_text: "Visa ending 4242", recipient_name: "Rosa Friend" })

    const voucher = await eventually(async () => {
      const current = (await api(`${BASE}/${body.gift_voucher.id}`, { token: alice.token })).body.gift_voucher as StoreGiftVoucher
      if (!current.invoice_id) throw new Error("no invoice yet")
      return current
    })
    expect(voucher).toMatchObject({ status: "active", code: email.data.code, balance: 50 })
    // The buyer's invoice: numbered, one line at the voucher's value with no tax, paid by the card, and emailed.
    const invoice = (await api(`/store/customers/me/invoices/${voucher.invoice_id}`, { token: alice.token })).body.invoice
    expect(invoice).toMatchObject({ status: "paid", total: 50, tax_total: 0, balance: 0 })
    expect(invoice.lines[0].description).toBe("Gift voucher for Rosa Friend: £50.00")
    expect(invoice.payments).toEqual([expect.objectContaining({ method: "card", amount: 50 })])
    expect((await latestEmail(alice.email, "invoice-issued")).data.invoice_number).toBe(invoice.number)
    expect(new Date(voucher.expires_at!).getTime()).toBeGreaterThan(Date.now() + 360 * 86_400_000)

    // A double click: the same form again is the same voucher, not a second charge.
    const again = await buy(alice, { kind: "amount", amount: 50, saved_card_id: aliceCard, recipient_email: recipient, idempotency_key: key })
    expect(again.status).toBe(200)
    expect(again.body.gift_voucher.id).toBe(body.gift_voucher.id)
    expect(await intentsFor(key)).toHaveLength(1)
    expect(await emailCount(recipient)).toBe(1)
  })
})

describe("a voucher for two services, delivered on a chosen day", () => {
  it("is worth the services' prices, waits for its day (pinned clock) and is emailed once", async () => {
    const [first, second] = options.services
    const recipient = uniqueEmail("sam")
    const day = londonDay(10)
    const { status, body } = await buy(alice, {
      kind: "services",
      service_ids: [first.variant_id, second.variant_id],
      saved_card_id: aliceCard,
      recipient_email: recipient,
      deliver_on: day,
    })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.gift_voucher).toMatchObject({ kind: "services", status: "scheduled", value: first.price + second.price, deliver_on: day })
    expect(body.gift_voucher.services.map((service) => service.variant_id)).toEqual([first.variant_id, second.variant_id])

    const dayBefore = new Date(`${londonDay(9)}T12:00:00Z`)
    expect((await runJob<{ sent: string[] }>("gift-voucher-delivery", dayBefore)).sent).not.toContain(body.gift_voucher.id)
    expect(await emailCount(recipient)).toBe(0)

    const onTheDay = new Date(`${day}T09:00:00Z`)
    expect((await runJob<{ sent: string[] }>("gift-voucher-delivery", onTheDay)).sent).toContain(body.gift_voucher.id)
    expect((await runJob<{ sent: string[] }>("gift-voucher-delivery", onTheDay)).sent).not.toContain(body.gift_voucher.id)
    const email = await latestEmail(recipient, "gift-voucher-delivery")
    expect(email.data.value_text).toContain(first.title)
    expect(await emailCount(recipient)).toBe(1)
    const voucher = (await api(`${BASE}/${body.gift_voucher.id}`, { token: alice.token })).body.gift_voucher as StoreGiftVoucher
    expect(voucher.status).toBe("active")
    expect(voucher.delivered_at).not.toBeNull()
  })
})

describe("bad input is refused, nothing charged or written", () => {
  it.each([
    [{ kind: "amount", amount: 3 }, 400, "from £10.00 to £500.00"],
    [{ kind: "amount", amount: 501 }, 400, "from £10.00 to £500.00"],
    [{ kind: "amount", amount: 50, deliver_on: "2020-01-01" }, 400, "can't be in the past"],
    [{ kind: "amount", amount: 50, deliver_on: "2099-01-01" }, 400, "at most a year ahead"],
    [{ kind: "amount", amount: 50, agree_terms: false }, 400, "Agree to the gift voucher terms"],
    [{ kind: "amount" }, 400, "Choose the voucher's amount"],
    [{ kind: "services", service_ids: ["variant_nothing"] }, 400, "can't be bought as a voucher"],
    [{ kind: "amount", amount: 50, recipient_email: "not-an-email" }, 400, "valid email"],
  ])("%j → %i", async (body, status, message) => {
    const before = (await voucherRows(alice.customer.id)).length
    const answer = await buy(alice, { saved_card_id: aliceCard, ...body })
    expect(answer.status).toBe(status)
    expect(answer.body.message).toContain(message)
    expect((await voucherRows(alice.customer.id)).length).toBe(before)
  })

  it("another customer's card is not found, and nothing is charged", async () => {
    const key = randomUUID().replace(/-/g, "")
    const answer = await buy(alice, { kind: "amount", amount: 25, saved_card_id: bobCard, idempotency_key: key })
    expect(answer.status).toBe(404)
    expect(await intentsFor(key)).toHaveLength(0)
  })
})

describe("adding a received voucher by its code", () => {
  it("puts it in the recipient's account; another account can't take it; anyone else's voucher is not found", async () => {
    const recipient = uniqueEmail("kim")
    const { body } = await buy(alice, { kind: "amount", amount: 25, saved_card_id: aliceCard, recipient_email: recipient })
    const email = await latestEmail(recipient, "gift-voucher-delivery")
    const kim = await signUpCustomer({ first_name: "Kim", last_name: "Friend", email: recipient })

    const ok = await api(`${BASE}/add`, { token: kim.token, body: { code: ` ${email.data.code.toLowerCase()} ` } })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.gift_voucher).toMatchObject({ id: body.gift_voucher.id, held: true, bought: false, balance: 25, order_id: null })
    const list = (await api(BASE, { token: kim.token })).body
    expect(list.held.map((voucher: StoreGiftVoucher) => voucher.id)).toEqual([body.gift_voucher.id])
    expect(list.bought).toEqual([])

    const taken = await api(`${BASE}/add`, { token: bob.token, body: { code: email.data.code } })
    expect(taken.status).toBe(400)
    expect(taken.body.message).toBe("This voucher is already in another account.")
    expect((await api(`${BASE}/${body.gift_voucher.id}`, { token: bob.token })).status).toBe(404)
  })

  it("a wrong code is not found, and guessing is stopped like password guessing", async () => {
    const guesser = await signUpCustomer({ first_name: "Gus", last_name: "Guesser" })
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await api(`${BASE}/add`, { token: guesser.token, body: { code: `GIFT-AAAA-BBBB-CCCC-DDD${attempt + 2}` } })
      expect(wrong.status).toBe(404)
      expect(wrong.body.message).toBe("There is no voucher with that code. Check it and try again.")
    }
    const stopped = await api(`${BASE}/add`, { token: guesser.token, body: { code: "GIFT-AAAA-BBBB-CCCC-DDDD" } })
    expect(stopped.status).toBe(429)
    expect(stopped.headers["retry-after"]).toBeDefined()
  })
})

describe("Settings → Gift vouchers", () => {
  it("staff change the limits the buy page and the purchase follow; the smallest can't exceed the largest", async () => {
    const token = await adminToken()
    const refused = await api("/admin/gift-vouchers/settings", { token, body: { min_amount: 600 } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toBe("The smallest amount can't be more than the largest amount.")

    const saved = await api("/admin/gift-vouchers/settings", { token, body: { max_amount: 40 } })
    expect(saved.status).toBe(200)
    expect(saved.body.settings.max_amount).toBe(40)
    expect((await api("/store/portal/gift-vouchers/options")).body.options.max_amount).toBe(40)
    const over = await buy(bob, { kind: "amount", amount: 45, saved_card_id: bobCard })
    expect(over.status).toBe(400)
    await api("/admin/gift-vouchers/settings", { token, body: { max_amount: 500 } })
  })
})
