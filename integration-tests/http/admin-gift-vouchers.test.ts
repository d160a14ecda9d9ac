import { randomUUID } from "node:crypto"
import { beforeAll, describe, expect, it } from "vitest"
import type { AdminGiftVoucher, AdminGiftVoucherListResponse, StoreGiftVoucher } from "@fieldservice/contract"
import { adminToken, api, eventually, latestEmail, signUpCustomer, uniqueEmail } from "../support/api"
import { sql } from "../support/db"
import { sentAttachments } from "../support/sent-emails"
import { saveCard } from "../support/stripe"

/**
 * Issue #20 item 5: staff find vouchers (by status, kind, code, recipient or buyer, customer), see
 * one with its balance's ledger, issue one by hand (emailed with its PDF, in a customer's account
 * when one is named), change its expiry, disable and enable it; each change is in the customer's history.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let token: string
let carol: Customer
let alice: Customer
let issued: AdminGiftVoucher
let issuedTo: string
let bought: StoreGiftVoucher

const CODE = /^GIFT(-[A-HJ-NP-Z2-9]{4}){4}$/
/** The business's calendar day (Europe/London) `days` from now. */
const londonDay = (days = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + days * 86_400_000))

const issue = (body: Record<string, unknown>) =>
  api<{ gift_voucher: AdminGiftVoucher; message?: string }>("/admin/gift-vouchers", {
    token,
    body: { amount: 15, recipient_name: "Carol Customer", recipient_email: uniqueEmail("carol-gift"), message: "Sorry we were late", ...body },
  })
const list = (query: string) => api<AdminGiftVoucherListResponse>(`/admin/gift-vouchers?${query}`, { token })
const change = (id: string, body: Record<string, unknown>) =>
  api<{ gift_voucher: AdminGiftVoucher; message?: string }>(`/admin/gift-vouchers/${id}`, { token, body })
const activity = (customerId: string, kind: string) =>
  sql<{ message: string; actor_type: string; data: { gift_voucher_id: string } }>(
    `select message, actor_type, data from customer_activity where customer_id = $1 and kind = $2 order by created_at`,
    [customerId, kind]
  )

beforeAll(async () => {
  token = await adminToken()
  carol = await signUpCustomer({ first_name: "Carol", last_name: "Late" })
  alice = await signUpCustomer({ first_name: "Alice", last_name: "Buyer" })
  await api("/admin/gift-vouchers/settings", {
    token,
    body: { enabled: true, amounts: [25, 50, 100], min_amount: 10, max_amount: 500, validity_months: 12, service_ids: null },
  })
  issuedTo = uniqueEmail("carol-gift")
  const answer = await issue({ customer_id: carol.customer.id, recipient_email: issuedTo })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  issued = answer.body.gift_voucher

  const card = await saveCard(alice.token)
  const purchase = await api("/store/customers/me/gift-vouchers", {
    token: alice.token,
    body: {
      kind: "amount",
      amount: 40,
      saved_card_id: card,
      recipient_name: "Rosa Friend",
      recipient_email: uniqueEmail("rosa"),
      deliver_on: londonDay(20),
      agree_terms: true,
      idempotency_key: randomUUID().replace(/-/g, ""),
    },
  })
  expect(purchase.status, JSON.stringify(purchase.body)).toBe(201)
  bought = purchase.body.gift_voucher
}, 120_000)

