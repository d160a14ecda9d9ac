import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { saveCard, sendStripeEvent, stripeApi, stripeEvents, TEST_CARDS } from "../support/stripe"
import type { AdminActivityEntry, AdminSavedCardListResponse, AdminStripeSettingsResponse } from "@fieldservice/contract"

/** Issue #17 item 5: staff manage a customer's saved cards from the customer page (seed 002's "Payment method"). */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let admin: string
let owner: Customer
let other: Customer

const cardsPath = (customerId: string, rest = "") => `/admin/customers/${customerId}/saved-cards${rest}`

async function staffList(customerId: string) {
  const response = await api<AdminSavedCardListResponse>(cardsPath(customerId), { token: admin })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body
}

async function latestActivity(customerId: string, kind: string) {
  const response = await api(`/admin/customers/${customerId}/activity?kind=${kind}&limit=1`, { token: admin })
  expect(response.status).toBe(200)
  return response.body.activity[0] as AdminActivityEntry | undefined
}

/** What Stripe.js does with the client secret staff's card form receives: the card goes straight to Stripe. */
async function confirmInBrowser(setup: { id: string; client_secret: string }, number: string, exp: { month: number; year: number }) {
  const confirmed = await stripeApi(`/v1/setup_intents/${setup.id}/confirm`, {
    key: "publishable",
    params: {
      client_secret: setup.client_secret,
      payment_method_data: { type: "card", card: { number, exp_month: exp.month, exp_year: exp.year, cvc: "123" } },
    },
  })
  expect(confirmed.body.status).toBe("succeeded")
  return confirmed.body.payment_method as string
}

beforeAll(async () => {
  admin = await adminToken()
  owner = await signUpCustomer({ first_name: "Stella", last_name: "Staffcard" })
  other = await signUpCustomer({ first_name: "Otto", last_name: "Othercard" })
})

