import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { BRISTOL } from "../support/customer-records"
import { sql } from "../support/db"
import { sentAttachments, sentThroughResend } from "../support/sent-emails"
import { createQuote, createSentQuote, dayFromNow, runQuoteExpiry, serviceOption, twoOptionQuote } from "../support/quotes"

/**
 * Issue #19 items 1, 4 and 5, the staff side: a quote drafted with catalogue and free lines,
 * optional lines and two options, priced to the penny with the customer's own tax; edited, sent
 * (numbered, emailed with its PDF and link), revised and sent again; found by the list's filters;
 * expired by the hourly job. Every refusal is a 4xx in words with nothing written.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let admin: string
let carol: Customer
let clean: Awaited<ReturnType<typeof serviceOption>>

/** Pence, so the expected figures are worked out without floats. */
const pence = (pounds: number) => Math.round(pounds * 100)
const pounds = (p: number) => p / 100
const vat = (subtotal: number, rate = 20) => Math.round((subtotal * rate) / 100)

const activity = async (customerId: string, kind: string) =>
  (await api(`/admin/customers/${customerId}/activity?kind=${kind}`, { token: admin })).body.activity as { message: string; data: Record<string, unknown> }[]
const quoteCount = async () => Number((await sql<{ n: string }>("select count(*) as n from quote"))[0].n)

beforeAll(async () => {
  admin = await adminToken()
  carol = await signUpCustomer({ first_name: "Carol", last_name: "Quote" })
  clean = await serviceOption()
}, 120_000)

