import { beforeAll, describe, expect, it } from "vitest"
import { api, signUpCustomer } from "../support/api"
import { saveCard, stripeApi, stripeRequests, TEST_CARDS } from "../support/stripe"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type SavedCard = { id: string; brand: string; last4: string; exp_month: number; exp_year: number; is_default: boolean }

/** A card number field (Stripe's `number`, masked by the fake) or one of the test card numbers, anywhere in the parameters. */
function carriesCardNumber(params: unknown): boolean {
  if (typeof params === "string") return Object.values(TEST_CARDS).some((number) => params.replace(/[\s-]/g, "").includes(number))
  if (!params || typeof params !== "object") return false
  return Object.entries(params).some(([key, value]) => key === "number" || carriesCardNumber(value))
}

let owner: Customer
let stranger: Customer

const savedCards = async (token: string) => {
  const response = await api("/store/customers/me/saved-cards", { token })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { card_payments: boolean; saved_cards: SavedCard[]; default_card_id: string | null }
}

beforeAll(async () => {
  owner = await signUpCustomer({ first_name: "Carla", last_name: "Cardholder" })
  stranger = await signUpCustomer({ first_name: "Stan", last_name: "Ranger" })
})

describe("saved cards (Stripe)", () => {
  it("adds a card through a Stripe SetupIntent: listed with brand, last four and expiry, the default as the first card", async () => {
    expect(await savedCards(owner.token)).toEqual({ card_payments: true, saved_cards: [], default_card_id: null })

    const year = new Date().getFullYear() + 3
    const started = await api("/store/customers/me/saved-cards/setup", { token: owner.token, body: {} })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    expect(started.body.setup_intent).toMatchObject({ id: expect.stringMatching(/^seti_/), client_secret: expect.stringMatching(/^seti_.+_secret_/) })

    // Medusa made a Stripe customer for her (its account holder) and the SetupIntent is for that customer, for later charges.
    const intent = (await stripeApi(`/v1/setup_intents/${started.body.setup_intent.id}`)).body
    expect(intent).toMatchObject({ usage: "off_session", payment_method_types: ["card"], status: "requires_payment_method" })
    const stripeCustomer = (await stripeApi(`/v1/customers/${intent.customer}`)).body
    expect(stripeCustomer).toMatchObject({ email: owner.email.toLowerCase(), name: "Carla Cardholder" })

    // The card goes from the browser (Stripe.js, publishable key) straight to Stripe.
    const confirmed = await stripeApi(`/v1/setup_intents/${intent.id}/confirm`, {
      key: "publishable",
      params: {
        client_secret: started.body.setup_intent.client_secret,
        payment_method_data: { type: "card", card: { number: TEST_CARDS.visa, exp_month: 8, exp_year: year, cvc: "123" } },
      },
    })
    expect(confirmed.body.status).toBe("succeeded")

    const list = await savedCards(owner.token)
    expect(list.saved_cards).toEqual([{ id: confirmed.body.payment_method, brand: "visa", last4: "4242", exp_month: 8, exp_year: year, is_default: true }])
    expect(list.default_card_id).toBe(confirmed.body.payment_method)

    // A second "Add a card" reuses her Stripe customer.
    const again = await api("/store/customers/me/saved-cards/setup", { token: owner.token, body: {} })
    expect((await stripeApi(`/v1/setup_intents/${again.body.setup_intent.id}`)).body.customer).toBe(intent.customer)

    // No card number ever reached our server: nothing it sent Stripe (with the secret key) carries one.
    const fromServer = (await stripeRequests()).filter((request) => request.key === "secret")
    expect(fromServer.length).toBeGreaterThan(0)
    expect(fromServer.filter((request) => carriesCardNumber(request.params))).toEqual([])
    // (The check itself: the browser's confirm call did carry one.)
    expect((await stripeRequests()).some((request) => request.key === "publishable" && carriesCardNumber(request.params))).toBe(true)
  })

  it("sets another card as the default (on the Stripe customer too) and removes one", async () => {
    const first = (await savedCards(owner.token)).saved_cards[0]
    const second = await saveCard(owner.token, TEST_CARDS.mastercard, { month: 2, year: new Date().getFullYear() + 5 })

    let list = await savedCards(owner.token)
    expect(list.saved_cards.map((card) => [card.id, card.brand, card.last4, card.is_default])).toEqual([
      [first.id, "visa", "4242", true],
      [second, "mastercard", "4444", false],
    ])

    const made = await api(`/store/customers/me/saved-cards/${second}/default`, { token: owner.token, body: {} })
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    expect(made.body.saved_card).toMatchObject({ id: second, last4: "4444", is_default: true })
    list = await savedCards(owner.token)
    expect(list.default_card_id).toBe(second)
    expect(list.saved_cards.find((card) => card.id === first.id)?.is_default).toBe(false)
    const stripeCustomer = (await stripeApi(`/v1/payment_methods/${second}`)).body.customer
    expect((await stripeApi(`/v1/customers/${stripeCustomer}`)).body.invoice_settings.default_payment_method).toBe(second)

    // Removing the default: the card is detached in Stripe and the other one becomes the default.
    const removed = await api(`/store/customers/me/saved-cards/${second}`, { method: "DELETE", token: owner.token })
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(removed.body).toEqual({ id: second, object: "saved_card", deleted: true })
    expect((await stripeApi(`/v1/payment_methods/${second}`)).body.customer).toBeNull()
    list = await savedCards(owner.token)
    expect(list.saved_cards.map((card) => [card.id, card.is_default])).toEqual([[first.id, true]])

    // Gone is gone.
    expect((await api(`/store/customers/me/saved-cards/${second}`, { method: "DELETE", token: owner.token })).status).toBe(404)
  })

  it("answers 404 for another customer's card and changes nothing", async () => {
    const card = (await savedCards(owner.token)).saved_cards[0]
    await saveCard(stranger.token, TEST_CARDS.mastercard)
    const before = (await stripeRequests()).length

    const remove = await api(`/store/customers/me/saved-cards/${card.id}`, { method: "DELETE", token: stranger.token })
    expect(remove.status).toBe(404)
    expect(remove.body.message).toMatch(/Saved card .* was not found/)
    const makeDefault = await api(`/store/customers/me/saved-cards/${card.id}/default`, { token: stranger.token, body: {} })
    expect(makeDefault.status).toBe(404)

    expect((await savedCards(stranger.token)).saved_cards.map((item) => item.id)).not.toContain(card.id)
    expect((await savedCards(owner.token)).saved_cards).toEqual([{ ...card, is_default: true }])
    // Stripe was only read, never asked to detach or change anything.
    // (Only requests about that card: other test files use the same Stripe meanwhile.)
    const since = (await stripeRequests()).slice(before).filter((request) => JSON.stringify(request).includes(card.id))
    expect(since.filter((request) => request.method !== "GET")).toEqual([])
    expect((await stripeApi(`/v1/payment_methods/${card.id}`)).body.customer).toMatch(/^cus_/)
  })

  it("refuses bad input with a clear 4xx, and visitors with 401", async () => {
    const card = (await savedCards(owner.token)).saved_cards[0]
    const cases = [
      await api("/store/customers/me/saved-cards/setup", { token: owner.token, body: { payment_method_types: ["card"], capture_method: "automatic" } }),
      await api(`/store/customers/me/saved-cards/${card.id}/default`, { token: owner.token, body: { card_id: "pm_other" } }),
      await api("/store/customers/me/saved-cards?customer_id=cus_123", { token: owner.token }),
    ]
    for (const response of cases) {
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.message).toMatch(/Unrecognized key|unrecognized/i)
    }
    for (const id of ["pm_doesnotexist", "..%2F..%2Fcustomers", "pm%20x"]) {
      const response = await api(`/store/customers/me/saved-cards/${id}`, { method: "DELETE", token: owner.token })
      expect(response.status, id).toBe(404)
    }
    expect((await api("/store/customers/me/saved-cards")).status).toBe(401)
    expect((await api("/store/customers/me/saved-cards/setup", { body: {} })).status).toBe(401)
    expect((await savedCards(owner.token)).saved_cards).toHaveLength(1)
  })
})
