import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"
import { bookingInvoice } from "../support/invoices"
import { sentThroughResend } from "../support/sent-emails"

/**
 * Issue #17 item 6: a customer's account statement for a period. The invoices are made the real
 * way (completed visits, staff recording money) and then moved into 2024 in the database, so the
 * period, the opening balance and the ages are fixed whatever day the test runs.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Invoice = { id: string; number: string; total: number }

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }
const PERIOD = "from=2024-03-01&to=2024-06-30"
const pence = (amount: number) => Math.round(amount * 100)

let admin: string
let carol: Customer
let bob: Customer
const inv: Record<"a" | "b" | "c" | "d" | "v", Invoice> = {} as never

async function completedVisit(customer: Customer): Promise<Invoice> {
  const { booking } = await bookSomething(customer.token, "regular-home-clean", { address: bristol })
  const done = await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  return bookingInvoice(admin, booking.id, (found) => found.status === "issued")
}

const pay = (invoice: Invoice, amount: string, paidOn: string, kind: "payment" | "refund" = "payment") =>
  api(`/admin/invoices/${invoice.id}/payments`, {
    token: admin,
    body: { kind, method: "bank_transfer", amount, paid_on: paidOn, reference: `${kind}-${paidOn}` },
  })

/** Moves an invoice (and its credit notes) to fixed days: noon UTC is the same day in London. */
async function backdate(invoice: Invoice, issued: string, due: string, creditNotesOn?: string) {
  await sql(`update invoice set issued_at = $2, due_at = $3 where id = $1`, [invoice.id, `${issued}T12:00:00Z`, `${due}T12:00:00Z`])
  if (creditNotesOn) await sql(`update credit_note set issued_at = $2 where invoice_id = $1`, [invoice.id, `${creditNotesOn}T12:00:00Z`])
}

beforeAll(async () => {
  admin = await adminToken()
  carol = await signUpCustomer({ first_name: "Carol", last_name: "Statement" })
  bob = await signUpCustomer({ first_name: "Bob", last_name: "Elsewhere" })
  for (const key of ["a", "b", "c", "d", "v"] as const) inv[key] = await completedVisit(carol)
  await completedVisit(bob)
  // Round totals, whatever the visit's price and window came to, so every figure below is exact.
  console.log(
    `Invoice totals from the visits: ${Object.values(inv)
      .map((i) => i.total)
      .join(", ")}`
  )
  for (const [i, invoice] of Object.values(inv).entries()) {
    invoice.total = 100 + i * 10
    await sql(`update invoice set total = $2::numeric, raw_total = jsonb_build_object('value', $2::text, 'precision', 20) where id = $1`, [
      invoice.id,
      String(invoice.total),
    ])
  }

  // A: before the period, part paid before it too.
  await backdate(inv.a, "2024-01-10", "2024-01-24")
  await pay(inv.a, "40.00", "2024-01-20")
  // B: in the period: a credit note, paid in full, then part refunded.
  const credit = await api(`/admin/invoices/${inv.b.id}/credit-notes`, { token: admin, body: { amount: "10.00", reason: "Missed the oven" } })
  expect(credit.status, JSON.stringify(credit.body)).toBe(201)
  await backdate(inv.b, "2024-03-05", "2024-03-19", "2024-03-10")
  await pay(inv.b, ((pence(inv.b.total) - 1000) / 100).toFixed(2), "2024-03-15")
  await pay(inv.b, "5.00", "2024-04-01", "refund")
  // C: in the period, 27 days late at its end; a payment after the period doesn't count.
  await backdate(inv.c, "2024-05-20", "2024-06-03")
  await pay(inv.c, "20.00", "2024-07-05")
  // D: not yet due at the end; V: void, left out altogether.
  await backdate(inv.d, "2024-06-25", "2024-07-09")
  expect((await api(`/admin/invoices/${inv.v.id}/void`, { token: admin, body: { reason: "Booked twice" } })).status).toBe(200)
  await backdate(inv.v, "2024-04-02", "2024-04-16")
}, 300_000)