describe("drafting a quote", () => {
  it("prices service lines from the catalogue, taxes them by the customer's rules, and totals each option exactly", async () => {
    const { quote, events } = await createQuote(admin, await twoOptionQuote(carol.customer.id))
    expect(quote).toMatchObject({ status: "draft", number: null, title: "End of tenancy clean", currency_code: "gbp", current: null, sent_at: null })
    expect(quote.bill_to).toMatchObject({ name: "Carol Quote", email: carol.email })
    expect(quote.seller.name).toBeTruthy()
    const [standard, deep] = quote.draft.options
    expect(quote.draft).toMatchObject({ version: 1, status: "draft", notes: "Keys from the letting agent." })

    // Standard: the catalogue's price and name for the service, a free line typed by staff.
    const serviceSub = 2 * pence(clean.price)
    expect(standard.lines[0]).toMatchObject({
      product_id: clean.product_id,
      variant_id: clean.variant_id,
      description: `${clean.title} · ${clean.variant_title}`,
      quantity: 2,
      unit_price: clean.price,
      tax_rate: 20,
      optional: false,
      subtotal: pounds(serviceSub),
      tax_total: pounds(vat(serviceSub)),
    })
    expect(standard.lines[1]).toMatchObject({ product_id: null, description: "Oven clean", unit_price: 45.5, subtotal: 45.5, tax_total: 9.1, total: 54.6 })
    const standardSub = serviceSub + 4550
    const standardTax = vat(serviceSub) + 910
    expect([standard.subtotal, standard.tax_total, standard.total]).toEqual([pounds(standardSub), pounds(standardTax), pounds(standardSub + standardTax)])

    // Deep: an edited price, a line whose tax rounds (99.99 × 20% = 19.998 → 20.00), and an optional extra left out of the total.
    expect(deep.lines.map((line: any) => [line.unit_price, line.subtotal, line.tax_total, line.total, line.optional])).toEqual([
      [70, 210, 42, 252, false],
      [33.33, 99.99, 20, 119.99, false],
      [25, 25, 5, 30, true],
    ])
    expect([deep.subtotal, deep.tax_total, deep.total]).toEqual([309.99, 62, 371.99])
    expect(quote.total).toBe(pounds(standardSub + standardTax))
    expect(events.map((event: any) => event.kind)).toEqual(["created"])
    expect((await activity(carol.customer.id, "quote_created"))[0].data).toMatchObject({ quote_id: quote.id })
  })

  it("uses the customer's special tax rate and addresses the quote to their business profile", async () => {
    const dan = await signUpCustomer({ first_name: "Dan", last_name: "Special" })
    expect((await api(`/admin/customers/${dan.customer.id}/profile`, { token: admin, body: { tax_rate_override: 5 } })).status).toBe(200)
    const profile = await api("/store/customers/me/business-profiles", {
      token: dan.token,
      body: { name: "Special Lettings Ltd", billing_email: "accounts@special.example", tax_id: "GB123", ...BRISTOL },
    })
    expect(profile.status, JSON.stringify(profile.body)).toBe(201)
    const { quote } = await createQuote(admin, await twoOptionQuote(dan.customer.id, { business_profile_id: profile.body.business_profile.id }))
    expect(quote.draft.options.flatMap((option: any) => option.lines.map((line: any) => line.tax_rate))).toEqual([5, 5, 5, 5, 5])
    expect(quote.draft.options[1].tax_total).toBe(15.5)
    expect(quote.bill_to).toMatchObject({ name: "Special Lettings Ltd", email: "accounts@special.example", tax_id: "GB123" })
  })

  it("edits the draft: options replace the draft's, fields left out stay", async () => {
    const { quote } = await createQuote(admin, await twoOptionQuote(carol.customer.id))
    const edited = await api(`/admin/quotes/${quote.id}`, {
      token: admin,
      body: { title: "Move-out clean", options: [{ title: "Only option", lines: [{ description: "Labour", quantity: 4, unit_price: "12.50" }] }] },
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.quote).toMatchObject({ title: "Move-out clean", total: 60, expires_on: quote.expires_on })
    expect(edited.body.quote.draft.options.map((option: any) => [option.title, option.total])).toEqual([["Only option", 60]])
    expect(edited.body.quote.draft.notes).toBe("Keys from the letting agent.")
    const dated = await api(`/admin/quotes/${quote.id}`, { token: admin, body: { expires_on: dayFromNow(30), deposit: { kind: "percent", value: "10" } } })
    expect(dated.status, JSON.stringify(dated.body)).toBe(200)
    expect(dated.body.quote).toMatchObject({ expires_on: dayFromNow(30), deposit: { kind: "percent", value: 10 }, total: 60 })
    expect((await activity(carol.customer.id, "quote_updated")).length).toBeGreaterThanOrEqual(2)
  })
})

describe("sending and revising", () => {
  it("numbers, freezes and emails the quote with its PDF and link; a revision is a new draft until sent, then supersedes", async () => {
    const { quote } = await createSentQuote(admin, carol.customer.id)
    const year = new Date().getFullYear()
    expect(quote.number).toMatch(new RegExp(`^QUO-${year}-\\d{6}$`))
    expect(quote).toMatchObject({ status: "sent", draft: null })
    expect(quote.current).toMatchObject({ version: 1, status: "sent" })
    expect(quote.sent_at).toBeTruthy()

    const email = await eventually(async () => {
      const found = await latestEmail(carol.email, "quote-sent")
      if (found.data.quote_number !== quote.number) throw new Error("not this quote's email yet")
      return found
    })
    // The emailed link opens this quote in the portal without a password, as the customer's own.
    const token = new URL(email.data.quote_url).searchParams.get("token")!
    expect(new URL(email.data.quote_url).pathname).toBe("/quote-link")
    expect((await api("/store/portal/quote-link", { body: { token } })).body).toMatchObject({ quote_id: quote.id })
    const opened = await api(`/store/portal/quote-link/quotes/${quote.id}`, { headers: { "x-quote-link": token } })
    expect(opened.body.quote).toMatchObject({ number: quote.number, status: "viewed" })
    const sent = await sentThroughResend(email.external_id!)
    expect(sent.subject).toContain(quote.number)
    const attachments = await sentAttachments(email.external_id!)
    expect(attachments.map((a) => a.filename)).toEqual([`${quote.number}.pdf`])
    expect(Buffer.from(attachments[0].content, "base64").subarray(0, 5).toString()).toBe("%PDF-")
    const log = await api(`/admin/customers/${carol.customer.id}/communications`, { token: admin })
    expect(log.body.communications.map((c: any) => c.template)).toContain("quote-sent")
    expect((await activity(carol.customer.id, "quote_sent"))[0].message).toContain(quote.number)

    // A sent version is never edited, and there is nothing more to send.
    const edit = await api(`/admin/quotes/${quote.id}`, { token: admin, body: { title: "Sneaky change" } })
    expect(edit.status).toBe(400)
    expect(edit.body.message).toMatch(/revise it/)
    const again = await api(`/admin/quotes/${quote.id}/send`, { token: admin, body: {} })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/has no draft/)

    const revised = await api(`/admin/quotes/${quote.id}/revise`, { token: admin, body: {} })
    expect(revised.status, JSON.stringify(revised.body)).toBe(200)
    expect(revised.body.quote.current).toMatchObject({ version: 1, status: "sent" })
    expect(revised.body.quote.draft).toMatchObject({ version: 2, status: "draft" })
    expect(revised.body.quote.draft.options.map((o: any) => o.total)).toEqual(quote.current.options.map((o: any) => o.total))
    expect((await api(`/admin/quotes/${quote.id}/revise`, { token: admin, body: {} })).body.message).toMatch(/already has a draft \(version 2\)/)
    const changed = await api(`/admin/quotes/${quote.id}`, { token: admin, body: { title: "End of tenancy clean, revised", notes: "Price held for 3 weeks." } })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body.quote.current.notes).toBe("Keys from the letting agent.")

    const second = await api(`/admin/quotes/${quote.id}/send`, { token: admin, body: {} })
    expect(second.status, JSON.stringify(second.body)).toBe(200)
    expect(second.body.quote).toMatchObject({ number: quote.number, status: "sent", draft: null, title: "End of tenancy clean, revised" })
    expect(second.body.quote.current).toMatchObject({ version: 2, status: "sent", notes: "Price held for 3 weeks." })
    const versions = await sql<{ version: number; status: string }>("select version, status from quote_version where quote_id = $1 order by version", [
      quote.id,
    ])
    expect(versions).toEqual([
      { version: 1, status: "superseded" },
      { version: 2, status: "sent" },
    ])
    expect(second.body.events.map((event: any) => [event.kind, event.version])).toEqual([
      ["created", 1],
      ["sent", 1],
      ["viewed", 1],
      ["revised", 2],
      ["sent", 2],
    ])
    await eventually(async () => {
      const rows = await sql("select id from notification where idempotency_key = $1", [`quote-sent:${quote.id}:2`])
      if (!rows.length) throw new Error("version 2's email not sent yet")
    })

    const pdf = await api(`/admin/quotes/${quote.id}/pdf`, { token: admin })
    expect(pdf.status).toBe(200)
    expect(pdf.headers["content-type"]).toBe("application/pdf")
  })

  it("previews a draft's PDF, and says when there is no sent version to print", async () => {
    const { quote } = await createQuote(admin, await twoOptionQuote(carol.customer.id))
    const draft = await api(`/admin/quotes/${quote.id}/pdf?draft=true`, { token: admin })
    expect(draft.status).toBe(200)
    expect(String(draft.body).slice(0, 5)).toBe("%PDF-")
    const none = await api(`/admin/quotes/${quote.id}/pdf`, { token: admin })
    expect(none.status).toBe(404)
    expect(none.body.message).toMatch(/not been sent yet/)
  })
})