describe("issuing a voucher by hand", () => {
  it("makes a gift card, emails its code and PDF at once, puts it in the customer's account and their history", async () => {
    expect(issued).toMatchObject({
      kind: "amount",
      status: "active",
      value: 15,
      balance: 15,
      recipient_email: issuedTo,
      holder: { id: carol.customer.id, name: "Carol Late" },
      buyer: null,
      deliver_on: londonDay(),
    })
    expect(issued.code).toMatch(CODE)
    expect(issued.issued_by?.email).toBeTruthy()
    expect(new Date(issued.expires_at!).getTime()).toBeGreaterThan(Date.now() + 360 * 86_400_000)

    const email = await eventually(async () => {
      const stored = await latestEmail(issuedTo, "gift-voucher-delivery")
      if (!stored.external_id) throw new Error("not sent yet")
      return stored
    })
    expect(email.data).toMatchObject({ code: issued.code, value_text: "£15.00", recipient_name: "Carol Customer", message: "Sorry we were late" })
    expect((await sentAttachments(email.external_id!)).map((file) => file.filename)).toEqual(["gift-voucher.pdf"])

    const mine = (await api("/store/customers/me/gift-vouchers", { token: carol.token })).body
    expect(mine.held.map((voucher: StoreGiftVoucher) => voucher.id)).toEqual([issued.id])
    expect(mine.held[0]).toMatchObject({ code: issued.code, balance: 15, status: "active" })

    const lines = await activity(carol.customer.id, "gift_voucher_issued")
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ actor_type: "staff", data: { gift_voucher_id: issued.id } })
    expect(lines[0].message).toContain("£15.00 gift voucher")
  })

  it("without a customer it is only emailed; a customer who doesn't exist is not found", async () => {
    const to = uniqueEmail("walk-in")
    const { status, body } = await issue({ amount: 7.5, recipient_email: to, message: "" })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.gift_voucher).toMatchObject({ holder: null, value: 7.5, message: null })
    expect((await latestEmail(to, "gift-voucher-delivery")).data.code).toBe(body.gift_voucher.code)

    const missing = await issue({ customer_id: "cus_nobody" })
    expect(missing.status).toBe(404)
  })

  it.each([
    [{ amount: 0 }, "more than zero"],
    [{ amount: -5 }, "more than zero"],
    [{ amount: "ten" }, "must be a number"],
    [{ amount: 10.005 }, "two decimals"],
    [{ recipient_email: "nope" }, "valid email"],
    [{ recipient_name: "  " }, "name of the person"],
    [{ colour: "red" }, "colour"],
  ])("refuses %j with a readable 400, writing nothing", async (body, message) => {
    const before = (await sql(`select count(*)::int as n from gift_voucher`))[0].n
    const answer = await issue(body)
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toContain(message)
    expect((await sql(`select count(*)::int as n from gift_voucher`))[0].n).toBe(before)
  })
})

describe("the staff list", () => {
  it("finds vouchers by code, recipient, buyer's email, customer, status and kind, newest first and paged", async () => {
    const byCode = await list(`q=${encodeURIComponent(issued.code!.toLowerCase())}`)
    expect(byCode.status).toBe(200)
    expect(byCode.body.gift_vouchers.map((voucher) => voucher.id)).toEqual([issued.id])
    expect(byCode.body.gift_vouchers[0]).toMatchObject({ balance: 15, status: "active", holder: { id: carol.customer.id } })

    expect((await list(`q=${encodeURIComponent(issuedTo)}`)).body.gift_vouchers.map((voucher) => voucher.id)).toEqual([issued.id])
    const byBuyer = await list(`q=${encodeURIComponent(alice.email)}`)
    expect(byBuyer.body.gift_vouchers.map((voucher) => voucher.id)).toEqual([bought.id])
    expect(byBuyer.body.gift_vouchers[0]).toMatchObject({ status: "scheduled", buyer: { id: alice.customer.id, name: "Alice Buyer", email: alice.email } })

    expect((await list(`customer_id=${carol.customer.id}`)).body.gift_vouchers.map((voucher) => voucher.id)).toEqual([issued.id])
    expect((await list(`customer_id=${alice.customer.id}&status=scheduled`)).body.count).toBe(1)
    expect((await list(`customer_id=${alice.customer.id}&status=active`)).body.count).toBe(0)
    expect((await list(`customer_id=${carol.customer.id}&kind=services`)).body.count).toBe(0)

    const page = await list("limit=1")
    expect(page.body.gift_vouchers).toHaveLength(1)
    expect(page.body.count).toBeGreaterThan(1)
    const [first, second] = (await list("limit=2")).body.gift_vouchers
    expect(first.created_at >= second.created_at).toBe(true)

    const bought_activity = await activity(alice.customer.id, "gift_voucher_bought")
    expect(bought_activity.map((line) => line.data.gift_voucher_id)).toEqual([bought.id])
    expect(bought_activity[0].message).toContain("£40.00 gift voucher for Rosa Friend")
  })

  it("refuses filters it doesn't know", async () => {
    expect((await list("status=lost")).status).toBe(400)
    expect((await list("limit=0")).body.message).toContain("limit")
  })
})