describe("an account statement", () => {
  it("brings forward what came before the period, lists each invoice, credit note, payment and refund in date order, and ages what is owed", async () => {
    const { status, body } = await api(`/admin/customers/${carol.customer.id}/statement?${PERIOD}`, { token: admin })
    expect(status, JSON.stringify(body)).toBe(200)
    const s = body.statement
    expect(s.period).toEqual({ from: "2024-03-01", to: "2024-06-30" })
    expect(s.currency_code).toBe("gbp")
    expect(s.customer).toMatchObject({ id: carol.customer.id, name: "Carol Statement", email: carol.email })
    expect(pence(s.opening_balance)).toBe(pence(inv.a.total) - 4000)
    const rows = s.entries.map((e: { kind: string; reference: string; debit: number; credit: number }) => [
      e.kind,
      e.reference,
      pence(e.debit),
      pence(e.credit),
    ])
    expect(rows).toEqual([
      ["invoice", inv.b.number, pence(inv.b.total), 0],
      ["credit_note", expect.stringMatching(/^CN-/), 0, 1000],
      ["payment", "payment-2024-03-15", 0, pence(inv.b.total) - 1000],
      ["refund", "refund-2024-04-01", 500, 0],
      ["invoice", inv.c.number, pence(inv.c.total), 0],
      ["invoice", inv.d.number, pence(inv.d.total), 0],
    ])
    expect(s.entries.map((e: { invoice_id: string }) => e.invoice_id)).not.toContain(inv.v.id)
    const closing = pence(inv.a.total) - 4000 + 500 + pence(inv.c.total) + pence(inv.d.total)
    expect(pence(s.closing_balance)).toBe(closing)
    expect(pence(s.entries.at(-1).balance)).toBe(closing)
    expect(pence(s.opening_balance) + pence(s.total_debits) - pence(s.total_credits)).toBe(closing)

    // Ages at 30 June 2024: A (due 24 Jan) and B's refunded £5 (due 19 Mar) over 90 days, C 27 days, D not yet due.
    expect(s.ageing.as_of).toBe("2024-06-30")
    expect(pence(s.ageing.over_90)).toBe(pence(inv.a.total) - 4000 + 500)
    expect(pence(s.ageing.days_61_90) + pence(s.ageing.days_31_60)).toBe(0)
    expect(pence(s.ageing.days_1_30)).toBe(pence(inv.c.total))
    expect(pence(s.ageing.current)).toBe(pence(inv.d.total))
    expect(pence(s.ageing.total)).toBe(closing)
    expect(s.ageing.unapplied_credit).toBe(0)
    expect(s.open_invoices.map((o: { number: string; days_overdue: number }) => [o.number, o.days_overdue])).toEqual([
      [inv.a.number, 158],
      [inv.b.number, 103],
      [inv.c.number, 27],
      [inv.d.number, -9],
    ])
  })

  it("starts from nothing before the customer's first invoice, and defaults to the last 12 months to today", async () => {
    const early = (await api(`/admin/customers/${carol.customer.id}/statement?from=2024-01-01&to=2024-02-29`, { token: admin })).body.statement
    expect(early.opening_balance).toBe(0)
    expect(early.entries.map((e: { kind: string }) => e.kind)).toEqual(["invoice", "payment"])
    expect(pence(early.closing_balance)).toBe(pence(inv.a.total) - 4000)

    const { body } = await api(`/admin/customers/${carol.customer.id}/statement`, { token: admin })
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date())
    expect(body.statement.period.to).toBe(today)
    expect(body.statement.period.from > `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`).toBe(true)
    // Everything is before it now: the whole account is brought forward.
    expect(body.statement.entries).toEqual([])
    expect(pence(body.statement.opening_balance)).toBe(pence(body.statement.closing_balance))
  })

  it("is the customer's own in the portal, with its PDF; another customer sees only theirs, and an unknown customer is not found", async () => {
    const mine = await api(`/store/customers/me/statement?${PERIOD}`, { token: carol.token })
    const staffs = await api(`/admin/customers/${carol.customer.id}/statement?${PERIOD}`, { token: admin })
    expect(mine.status).toBe(200)
    expect({ ...mine.body.statement, generated_at: null }).toEqual({ ...staffs.body.statement, generated_at: null })

    const theirs = await api(`/store/customers/me/statement?from=2024-01-01&to=2024-12-31&customer_id=${carol.customer.id}`, { token: bob.token })
    expect(theirs.status).toBe(400)
    const bobs = await api(`/store/customers/me/statement?from=2024-01-01&to=2030-12-31`, { token: bob.token })
    expect(bobs.body.statement.customer.id).toBe(bob.customer.id)
    expect(JSON.stringify(bobs.body)).not.toContain(inv.a.id)
    expect(JSON.stringify(bobs.body)).not.toContain("Carol")

    for (const path of [`/admin/customers/cus_01NOBODY0000000000000000/statement`, `/admin/customers/cus_01NOBODY0000000000000000/statement/pdf`]) {
      const missing = await api(path, { token: admin })
      expect(missing.status).toBe(404)
      expect(missing.body.message).toContain("was not found")
    }
    for (const [path, token] of [
      [`/admin/customers/${carol.customer.id}/statement/pdf?${PERIOD}`, admin],
      [`/store/customers/me/statement/pdf?${PERIOD}`, carol.token],
    ]) {
      const pdf = await api(path, { token })
      expect(pdf.status).toBe(200)
      expect(pdf.headers["content-type"]).toBe("application/pdf")
      expect(pdf.headers["content-disposition"]).toContain("statement-2024-03-01-2024-06-30.pdf")
    }
    expect((await api(`/store/customers/me/statement`)).status).toBe(401)
  })

  it("refuses a bad period with a sentence, for staff and the portal alike", async () => {
    const cases: [string, RegExp][] = [
      ["from=2024-06-30&to=2024-03-01", /from must be on or before to/],
      ["from=2024-02-30", /from must be a date like/],
      ["to=yesterday", /to must be a date like/],
      ["from=2010-01-01&to=2024-12-31", /at most 10 years/],
      ["from=2099-01-01", /can't start .* after it ends/],
      ["period=all", /period/],
    ]
    for (const [query, message] of cases) {
      for (const [path, token] of [
        [`/admin/customers/${carol.customer.id}/statement?${query}`, admin],
        [`/store/customers/me/statement?${query}`, carol.token],
      ]) {
        const { status, body } = await api(path, { token })
        expect(status, `${path}: ${JSON.stringify(body)}`).toBe(400)
        expect(body.message).toMatch(message)
      }
    }
    const email = await api(`/admin/customers/${carol.customer.id}/statement/email`, { token: admin, body: { from: "2024-06-30", to: "2024-03-01" } })
    expect(email.status).toBe(400)
    const nobody = await api(`/admin/customers/cus_01NOBODY0000000000000000/statement/email`, { token: admin, body: {} })
    expect(nobody.status).toBe(404)
  })

  it("is emailed to the customer with its PDF, under the staff member's name, and goes into the activity and communication log naming them", async () => {
    const sent = await api(`/admin/customers/${carol.customer.id}/statement/email`, { token: admin, body: { from: "2024-03-01", to: "2024-06-30" } })
    expect(sent.status, JSON.stringify(sent.body)).toBe(201)
    expect(sent.body.sent_to).toBe(carol.email)

    const email = await latestEmail(carol.email, "account-statement")
    expect(email.data.period_text).toBe("1 March 2024 to 30 June 2024")
    expect(email.data.balance_text).toMatch(/^£[\d,]+\.\d\d owed$/)
    expect(email.data.overdue_text).toMatch(/past its due date/)
    expect(email.data.statement_url).toMatch(/\/invoices\/statement\?from=2024-03-01&to=2024-06-30$/)
    const delivered = await sentThroughResend(email.external_id!)
    expect(delivered.subject).toContain("account statement")
    const attachments = (delivered as unknown as { attachments?: { filename: string; content: string }[] }).attachments ?? []
    expect(attachments.map((a) => a.filename)).toEqual(["statement-2024-03-01-2024-06-30.pdf"])
    expect(Buffer.from(attachments[0].content, "base64").subarray(0, 5).toString()).toBe("%PDF-")

    const me = (await api("/admin/users/me", { token: admin })).body.user
    const activity = await eventually(async () => {
      const { body } = await api(`/admin/customers/${carol.customer.id}/activity?limit=50`, { token: admin })
      const lines = body.activity.filter((line: { kind: string }) => line.kind === "statement_emailed" || line.kind === "email_sent")
      if (!lines.length) throw new Error("no line yet")
      return lines
    })
    // One line, the statement's own, naming who sent it (no second "Email sent" line).
    const statementLines = activity.filter(
      (line: { kind: string; message: string }) => line.kind === "statement_emailed" || line.message.includes("account statement")
    )
    expect(statementLines).toHaveLength(1)
    expect(statementLines[0].message).toContain(`emailed to ${carol.email}`)
    expect(statementLines[0].actor).toMatchObject({ type: "staff", email: me.email })

    const log = (await api(`/admin/customers/${carol.customer.id}/communications`, { token: admin })).body.communications
    const entry = log.find((c: { template: string }) => c.template === "account-statement")
    expect(entry).toMatchObject({ to: carol.email, status: "sent", trigger_type: "billing.statement", reply_to: me.email })
    expect(entry.from).toContain(me.first_name || me.email)
  })
})