describe("the Quotes list", () => {
  it("finds quotes by status, customer, number or title, amount and expiry, sorted and paged", async () => {
    const erin = await signUpCustomer({ first_name: "Erin", last_name: "Lister" })
    const cheap = await createQuote(
      admin,
      await twoOptionQuote(erin.customer.id, {
        title: "Gutter clear",
        expires_on: dayFromNow(10),
        options: [{ title: "One", lines: [{ description: "Gutters", quantity: 1, unit_price: "50" }] }],
      })
    )
    const dear = await createSentQuote(admin, erin.customer.id, { title: "Full refurbishment clean", expires_on: dayFromNow(40) })
    const list = async (query: string) => {
      const response = await api(`/admin/quotes?customer_id=${erin.customer.id}&${query}`, { token: admin })
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      return response.body
    }
    const all = await list("")
    expect(all.quotes.map((q: any) => q.id)).toEqual([dear.quote.id, cheap.quote.id])
    expect(all.customers[erin.customer.id]).toEqual({ name: "Erin Lister", email: erin.email })
    expect(all.time_zone).toBe("Europe/London")
    expect((await list("status=draft")).quotes.map((q: any) => q.id)).toEqual([cheap.quote.id])
    expect((await list("status=sent")).quotes.map((q: any) => q.id)).toEqual([dear.quote.id])
    expect((await list("q=refurb")).quotes.map((q: any) => q.id)).toEqual([dear.quote.id])
    expect((await list(`q=${dear.quote.number}`)).quotes.map((q: any) => q.id)).toEqual([dear.quote.id])
    expect((await list("min_total=100")).quotes.map((q: any) => q.id)).toEqual([dear.quote.id])
    expect((await list("max_total=60")).quotes.map((q: any) => q.id)).toEqual([cheap.quote.id])
    expect((await list(`expires_from=${dayFromNow(20)}`)).quotes.map((q: any) => q.id)).toEqual([dear.quote.id])
    expect((await list(`expires_to=${dayFromNow(20)}`)).quotes.map((q: any) => q.id)).toEqual([cheap.quote.id])
    expect((await list("order=total")).quotes.map((q: any) => q.id)).toEqual([cheap.quote.id, dear.quote.id])
    const paged = await list("order=total&limit=1&offset=1")
    expect([paged.count, paged.quotes.map((q: any) => q.id)]).toEqual([2, [dear.quote.id]])
    const bad = await api("/admin/quotes?status=nope", { token: admin })
    expect(bad.status).toBe(400)
    expect((await api(`/admin/quotes?expires_from=${dayFromNow(5)}&expires_to=${dayFromNow(1)}`, { token: admin })).body.message).toContain(
      "expires_from must be on or before expires_to"
    )
  })
})