describe("one voucher", () => {
  it("shows its ledger, who issued it and its delivery; an unknown id is not found", async () => {
    const { status, body } = await api<{ gift_voucher: AdminGiftVoucher }>(`/admin/gift-vouchers/${issued.id}`, { token })
    expect(status).toBe(200)
    expect(body.gift_voucher.transactions).toEqual([expect.objectContaining({ type: "credit", amount: 15, reference: "gift_card" })])
    expect(body.gift_voucher.delivered_at).not.toBeNull()
    expect((await api(`/admin/gift-vouchers/gvou_nothing`, { token })).status).toBe(404)
    expect((await change("gvou_nothing", { disabled: true })).status).toBe(404)
  })

  it("changes its expiry to a later day, never a past one, and says so in the holder's history", async () => {
    const day = londonDay(30)
    const { status, body } = await change(issued.id, { expires_on: day })
    expect(status, JSON.stringify(body)).toBe(200)
    const expires = new Date(body.gift_voucher.expires_at!)
    expect(expires.getTime()).toBeGreaterThan(new Date(`${day}T12:00:00Z`).getTime())
    expect(expires.getTime()).toBeLessThan(new Date(`${day}T12:00:00Z`).getTime() + 86_400_000)

    const past = await change(issued.id, { expires_on: "2020-01-01" })
    expect(past.status).toBe(400)
    expect(past.body.message).toBe("The expiry can't be in the past. Choose today or a later day.")
    expect((await change(issued.id, { expires_on: "tomorrow" })).body.message).toContain("YYYY-MM-DD")
    expect((await change(issued.id, {})).status).toBe(400)

    const lines = await activity(carol.customer.id, "gift_voucher_expiry_changed")
    expect(lines).toHaveLength(1)
    expect(lines[0].message).toContain(issued.code!)
  })

  it("disabled, it can't be added by its code; enabled again, it can", async () => {
    const to = uniqueEmail("dave")
    const loose = (await issue({ amount: 20, recipient_email: to })).body.gift_voucher
    const dave = await signUpCustomer({ first_name: "Dave", last_name: "Finder", email: to })

    const disabled = await change(loose.id, { disabled: true, note: "Sent to the wrong person" })
    expect(disabled.status).toBe(200)
    expect(disabled.body.gift_voucher).toMatchObject({ status: "disabled", note: "Sent to the wrong person" })
    expect((await list(`status=disabled&q=${loose.code}`)).body.gift_vouchers.map((voucher) => voucher.id)).toEqual([loose.id])

    const refused = await api("/store/customers/me/gift-vouchers/add", { token: dave.token, body: { code: loose.code } })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toBe("This voucher has been disabled. Please contact us.")

    expect((await change(loose.id, { disabled: false })).body.gift_voucher.status).toBe("active")
    const added = await api("/store/customers/me/gift-vouchers/add", { token: dave.token, body: { code: loose.code } })
    expect(added.status, JSON.stringify(added.body)).toBe(200)
    const lines = await activity(dave.customer.id, "gift_voucher_added")
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ actor_type: "customer", data: { gift_voucher_id: loose.id } })

    // Carol's voucher: disabling it is in her history.
    await change(issued.id, { disabled: true })
    expect((await activity(carol.customer.id, "gift_voucher_disabled")).map((line) => line.data.gift_voucher_id)).toEqual([issued.id])
    expect((await api(`/store/customers/me/gift-vouchers/${issued.id}`, { token: carol.token })).body.gift_voucher.status).toBe("disabled")
  })
})