describe("staff manage a customer's saved cards", () => {
  it("tells the admin's card form whether cards are on, with the publishable key and Stripe.js address", async () => {
    const response = await api<AdminStripeSettingsResponse>("/admin/portal/stripe", { token: admin })
    expect(response.status).toBe(200)
    expect(response.body.stripe).toEqual({ card_payments: true, publishable_key: expect.stringMatching(/^pk_/), js_url: expect.stringMatching(/\/v3\/$/) })
  })

  it("adds a card for the customer: a SetupIntent for their own Stripe customer; the history names the staff member", async () => {
    expect(await staffList(owner.customer.id)).toEqual({ card_payments: true, saved_cards: [], default_card_id: null })

    const started = await api(cardsPath(owner.customer.id, "/setup"), { token: admin, body: {} })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    const intent = (await stripeApi(`/v1/setup_intents/${started.body.setup_intent.id}`)).body
    expect(intent).toMatchObject({
      usage: "off_session",
      payment_method_types: ["card"],
      metadata: { medusa_customer_id: owner.customer.id, added_by: "staff" },
    })
    expect((await stripeApi(`/v1/customers/${intent.customer}`)).body).toMatchObject({ email: owner.email.toLowerCase(), name: "Stella Staffcard" })

    const year = new Date().getFullYear() + 3
    const card = await confirmInBrowser(started.body.setup_intent, TEST_CARDS.visa, { month: 7, year })
    expect((await staffList(owner.customer.id)).saved_cards).toEqual([
      { id: card, brand: "visa", last4: "4242", exp_month: 7, exp_year: year, is_default: true },
    ])
    // The customer sees the same card in the portal.
    expect((await api("/store/customers/me/saved-cards", { token: owner.token })).body.default_card_id).toBe(card)

    // Stripe reports the card saved: the history says so, naming the staff member (and only once).
    const event = (await stripeEvents("setup_intent.succeeded")).find((item) => item.data.object.payment_method === card)
    expect((await sendStripeEvent(event)).body.status).toBe("processed")
    expect(await latestActivity(owner.customer.id, "card_added")).toMatchObject({
      message: "Saved card added: Visa ending 4242.",
      actor: { type: "staff", email: "admin@example.com" },
      data: { card_id: card },
    })
    expect((await sendStripeEvent(event)).body.status).toBe("duplicate")
    const all = await api(`/admin/customers/${owner.customer.id}/activity?kind=card_added`, { token: admin })
    expect(all.body.count).toBe(1)
  })

  it("a card the customer adds in the portal is recorded as theirs", async () => {
    const card = await saveCard(owner.token, TEST_CARDS.mastercard, { month: 3, year: new Date().getFullYear() + 5 })
    const event = (await stripeEvents("setup_intent.succeeded")).find((item) => item.data.object.payment_method === card)
    await sendStripeEvent(event)
    expect(await latestActivity(owner.customer.id, "card_added")).toMatchObject({
      message: "Saved card added: Mastercard ending 4444.",
      actor: { type: "customer", id: owner.customer.id },
    })
  })

  it("sets another card as the default and removes one, each named in the history as the staff member's", async () => {
    const [first, second] = (await staffList(owner.customer.id)).saved_cards
    expect([first.is_default, second.is_default]).toEqual([true, false])

    const made = await api(cardsPath(owner.customer.id, `/${second.id}/default`), { token: admin, body: {} })
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    expect(made.body.saved_card).toMatchObject({ id: second.id, is_default: true })
    expect((await staffList(owner.customer.id)).default_card_id).toBe(second.id)
    const stripeCustomer = (await stripeApi(`/v1/payment_methods/${second.id}`)).body.customer
    expect((await stripeApi(`/v1/customers/${stripeCustomer}`)).body.invoice_settings.default_payment_method).toBe(second.id)
    expect(await latestActivity(owner.customer.id, "card_default_set")).toMatchObject({
      message: "Default card set to Mastercard ending 4444.",
      actor: { type: "staff", email: "admin@example.com" },
    })

    const removed = await api(cardsPath(owner.customer.id, `/${first.id}`), { token: admin, method: "DELETE" })
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(removed.body).toEqual({ id: first.id, object: "saved_card", deleted: true })
    expect((await staffList(owner.customer.id)).saved_cards.map((card) => card.id)).toEqual([second.id])
    expect((await stripeApi(`/v1/payment_methods/${first.id}`)).body.customer).toBeNull()
    expect(await latestActivity(owner.customer.id, "card_removed")).toMatchObject({
      message: "Saved card removed: Visa ending 4242.",
      actor: { type: "staff", email: "admin@example.com" },
    })
  })

  it("another customer's card is not found through this customer, and nothing changes", async () => {
    const othersCard = await saveCard(other.token, TEST_CARDS.visa)
    const [ownCard] = (await staffList(owner.customer.id)).saved_cards
    const before = await staffList(other.customer.id)

    const setDefault = await api(cardsPath(owner.customer.id, `/${othersCard}/default`), { token: admin, body: {} })
    expect(setDefault.status).toBe(404)
    expect(setDefault.body.message).toBe(`Saved card ${othersCard} was not found`)
    const remove = await api(cardsPath(owner.customer.id, `/${othersCard}`), { token: admin, method: "DELETE" })
    expect(remove.status).toBe(404)

    expect(await staffList(other.customer.id)).toEqual(before)
    expect((await staffList(owner.customer.id)).saved_cards.map((card) => card.id)).toEqual([ownCard.id])
    expect((await stripeApi(`/v1/payment_methods/${othersCard}`)).body.customer).toBeTruthy()
  })

  it("an unknown customer is not found, before Stripe is asked anything", async () => {
    const missing = "cus_01NOTAREALCUSTOMER000000"
    for (const [path, init] of [
      [cardsPath(missing), {}],
      [cardsPath(missing, "/setup"), { body: {} }],
      [cardsPath(missing, "/pm_anything/default"), { body: {} }],
      [cardsPath(missing, "/pm_anything"), { method: "DELETE" as const }],
    ] as const) {
      const response = await api(path, { token: admin, ...init })
      expect(response.status, path).toBe(404)
      expect(response.body.message).toMatch(/not found/i)
    }
  })

  it("refuses bad input with a sentence (400), and a malformed card id is simply not found", async () => {
    const setup = await api(cardsPath(owner.customer.id, "/setup"), { token: admin, body: { usage: "on_session" } })
    expect(setup.status).toBe(400)
    expect(setup.body.message).toMatch(/usage/)
    const [card] = (await staffList(owner.customer.id)).saved_cards
    const withBody = await api(cardsPath(owner.customer.id, `/${card.id}/default`), { token: admin, body: { is_default: false } })
    expect(withBody.status).toBe(400)
    const deleteWithBody = await api(cardsPath(owner.customer.id, `/${card.id}`), { token: admin, method: "DELETE", body: { force: true } })
    expect(deleteWithBody.status).toBe(400)
    expect(deleteWithBody.body.message).toMatch(/force/)
    const listQuery = await api(cardsPath(owner.customer.id, "?limit=5"), { token: admin })
    expect(listQuery.status).toBe(400)
    const malformed = await api(cardsPath(owner.customer.id, "/pm%20bad!/default"), { token: admin, body: {} })
    expect(malformed.status).toBe(404)
    expect((await staffList(owner.customer.id)).saved_cards).toHaveLength(1)
  })

  it("a customer's session can't use the staff routes", async () => {
    const response = await api(cardsPath(owner.customer.id, "/setup"), { token: owner.token, body: {} })
    expect(response.status).toBe(401)
  })
})
