import { beforeAll, describe, expect, it } from "vitest"
import { sealQuoteToken } from "../../plugin/src/utils/quote-links"
import { api, signUpCustomer } from "../support/api"
import { sql } from "../support/db"
import { insertSentQuote, type SentQuote } from "../support/quote-fixtures"
import { saveCard, sendStripeEvent, stripeApi, stripeEvents, stripeRequests, TEST_CARDS } from "../support/stripe"

/**
 * Issue #19 item 2, the deposit: accepting a quote takes its deposit through Stripe with a saved or
 * new card, charged once however many tabs; a declined card leaves the quote accepted with "Pay
 * deposit"; 3-D Secure finishes in the browser or by Stripe's event, recorded once.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let alice: Customer
let bob: Customer
let aliceCard: string
let bobCard: string

const BASE = "/store/customers/me/quotes"
const LINES = [{ title: "Deep clean", lines: [{ description: "Deep clean, 3 bedrooms", unit_price: "250" }] }]

const depositQuote = (customer: Customer, value = 50) =>
  insertSentQuote({ customer_id: customer.customer.id, options: LINES, deposit: { kind: "amount", value }, title: "Deep clean" })
const acceptBody = (quote: SentQuote, extra: Record<string, unknown> = {}) => ({
  version: quote.current_version,
  option_id: quote.options[0].id,
  optional_line_ids: [],
  signed_name: "Alice Deposit",
  ...extra,
})
const accept = (customer: Customer, quote: SentQuote, extra: Record<string, unknown> = {}) =>
  api(`${BASE}/${quote.id}/accept`, { token: customer.token, body: acceptBody(quote, extra) })
const payDeposit = (customer: Customer, quote: { id: string }, body: Record<string, unknown>) =>
  api(`${BASE}/${quote.id}/deposit`, { token: customer.token, body })
const intentsFor = async (quoteId: string) =>
  (await stripeRequests()).filter((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.params?.metadata?.quote_id === quoteId)
const events = (quoteId: string, kind: string) =>
  sql<{ message: string | null }>(`select message from quote_event where quote_id = $1 and kind = $2`, [quoteId, kind])
const activity = (customerId: string, kind: string, number: string) =>
  sql<{ message: string }>(`select message from customer_activity where customer_id = $1 and kind = $2 and data->>'number' = $3`, [customerId, kind, number])
const acceptances = (quoteId: string) =>
  sql<{ id: string; deposit_status: string; deposit_medusa_payment_id: string | null; deposit_invoice_payment_id: string | null }>(
    `select * from quote_acceptance where quote_id = $1`,
    [quoteId]
  )

beforeAll(async () => {
  alice = await signUpCustomer({ first_name: "Alice", last_name: "Deposit" })
  bob = await signUpCustomer({ first_name: "Bob", last_name: "Deposit" })
  aliceCard = await saveCard(alice.token)
  bobCard = await saveCard(bob.token)
}, 120_000)

describe("the deposit at acceptance", () => {
  it("accepting with a saved card takes the deposit once: paid, the card, the history, the activity", async () => {
    const quote = await depositQuote(alice)
    const { status, body } = await accept(alice, quote, { saved_card_id: aliceCard })
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.quote.status).toBe("accepted")
    expect(body.quote.acceptance.deposit).toMatchObject({ status: "paid", amount: 50, card: { brand: "visa", last4: "4242" }, message: null })
    expect(body.quote.acceptance.deposit.paid_at).not.toBeNull()
    expect(body.quote.acceptance.deposit.payment_intent_id).toMatch(/^pi_/)
    const intents = await intentsFor(quote.id)
    expect(intents).toHaveLength(1)
    expect(intents[0].params).toMatchObject({ amount: "5000", capture_method: "automatic", confirm: "true", payment_method: aliceCard })

    // A double click or a second tab: nothing charged again.
    const again = await payDeposit(alice, quote, { saved_card_id: aliceCard })
    expect(again.status).toBe(200)
    expect(again.body.quote.acceptance.deposit.status).toBe("paid")
    expect(await intentsFor(quote.id)).toHaveLength(1)

    const [row] = await acceptances(quote.id)
    expect(row.deposit_medusa_payment_id).toMatch(/^pay_/)
    expect(row.deposit_invoice_payment_id).toBeNull()
    expect(await events(quote.id, "deposit_paid")).toHaveLength(1)
    expect((await activity(alice.customer.id, "quote_deposit_paid", quote.number)).map((line) => line.message)).toEqual([
      `Deposit of £50.00 paid on Quote ${quote.number} (Deep clean) with Visa ending 4242.`,
    ])
  })

  it("two tabs accepting with a card at once: one acceptance, one PaymentIntent", async () => {
    const quote = await depositQuote(alice, 40)
    const answers = await Promise.all([accept(alice, quote, { saved_card_id: aliceCard }), accept(alice, quote, { saved_card_id: aliceCard })])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    expect(await acceptances(quote.id)).toHaveLength(1)
    expect(await intentsFor(quote.id)).toHaveLength(1)
    const page = await api(`${BASE}/${quote.id}`, { token: alice.token })
    expect(page.body.quote.acceptance.deposit).toMatchObject({ status: "paid", amount: 40 })
  })

  it("a declined card: the quote stays accepted, the deposit failed with the reason; paying again with another card succeeds", async () => {
    const declining = await saveCard(alice.token, TEST_CARDS.declinesCharges)
    const quote = await depositQuote(alice)
    const accepted = await accept(alice, quote, { saved_card_id: declining })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.quote.status).toBe("accepted")
    expect(accepted.body.quote.acceptance.deposit.status).toBe("failed")
    expect(accepted.body.quote.acceptance.deposit.message).toMatch(/declined.*Nothing was charged; your quote stays accepted/)
    expect(await events(quote.id, "deposit_failed")).toHaveLength(1)

    const declinedAgain = await payDeposit(alice, quote, { saved_card_id: declining })
    expect(declinedAgain.status).toBe(402)
    expect(declinedAgain.body).toMatchObject({ type: "payment_declined" })
    expect(declinedAgain.body.message).toMatch(/declined/)

    const paid = await payDeposit(alice, quote, { saved_card_id: aliceCard })
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
    expect(paid.body.quote.acceptance.deposit).toMatchObject({ status: "paid", card: { last4: "4242" }, message: null })
    expect(await intentsFor(quote.id)).toHaveLength(3)
    expect(await acceptances(quote.id)).toHaveLength(1)
    expect(await events(quote.id, "deposit_paid")).toHaveLength(1)
  })

  it("someone else's quote or card is not found, and nothing is accepted or charged", async () => {
    const quote = await depositQuote(alice)
    expect((await payDeposit(bob, quote, { saved_card_id: bobCard })).status).toBe(404)
    expect((await api(`${BASE}/${quote.id}/deposit/confirm`, { token: bob.token, body: {} })).status).toBe(404)
    const withBobsCard = await accept(alice, quote, { saved_card_id: bobCard })
    expect(withBobsCard.status).toBe(404)
    expect(await acceptances(quote.id)).toHaveLength(0)
    expect(await intentsFor(quote.id)).toHaveLength(0)
  })

  it("refuses in words: paying before accepting, no deposit, a deposit on a zero total, two cards, unknown keys", async () => {
    const quote = await depositQuote(alice)
    const early = await payDeposit(alice, quote, { saved_card_id: aliceCard })
    expect(early.status).toBe(409)
    expect(early.body.message).toMatch(/Accept the quote first/)

    const free = await insertSentQuote({
      customer_id: alice.customer.id,
      options: [{ title: "Free check", lines: [{ description: "Free survey", unit_price: "0" }] }],
      deposit: { kind: "amount", value: 50 },
    })
    const accepted = await accept(alice, free, { saved_card_id: aliceCard })
    expect(accepted.status).toBe(200)
    expect(accepted.body.quote.acceptance.deposit).toBeNull()
    const zero = await payDeposit(alice, free, { saved_card_id: aliceCard })
    expect(zero.status).toBe(400)
    expect(zero.body.message).toBe("This quote has no deposit to pay.")
    expect(await intentsFor(free.id)).toHaveLength(0)

    expect((await payDeposit(alice, quote, { saved_card_id: aliceCard, payment_method: "pm_card_visa" })).body.message).toMatch(/one card/)
    expect((await payDeposit(alice, quote, {})).status).toBe(400)
    expect((await payDeposit(alice, quote, { saved_card_id: aliceCard, amount: 1 })).status).toBe(400)
    expect((await accept(alice, quote, { saved_card_id: aliceCard, payment_method: "pm_card_visa" })).status).toBe(400)
  })

  it("through the emailed link: accepted without a card, then the deposit paid there", async () => {
    const quote = await depositQuote(alice, 25)
    const headers = { "x-quote-link": sealQuoteToken({ quote_id: quote.id, customer_id: alice.customer.id }, "supersecret") }
    const link = `/store/portal/quote-link/quotes/${quote.id}`
    const accepted = await api(`${link}/accept`, { headers, body: acceptBody(quote) })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(accepted.body.quote.acceptance.deposit).toMatchObject({ status: "due", amount: 25, card: null })
    expect(await intentsFor(quote.id)).toHaveLength(0)
    const other = await depositQuote(alice)
    expect((await api(`/store/portal/quote-link/quotes/${other.id}/deposit`, { headers, body: { saved_card_id: aliceCard } })).status).toBe(404)
    const paid = await api(`${link}/deposit`, { headers, body: { saved_card_id: aliceCard } })
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
    expect(paid.body.quote.acceptance.deposit).toMatchObject({ status: "paid", card: { brand: "visa", last4: "4242" } })
    expect(await intentsFor(quote.id)).toHaveLength(1)
  })
})

describe("3-D Secure and Stripe's events", () => {
  let authCard: string
  beforeAll(async () => {
    authCard = await saveCard(alice.token, TEST_CARDS.needsAuthentication)
  })

  it("the bank's check: requires_action with the client secret, Stripe's event (twice) records it once, the confirm route then sees it paid", async () => {
    const quote = await depositQuote(alice)
    const accepted = await accept(alice, quote, { saved_card_id: authCard })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    const deposit = accepted.body.quote.acceptance.deposit
    expect(deposit.status).toBe("requires_action")
    expect(deposit.client_secret).toMatch(/^pi_.+_secret_/)
    const early = await api(`${BASE}/${quote.id}/deposit/confirm`, { token: alice.token, body: {} })
    expect(early.status).toBe(200)
    expect(early.body.quote.acceptance.deposit.status).toBe("requires_action")

    const intent = deposit.client_secret.split("_secret_")[0]
    expect((await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: {} })).body.status).toBe("succeeded")
    const event = (await stripeEvents("payment_intent.succeeded")).find((item) => item.data.object.id === intent)
    const first = await sendStripeEvent(event)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ status: "processed", outcome: "quote deposit captured" })
    expect((await sendStripeEvent(event)).body).toMatchObject({ status: "duplicate" })
    expect((await sendStripeEvent({ ...event, id: `evt_late_${Date.now()}` })).status).toBe(200)

    const confirmed = await api(`${BASE}/${quote.id}/deposit/confirm`, { token: alice.token, body: {} })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(confirmed.body.quote.acceptance.deposit).toMatchObject({ status: "paid", client_secret: null })
    expect(await events(quote.id, "deposit_paid")).toHaveLength(1)
    expect(await activity(alice.customer.id, "quote_deposit_paid", quote.number)).toHaveLength(1)
    expect(await intentsFor(quote.id)).toHaveLength(1)
  })

  it("a failed bank check: 402 in words, the deposit failed and can be paid again", async () => {
    const quote = await depositQuote(alice)
    const deposit = (await accept(alice, quote, { saved_card_id: authCard })).body.quote.acceptance.deposit
    const intent = deposit.client_secret.split("_secret_")[0]
    await stripeApi(`/_fake/payment_intents/${intent}/authenticate`, { params: { result: "fail" } })
    const confirmed = await api(`${BASE}/${quote.id}/deposit/confirm`, { token: alice.token, body: {} })
    expect(confirmed.status).toBe(402)
    expect(confirmed.body.message).toMatch(/unable to authenticate.*your quote stays accepted/)
    const paid = await payDeposit(alice, quote, { saved_card_id: aliceCard })
    expect(paid.body.quote.acceptance.deposit.status).toBe("paid")
  })
})
