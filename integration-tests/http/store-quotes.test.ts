import { beforeAll, describe, expect, inject, it } from "vitest"
import { sealQuoteToken } from "../../plugin/src/utils/quote-links"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { sql } from "../support/db"
import { insertDraftQuote, insertSentQuote, type SentQuoteInput } from "../support/quote-fixtures"

/**
 * Issue #19 item 2, the customer's side of a quote: the list and page (sent quotes only, latest
 * version only, "viewed" once), the totals of a selection, accepting (exactly once, with totals
 * worked out by the server), declining and asking for changes (the office emailed), and the
 * emailed link that opens one quote without a password.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string
let alice: Customer
let bob: Customer

const BASE = "/store/customers/me/quotes"
const OFFICE_EMAIL = "quote-customer-action-office"

/** Good / Better, each with an optional line: the amounts have pennies that must round exactly. */
const OPTIONS: SentQuoteInput["options"] = [
  { title: "Good", lines: [{ description: "End of tenancy clean, 2 bedrooms", unit_price: "185.50" }] },
  {
    title: "Better",
    lines: [
      { description: "End of tenancy clean, 2 bedrooms", unit_price: "185.50" },
      { description: "Carpet clean, per room", quantity: 3, unit_price: "33.335" },
      { description: "Oven clean", unit_price: "45", optional: true },
      { description: "Inside the windows", unit_price: "19.99", tax_rate: 0, optional: true },
    ],
  },
]

const sentQuote = (customer: Customer, extra: Partial<SentQuoteInput> = {}) =>
  insertSentQuote({ customer_id: customer.customer.id, options: OPTIONS, ...extra })
const acceptanceRows = (quoteId: string) => sql(`select * from quote_acceptance where quote_id = $1`, [quoteId])
const events = (quoteId: string, kind: string) =>
  sql<{ message: string | null; version: number }>(`select * from quote_event where quote_id = $1 and kind = $2`, [quoteId, kind])
const activity = (customerId: string, kind: string) =>
  sql<{ message: string }>(`select message from customer_activity where customer_id = $1 and kind = $2`, [customerId, kind])

function accept(
  customer: Customer,
  quote: { id: string; current_version: number; options: { id: string; lines: { id: string }[] }[] },
  extra: Record<string, unknown> = {}
) {
  const better = quote.options[1]
  return api(`${BASE}/${quote.id}/accept`, {
    token: customer.token,
    body: { version: quote.current_version, option_id: better.id, optional_line_ids: [better.lines[2].id], signed_name: "Alice Quote", ...extra },
  })
}

/** The office's email about the quote, once sent after the workflow, as the communication log shows it. */
async function officeEmail(customerId: string, quoteId: string) {
  const [row] = await eventually(async () => {
    const rows = await sql<{ id: string; to: string; data: Record<string, string> }>(
      `select id, "to", data from notification where template = $1 and resource_id = $2`,
      [OFFICE_EMAIL, quoteId]
    )
    if (!rows.length) throw new Error("no office email yet")
    return rows
  })
  const log = await api(`/admin/customers/${customerId}/communications`, { token: admin })
  expect(log.body.communications.map((email: { id: string }) => email.id)).toContain(row.id)
  return row
}

beforeAll(async () => {
  admin = await adminToken()
  alice = await signUpCustomer({ first_name: "Alice", last_name: "Quote" })
  bob = await signUpCustomer({ first_name: "Bob", last_name: "Other" })
}, 120_000)

