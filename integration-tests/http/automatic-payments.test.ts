import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { dueInvoice, runAutomaticPaymentJob, setAutomaticPayment } from "../support/automatic-payments"
import { sql } from "../support/db"
import { saveCard, stripeRequests, TEST_CARDS } from "../support/stripe"

/**
 * Issue #18 items 4 and 5: a customer agrees in the portal to have invoices charged to their
 * default saved card on the due date; the hourly job charges each try once (however often it
 * runs), retries a decline 1, 3 and 7 days later with an email and a pay-by-hand link each time,
 * stops after the last try, and stops at once when turned off. The job runs in its own process
 * with its clock pinned, as Medusa runs scripts.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Invoice = Awaited<ReturnType<typeof dueInvoice>>

const HOUR = 3_600_000
const DAY = 24 * HOUR
let admin: string

const attemptsOf = (invoiceId: string) =>
  sql(
    `select attempt, status, message, next_retry_at, idempotency_key from automatic_payment_attempt where invoice_id = $1 and deleted_at is null order by attempt`,
    [invoiceId]
  )
const paymentsOf = (invoiceId: string) => sql(`select id, amount::text from invoice_payment where invoice_id = $1`, [invoiceId])
const invoiceStatus = async (id: string) => (await api(`/admin/invoices/${id}`, { token: admin })).body.invoice.status as string
const emailsTo = async (email: string, template: string) =>
  (await sql(`select id, data from notification where "to" = $1 and template = $2 and channel = 'email' order by created_at`, [email, template])) as {
    id: string
    data: Record<string, string>
  }[]
const activity = async (customerId: string, kind: string) =>
  (await api(`/admin/customers/${customerId}/activity?kind=${kind}`, { token: admin })).body.activity as { message: string; data: Record<string, unknown> }[]

beforeAll(async () => {
  admin = await adminToken()
}, 60_000)

describe("agreeing to automatic payment", () => {
  let withCard: Customer
  let noCard: Customer

  beforeAll(async () => {
    ;[withCard, noCard] = await Promise.all([
      signUpCustomer({ first_name: "Agnes", last_name: "Auto" }),
      signUpCustomer({ first_name: "Norman", last_name: "Nocard" }),
    ])
    await saveCard(withCard.token)
  }, 120_000)

  it("is turned on and off by the customer, noted with when and by whom, and in the activity history", async () => {
    const on = await setAutomaticPayment(withCard.token, true)
    expect(on.status, JSON.stringify(on.body)).toBe(200)
    expect(on.body.automatic_payment).toMatchObject({
      enabled: true,
      consented_by: { type: "customer", id: withCard.customer.id },
      consented_card: "Visa ending 4242",
      default_card: { brand: "visa", last4: "4242" },
    })
    expect(Date.now() - Date.parse(on.body.automatic_payment.consented_at)).toBeLessThan(60_000)
    const staffView = await api(`/admin/customers/${withCard.customer.id}/automatic-payment`, { token: admin })
    expect(staffView.body.automatic_payment.enabled).toBe(true)
    expect((await activity(withCard.customer.id, "automatic_payment_on"))[0].message).toContain("Visa ending 4242")

    const off = await setAutomaticPayment(withCard.token, false)
    expect(off.body.automatic_payment).toMatchObject({ enabled: false, turned_off_by: { type: "customer" } })
    expect(await activity(withCard.customer.id, "automatic_payment_off")).toHaveLength(1)
    // Turning it off again changes nothing and writes no second line.
    await setAutomaticPayment(withCard.token, false)
    expect(await activity(withCard.customer.id, "automatic_payment_off")).toHaveLength(1)
  })

  it("needs a saved card, and refuses bad input with a readable 400", async () => {
    const refused = await setAutomaticPayment(noCard.token, true)
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/Add a card first/)
    expect((await api("/store/customers/me/automatic-payment", { token: noCard.token })).body.automatic_payment.enabled).toBe(false)
    for (const body of [{}, { enabled: "yes" }, { enabled: true, card: "pm_x" }]) {
      const bad = await api("/store/customers/me/automatic-payment", { token: withCard.token, body })
      expect(bad.status, JSON.stringify(body)).toBe(400)
      expect(bad.body.message).toMatch(/enabled|Unrecognized|unrecognized|card/)
    }
  })

  it("staff see it and can turn it off, never on; another or unknown customer's id is 404", async () => {
    await setAutomaticPayment(withCard.token, true)
    const staffOn = await api(`/admin/customers/${withCard.customer.id}/automatic-payment`, { token: admin, body: { enabled: true } })
    expect(staffOn.status).toBe(400)
    expect(staffOn.body.message).toMatch(/Staff can only turn automatic payment off/)
    const staffOff = await api(`/admin/customers/${withCard.customer.id}/automatic-payment`, { token: admin, body: { enabled: false } })
    expect(staffOff.status).toBe(200)
    expect(staffOff.body.automatic_payment).toMatchObject({ enabled: false, turned_off_by: { type: "staff" } })
    expect((await activity(withCard.customer.id, "automatic_payment_off"))[0].message).toMatch(/turned off by/)
    expect((await api(`/admin/customers/cus_nobody_here/automatic-payment`, { token: admin })).status).toBe(404)
    expect((await api(`/admin/customers/cus_nobody_here/automatic-payment`, { token: admin, body: { enabled: false } })).status).toBe(404)
    // A customer can't reach the staff route for anyone, themselves included.
    expect((await api(`/admin/customers/${withCard.customer.id}/automatic-payment`, { token: noCard.token })).status).toBe(401)
    // The store route answers only for the signed-in customer: the other's agreement never shows.
    expect((await api("/store/customers/me/automatic-payment", { token: noCard.token })).body.automatic_payment.consented_at).toBeNull()
  })
})

describe("charging due invoices", () => {
  // paid: charged on the due date; retried: declines twice, then a new card pays; exhausted: declines
  // every time; stopped: turned off after the first decline; secure: its bank wants 3-D Secure.
  const people: Record<"paid" | "retried" | "exhausted" | "stopped" | "secure", Customer> = {} as never
  const invoices: Record<keyof typeof people, Invoice> = {} as never
  let T: Date
  const at = (days: number, hours = 0) => new Date(T.getTime() + days * DAY + hours * HOUR)

  beforeAll(async () => {
    const cards = {
      paid: TEST_CARDS.visa,
      retried: TEST_CARDS.declinesCharges,
      exhausted: TEST_CARDS.declinesCharges,
      stopped: TEST_CARDS.declinesCharges,
      secure: TEST_CARDS.needsAuthentication,
    }
    for (const [name, card] of Object.entries(cards) as [keyof typeof people, string][]) {
      people[name] = await signUpCustomer({ first_name: name[0].toUpperCase() + name.slice(1), last_name: "Autopay" })
      await saveCard(people[name].token, card)
      const on = await setAutomaticPayment(people[name].token, true)
      expect(on.status, JSON.stringify(on.body)).toBe(200)
      invoices[name] = await dueInvoice(admin, people[name].token)
    }
    // An hour after the last of them fell due.
    T = new Date(Math.max(...Object.values(invoices).map((invoice) => Date.parse(invoice.due_at))) + HOUR)
  }, 300_000)

  it("charges nothing before the due date", async () => {
    await runAutomaticPaymentJob(new Date(T.getTime() - 2 * HOUR))
    for (const invoice of Object.values(invoices)) expect(await attemptsOf(invoice.id)).toHaveLength(0)
  }, 120_000)

  it("charges a due invoice once, even when the job runs twice at the same time; receipt and history as for a portal payment", async () => {
    await Promise.all([runAutomaticPaymentJob(T), runAutomaticPaymentJob(T)])
    const paid = invoices.paid
    expect(await invoiceStatus(paid.id)).toBe("paid")
    expect(await paymentsOf(paid.id)).toHaveLength(1)
    const attempts = await attemptsOf(paid.id)
    expect(attempts).toMatchObject([{ attempt: 1, status: "succeeded", idempotency_key: `automatic:${paid.id}:1`, next_retry_at: null }])
    const checkouts = await sql(`select id from invoice_checkout where idempotency_key = $1`, [`automatic:${paid.id}:1`])
    expect(checkouts).toHaveLength(1)
    const intents = (await stripeRequests()).filter(
      (r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.params?.metadata?.invoice_checkout_id === checkouts[0].id
    )
    expect(intents).toHaveLength(1)
    expect(intents[0].params.off_session).toBe("true")
    const receipt = await latestEmail(people.paid.email, "invoice-payment-receipt")
    expect(receipt.data.invoices_text).toContain(paid.number)
    const lines = await activity(people.paid.customer.id, "invoice_payment_recorded")
    expect(lines[0].message).toMatch(/charged automatically to the saved card \(visa ending 4242\)/)
  }, 180_000)

  it("a decline is noted with Stripe's reason, emailed with a link to pay by hand, and tried again a day later, not before", async () => {
    const retried = invoices.retried
    expect(await attemptsOf(retried.id)).toMatchObject([{ attempt: 1, status: "failed", message: "Your card was declined." }])
    expect(new Date((await attemptsOf(retried.id))[0].next_retry_at).toISOString()).toBe(at(1).toISOString())
    const email = await eventually(async () => {
      const sent = await emailsTo(people.retried.email, "automatic-payment-failed")
      if (!sent.length) throw new Error("no failure email yet")
      return sent
    })
    expect(email).toHaveLength(1)
    expect(email[0].data.pay_url).toMatch(new RegExp(`/invoices/${retried.id}$`))
    expect(email[0].data.reason_text).toBe("Your card was declined.")
    expect((await activity(people.retried.customer.id, "automatic_payment_failed"))[0].message).toMatch(
      /failed \(try 1, Visa card ending 0341\): Your card was declined/
    )
    expect(await invoiceStatus(retried.id)).toBe("issued")
    // Off-session, a bank's 3-D Secure check can't be done: a failure with the same email.
    expect(await attemptsOf(invoices.secure.id)).toMatchObject([{ attempt: 1, status: "failed", message: expect.stringMatching(/requires authentication/) }])
    expect(await emailsTo(people.secure.email, "automatic-payment-failed")).toHaveLength(1)

    // Turned off after the first decline: no more tries from now on.
    expect((await setAutomaticPayment(people.stopped.token, false)).status).toBe(200)

    await runAutomaticPaymentJob(at(0, 23))
    expect(await attemptsOf(retried.id)).toHaveLength(1)
    await runAutomaticPaymentJob(at(1, 0.1))
    expect(await attemptsOf(retried.id)).toMatchObject([{ attempt: 1 }, { attempt: 2, status: "failed" }])
    expect(new Date((await attemptsOf(retried.id))[1].next_retry_at).toISOString()).toBe(at(3).toISOString())
    expect(await emailsTo(people.retried.email, "automatic-payment-failed")).toHaveLength(2)
    expect(await attemptsOf(invoices.stopped.id)).toHaveLength(1)
  }, 240_000)

  it("charges the new default card on the next retry", async () => {
    const newCard = await saveCard(people.retried.token, TEST_CARDS.mastercard)
    const made = await api(`/store/customers/me/saved-cards/${newCard}/default`, { token: people.retried.token, body: {} })
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    await runAutomaticPaymentJob(at(3, 0.1))
    expect(await attemptsOf(invoices.retried.id)).toMatchObject([{ status: "failed" }, { status: "failed" }, { attempt: 3, status: "succeeded" }])
    expect(await invoiceStatus(invoices.retried.id)).toBe("paid")
    expect(await paymentsOf(invoices.retried.id)).toHaveLength(1)
  }, 120_000)

  it("stops as failed after the 7-day retry, and staff see it in the failed list", async () => {
    await runAutomaticPaymentJob(at(7, 0.1))
    await runAutomaticPaymentJob(at(30))
    const attempts = await attemptsOf(invoices.exhausted.id)
    expect(attempts.map((row) => row.status)).toEqual(["failed", "failed", "failed", "failed"])
    expect(attempts[3].next_retry_at).toBeNull()
    expect(await emailsTo(people.exhausted.email, "automatic-payment-failed")).toHaveLength(4)
    expect((await emailsTo(people.exhausted.email, "automatic-payment-failed"))[3].data.retry_text).toMatch(/won't try your card again/)
    expect(await attemptsOf(invoices.stopped.id)).toHaveLength(1)

    const gaveUp = (await api(`/admin/automatic-payments?state=gave_up&limit=100`, { token: admin })).body
    const listed = gaveUp.attempts.find((row: { invoice_id: string }) => row.invoice_id === invoices.exhausted.id)
    expect(listed).toMatchObject({ attempt: 4, gave_up: true, invoice_number: invoices.exhausted.number, customer: { id: people.exhausted.customer.id } })
    // Paid in the end (the retried invoice) is no failure to chase.
    const all = (await api(`/admin/automatic-payments?limit=100`, { token: admin })).body.attempts as { invoice_id: string; automatic_payment_on: boolean }[]
    expect(all.map((row) => row.invoice_id)).not.toContain(invoices.retried.id)
    // Turned off after its first decline: listed as given up, as no retry is coming.
    expect(all.find((row) => row.invoice_id === invoices.stopped.id)).toMatchObject({ automatic_payment_on: false, gave_up: true, next_retry_at: null })
    const retrying = (await api(`/admin/automatic-payments?state=retrying&limit=100`, { token: admin })).body.attempts as { invoice_id: string }[]
    expect(retrying.map((row) => row.invoice_id)).not.toContain(invoices.stopped.id)
    expect((await api(`/admin/automatic-payments?state=sometimes`, { token: admin })).status).toBe(400)
    // The customer page's card shows the latest tries.
    const card = (await api(`/admin/customers/${people.exhausted.customer.id}/automatic-payment`, { token: admin })).body
    expect(card.attempts[0]).toMatchObject({ attempt: 4, status: "failed", gave_up: true })
  }, 180_000)
})

describe("a bill payer's automatic payment", () => {
  it("charges the payer's default card for an invoice they pay for another customer, once", async () => {
    const [tenant, agency] = await Promise.all([
      signUpCustomer({ first_name: "Tess", last_name: "Tenant" }),
      signUpCustomer({ first_name: "Agency", last_name: "Autopay" }),
    ])
    await saveCard(agency.token, TEST_CARDS.visa)
    expect((await setAutomaticPayment(agency.token, true)).status).toBe(200)
    const payer = await api(`/admin/customers/${tenant.customer.id}/bill-payer`, {
      token: admin,
      body: { pays: "other_customer", payer_id: agency.customer.id },
    })
    expect(payer.status, JSON.stringify(payer.body)).toBe(200)

    // The tenant has no card and never agreed: the invoice is the agency's to pay, so the agency's agreement counts.
    const invoice = await dueInvoice(admin, tenant.token)
    const when = new Date(Date.parse(invoice.due_at) + HOUR)
    await runAutomaticPaymentJob(when)
    expect(await invoiceStatus(invoice.id)).toBe("paid")
    const [attempt] = await sql<{ customer_id: string; status: string }>(
      "select customer_id, status from automatic_payment_attempt where invoice_id = $1 and deleted_at is null",
      [invoice.id]
    )
    expect(attempt).toEqual({ customer_id: agency.customer.id, status: "succeeded" })
    await runAutomaticPaymentJob(when)
    expect(await paymentsOf(invoice.id)).toHaveLength(1)
  }, 180_000)
})