describe("refusals", () => {
  it("answers each bad quote with a 4xx in words, and writes nothing", async () => {
    const other = await signUpCustomer({ first_name: "Olga", last_name: "Other" })
    const place = await api("/store/customers/me/addresses", { token: other.token, body: { ...BRISTOL, first_name: "Olga", last_name: "Other" } })
    const otherAddress = place.body.customer.addresses[0].id
    const otherProfile = (
      await api("/store/customers/me/business-profiles", { token: other.token, body: { name: "Olga Ltd", billing_email: "o@example.test", ...BRISTOL } })
    ).body.business_profile.id
    const base = await twoOptionQuote(carol.customer.id)
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["no options", { ...base, options: [] }, /at least one option/],
      ["an option with no lines", { ...base, options: [{ title: "Empty", lines: [] }] }, /at least one line/],
      [
        "a deposit on a zero total",
        { ...base, deposit: { kind: "amount", value: "20" }, options: [{ title: "Free", lines: [{ description: "Survey", quantity: 1, unit_price: "0" }] }] },
        /deposit can't be asked/,
      ],
      ["an unknown customer", { ...base, customer_id: "cus_nobody" }, /Customer cus_nobody was not found/],
      [
        "an unknown service option",
        { ...base, options: [{ title: "X", lines: [{ variant_id: "variant_nothing", quantity: 1 }] }] },
        /Service option variant_nothing was not found/,
      ],
      [
        "a service that is not the option's",
        { ...base, options: [{ title: "X", lines: [{ product_id: "prod_nothing", variant_id: clean.variant_id, quantity: 1 }] }] },
        /has no option/,
      ],
      ["another customer's business profile", { ...base, business_profile_id: otherProfile }, /Business profile .* was not found/],
      ["another customer's location", { ...base, address_id: otherAddress }, /not found among the customer's saved locations/],
      ["an expiry date already past", { ...base, expires_on: dayFromNow(-2) }, /already past/],
      [
        "a free line with no price",
        { ...base, options: [{ title: "X", lines: [{ description: "Mystery", quantity: 1 }] }] },
        /needs a description and a unit_price/,
      ],
      ["a deposit over 100%", { ...base, deposit: { kind: "percent", value: "150" } }, /more than 100%/],
    ]
    const before = await quoteCount()
    for (const [what, body, message] of cases) {
      const response = await api("/admin/quotes", { token: admin, body })
      expect([what, response.status]).toEqual([what, response.status >= 400 && response.status < 500 ? response.status : "not a 4xx"])
      expect(response.body.message, what).toMatch(message)
    }
    expect(await quoteCount()).toBe(before)

    // A draft never sent can't be revised; its edit is checked as creating is.
    const { quote } = await createQuote(admin, base)
    const revise = await api(`/admin/quotes/${quote.id}/revise`, { token: admin, body: {} })
    expect(revise.status).toBe(400)
    expect(revise.body.message).toMatch(/only a sent quote/)
    const emptied = await api(`/admin/quotes/${quote.id}`, { token: admin, body: { options: [{ title: "Empty", lines: [] }] } })
    expect(emptied.status).toBe(400)
    const unchanged = await api(`/admin/quotes/${quote.id}`, { token: admin })
    expect(unchanged.body.quote.draft.options.length).toBe(2)
    expect((await api("/admin/quotes/quo_nothing", { token: admin })).status).toBe(404)
    expect((await api("/admin/quotes/quo_nothing/send", { token: admin, body: {} })).status).toBe(404)
  })
})

describe("the expiry job", () => {
  it("marks open quotes past their last day expired, with their history lines, and leaves the rest", async () => {
    const fay = await signUpCustomer({ first_name: "Fay", last_name: "Expiry" })
    const soon = await createSentQuote(admin, fay.customer.id, { expires_on: dayFromNow(1) })
    const later = await createSentQuote(admin, fay.customer.id, { expires_on: dayFromNow(14) })
    const draft = await createQuote(admin, await twoOptionQuote(fay.customer.id, { expires_on: dayFromNow(1) }))
    // The clock stands three days ahead: `soon`'s last day has passed.
    await runQuoteExpiry(new Date(Date.now() + 3 * 86_400_000))
    const read = async (id: string) => (await api(`/admin/quotes/${id}`, { token: admin })).body
    const expired = await read(soon.quote.id)
    expect(expired.quote.status).toBe("expired")
    expect(expired.events.map((event: any) => event.kind)).toEqual(["created", "sent", "expired"])
    expect((await read(later.quote.id)).quote.status).toBe("sent")
    expect((await read(draft.quote.id)).quote.status).toBe("draft")
    expect((await activity(fay.customer.id, "quote_expired")).map((line) => line.message)).toEqual([
      `Quote ${soon.quote.number} (End of tenancy clean) expired: its last day was ${dayFromNow(1)}.`,
    ])
    const revise = await api(`/admin/quotes/${soon.quote.id}/revise`, { token: admin, body: {} })
    expect(revise.status).toBe(400)
  })
})