describe("the customer's quotes", () => {
  it("lists only their sent quotes: never a draft, never someone else's", async () => {
    const mine = await sentQuote(alice, { title: "Office carpets" })
    const draft = await insertDraftQuote(alice.customer.id)
    const bobs = await sentQuote(bob)
    const { status, body } = await api(BASE, { token: alice.token })
    expect(status).toBe(200)
    const ids = body.quotes.map((quote: { id: string }) => quote.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(draft.id)
    expect(ids).not.toContain(bobs.id)
    expect(body.quotes.find((quote: { id: string }) => quote.id === mine.id)).toMatchObject({
      number: mine.number,
      title: "Office carpets",
      status: "sent",
      total: 222.6,
    })

    for (const id of [draft.id, bobs.id, "quo_missing"]) {
      expect((await api(`${BASE}/${id}`, { token: alice.token })).status).toBe(404)
      expect((await api(`${BASE}/${id}/price`, { token: alice.token, body: { option_id: "x", optional_line_ids: [] } })).status).toBe(404)
      expect((await api(`${BASE}/${id}/decline`, { token: alice.token, body: { reason: "No" } })).status).toBe(404)
      expect((await api(`${BASE}/${id}/request-changes`, { token: alice.token, body: { message: "Cheaper?" } })).status).toBe(404)
    }
    expect((await accept(alice, bobs)).status).toBe(404)
    expect(await acceptanceRows(bobs.id)).toHaveLength(0)
    expect((await api(`${BASE}?status=draft`, { token: alice.token })).status).toBe(400)
  })

  it("shows the latest sent version only, and records the first read as viewed, once", async () => {
    const quote = await sentQuote(alice, { version: 2, with_draft: true })
    const first = await api(`${BASE}/${quote.id}`, { token: alice.token })
    expect(first.status).toBe(200)
    expect(first.body.quote.current.version).toBe(2)
    expect(first.body.quote.draft).toBeNull()
    expect(first.body.quote.current.options.map((option: { id: string }) => option.id)).toEqual(quote.options.map((option) => option.id))
    expect(first.body.quote.status).toBe("viewed")
    expect(first.body.quote.viewed_at).not.toBeNull()
    const again = await api(`${BASE}/${quote.id}`, { token: alice.token })
    expect(again.body.quote.viewed_at).toBe(first.body.quote.viewed_at)
    expect(await events(quote.id, "viewed")).toHaveLength(1)
    const lines = await activity(alice.customer.id, "quote_viewed")
    expect(lines.filter((line) => line.message.includes(quote.number))).toHaveLength(1)
  })

  it("gives the quote's PDF to its customer (and through its link), to no one else", async () => {
    const quote = await sentQuote(alice)
    const pdf = await api(`${BASE}/${quote.id}/pdf`, { token: alice.token })
    expect(pdf.status).toBe(200)
    expect(pdf.headers["content-type"]).toBe("application/pdf")
    expect((await api(`${BASE}/${quote.id}/pdf`, { token: bob.token })).status).toBe(404)
    const headers = { "x-quote-link": sealQuoteToken({ quote_id: quote.id, customer_id: alice.customer.id }, "supersecret") }
    expect((await api(`/store/portal/quote-link/quotes/${quote.id}/pdf`, { headers })).status).toBe(200)
    expect((await api(`/store/portal/quote-link/quotes/${(await sentQuote(alice)).id}/pdf`, { headers })).status).toBe(404)
  })

  it("prices an option with its ticked optional lines, rounding as invoices do, and the deposit", async () => {
    const quote = await sentQuote(alice, { deposit: { kind: "percent", value: 25 } })
    const better = quote.options[1]
    const price = (optional_line_ids: string[], option_id = better.id) =>
      api(`${BASE}/${quote.id}/price`, { token: alice.token, body: { option_id, optional_line_ids } })
    // 185.50 + 3 × 33.335 = 100.01 (half up) → 285.51, tax 37.10 + 20.00 = 57.10
    expect((await price([])).body).toEqual({ subtotal: 285.51, tax_total: 57.1, total: 342.61, deposit: 85.65 })
    // + oven 45 (tax 9) + windows 19.99 (no tax)
    expect((await price([better.lines[2].id, better.lines[3].id])).body).toEqual({ subtotal: 350.5, tax_total: 66.1, total: 416.6, deposit: 104.15 })
    const wrongLine = await price([quote.options[0].lines[0].id])
    expect(wrongLine.status).toBe(400)
    expect(wrongLine.body.message).toMatch(/optional lines of the option you picked/)
    expect((await price([], "quoo_nope")).body.message).toMatch(/Pick one of the options/)
    expect((await api(`${BASE}/${quote.id}/price`, { token: alice.token, body: { option_id: better.id, extra: 1 } })).status).toBe(400)
  })
})

describe("accepting a quote", () => {
  it("records one acceptance with the server's totals, the deposit due, the history, the activity and the office's email", async () => {
    const quote = await sentQuote(alice, { deposit: { kind: "amount", value: 50 }, expires_on: "2099-12-31" })
    // The browser can't name its own price: totals are worked out on the server.
    expect((await accept(alice, quote, { total: 1 })).status).toBe(400)
    const { status, body } = await accept(alice, quote)
    expect(status).toBe(200)
    expect(body.quote.status).toBe("accepted")
    expect(body.quote.acceptance).toMatchObject({
      version: 1,
      option_id: quote.options[1].id,
      option_title: "Better",
      optional_line_ids: [quote.options[1].lines[2].id],
      signed_name: "Alice Quote",
      subtotal: 330.51,
      tax_total: 66.1,
      total: 396.61,
      deposit_amount: 50,
    })
    const [row] = await acceptanceRows(quote.id)
    expect(row.ip).toBeTruthy()
    expect(await events(quote.id, "accepted")).toHaveLength(1)
    expect((await activity(alice.customer.id, "quote_accepted")).find((line) => line.message.includes(quote.number))?.message).toMatch(
      /accepted: "Better", £396\.61; deposit £50\.00 due\. Signed by Alice Quote\./
    )
    const email = await officeEmail(alice.customer.id, quote.id)
    expect(email.data.summary).toContain("accepted")
    // The office opens the quote in the admin straight from the email.
    expect(email.data.admin_url).toBe(`${inject("backendUrl")}/app/quotes/${quote.id}`)
  })

  it("is refused in words when expired, declined, already accepted, superseded, or the pick is not one option of the current version", async () => {
    const expired = await sentQuote(alice, { expires_on: "2020-01-31" })
    const declined = await sentQuote(alice, { status: "declined" })
    const accepted = await sentQuote(alice)
    expect((await accept(alice, accepted)).status).toBe(200)
    const revised = await sentQuote(alice, { version: 2 })

    const refusals: [string, Awaited<ReturnType<typeof accept>>, number, RegExp][] = [
      ["expired", await accept(alice, expired), 409, /expired/],
      ["declined", await accept(alice, declined), 409, /declined/],
      ["accepted twice", await accept(alice, accepted), 409, /already accepted/],
      ["an earlier version", await accept(alice, revised, { version: 1 }), 409, /newer version \(version 2\)/],
      ["another version's option", await accept(alice, revised, { option_id: revised.earlier[0][1].id, optional_line_ids: [] }), 400, /latest version/],
      ["another option's line", await accept(alice, revised, { optional_line_ids: [revised.options[0].lines[0].id] }), 400, /optional lines/],
      ["a required line ticked", await accept(alice, revised, { optional_line_ids: [revised.options[1].lines[0].id] }), 400, /optional lines/],
      ["two options", await accept(alice, revised, { option_id: [revised.options[0].id, revised.options[1].id] }), 400, /option/i],
      ["no name", await accept(alice, revised, { signed_name: "  " }), 400, /full name/],
      ["no version", await accept(alice, revised, { version: undefined }), 400, /version/],
    ]
    for (const [what, response, status, message] of refusals) {
      expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(status)
      expect(response.body.message, what).toMatch(message)
    }
    for (const quote of [expired, declined, revised]) expect(await acceptanceRows(quote.id)).toHaveLength(0)
    expect(await acceptanceRows(accepted.id)).toHaveLength(1)
    expect((await api(`${BASE}/${revised.id}`, { token: alice.token })).body.quote.status).toBe("viewed")
    // Another customer's quote is simply not there.
    expect((await accept(bob, revised)).status).toBe(404)
  })

  it("from two tabs at once makes exactly one acceptance; the other tab is told in words", async () => {
    const quote = await sentQuote(alice)
    const answers = await Promise.all([accept(alice, quote), accept(alice, quote, { signed_name: "Alice Q" }), accept(alice, quote)])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409])
    for (const answer of answers.filter((one) => one.status === 409)) expect(answer.body.message).toMatch(/already accepted/)
    expect(await acceptanceRows(quote.id)).toHaveLength(1)
    expect(await events(quote.id, "accepted")).toHaveLength(1)
  })
})

describe("declining and asking for changes", () => {
  it("declines with the reason: the history, the activity and the office's email keep the customer's words", async () => {
    const quote = await sentQuote(alice)
    const missing = await api(`${BASE}/${quote.id}/decline`, { token: alice.token, body: { reason: " " } })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/why you are declining/)
    const { status, body } = await api(`${BASE}/${quote.id}/decline`, { token: alice.token, body: { reason: "We found someone closer." } })
    expect(status).toBe(200)
    expect(body.quote.status).toBe("declined")
    expect((await events(quote.id, "declined"))[0].message).toBe("We found someone closer.")
    expect((await activity(alice.customer.id, "quote_declined")).some((line) => line.message.includes("We found someone closer."))).toBe(true)
    const email = await officeEmail(alice.customer.id, quote.id)
    expect(email.data.message).toBe("We found someone closer.")
    expect((await api(`${BASE}/${quote.id}/request-changes`, { token: alice.token, body: { message: "Actually…" } })).status).toBe(409)
  })

  it("asks for changes with a message; the quote can still be accepted afterwards", async () => {
    const quote = await sentQuote(alice)
    expect((await api(`${BASE}/${quote.id}/request-changes`, { token: alice.token, body: {} })).status).toBe(400)
    const { status, body } = await api(`${BASE}/${quote.id}/request-changes`, { token: alice.token, body: { message: "Can you add the garage?" } })
    expect(status).toBe(200)
    expect(body.quote.status).toBe("changes_requested")
    expect((await events(quote.id, "changes_requested"))[0].message).toBe("Can you add the garage?")
    const email = await officeEmail(alice.customer.id, quote.id)
    expect(email.data.message).toBe("Can you add the garage?")
    expect((await accept(alice, quote)).status).toBe(200)
  })
})

describe("the emailed link", () => {
  const link = (quote: { id: string }, customer: Customer) => sealQuoteToken({ quote_id: quote.id, customer_id: customer.customer.id }, "supersecret")

  it("opens that one quote without signing in, and nothing else", async () => {
    const quote = await sentQuote(alice)
    const other = await sentQuote(alice)
    const token = link(quote, alice)
    const opened = await api("/store/portal/quote-link", { body: { token } })
    expect(opened.status).toBe(200)
    expect(opened.body).toEqual({ quote_id: quote.id, customer_has_account: true })
    const headers = { "x-quote-link": token }
    const page = await api(`/store/portal/quote-link/quotes/${quote.id}`, { headers })
    expect(page.status).toBe(200)
    expect(page.body.quote.status).toBe("viewed")
    expect((await api(`/store/portal/quote-link/quotes/${other.id}`, { headers })).status).toBe(404)
    expect((await api(`/store/portal/quote-link/quotes/${quote.id}`, { headers: { "x-quote-link": token.slice(0, -4) + "AAAA" } })).status).toBe(401)
    expect((await api(`/store/portal/quote-link/quotes/${quote.id}`)).status).toBe(401)
    expect((await api("/store/portal/quote-link", { body: { token: token.slice(0, -4) + "AAAA" } })).status).toBe(401)

    const better = quote.options[1]
    const accepted = await api(`/store/portal/quote-link/quotes/${quote.id}/accept`, {
      headers,
      body: { version: 1, option_id: better.id, optional_line_ids: [], signed_name: "Alice Quote" },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body.quote.acceptance.total).toBe(342.61)
    // A link made for someone else's quote (a forged customer) finds nothing.
    expect((await api("/store/portal/quote-link", { body: { token: link(quote, bob) } })).status).toBe(401)
  })
})
