import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, latestEmail, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { bookSomething } from "../support/customer-records"
import { sentAttachments } from "../support/sent-emails"
import { saveCard } from "../support/stripe"

/**
 * Issue #17's whole journey in the browser: staff complete a visit → the customer gets the invoice
 * by email, opens Invoices in the portal, pays it with their saved card, sees it paid and the
 * payment under Past payments; staff record a bank transfer on another invoice and email the
 * statement, which shows nothing owed.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
const BRISTOL = { address_1: "3 Settle Street", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }
const app = (path: string) => `${inject("backendUrl")}/app${path}`
let browser: Browser
let admin: string
let gail: Customer

/** Staff mark the visit completed on its booking page (it is days away, so they confirm it is done). */
async function completeInAdmin(page: Page, bookingId: string) {
  await page.goto(app(`/bookings/${bookingId}`))
  await page.getByTestId("booking-page").waitFor()
  await page.getByTestId("booking-status-to-completed").click()
  const dialog = page.getByRole("alertdialog")
  await dialog.getByRole("button", { name: "Mark completed" }).click()
  await dialog.getByRole("button", { name: "Yes, the work is done" }).click()
  await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("Completed")
}

/** The visit's invoice once the completion has issued it. */
const issuedInvoice = (bookingId: string) =>
  eventually(async () => {
    const { body } = await api(`/admin/invoices?booking_id=${bookingId}`, { token: admin })
    const invoice = body.invoices?.[0]
    if (!invoice || invoice.status === "draft") throw new Error("not issued yet")
    return invoice as { id: string; number: string; total: number }
  }, 20_000)

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await adminToken()
  gail = await signUpCustomer({ first_name: "Gail", last_name: `Paid${randomUUID().slice(0, 6)}` })
  await saveCard(gail.token)
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe("getting paid", () => {
  it("staff complete a visit, the customer is emailed the invoice and pays it online; a bank transfer on another leaves a statement owing nothing", async () => {
    const first = (await bookSomething(gail.token, "regular-home-clean", { address: BRISTOL })).booking
    const second = (await bookSomething(gail.token, "regular-home-clean", { address: BRISTOL })).booking
    const staff = await signInToAdmin(browser)
    await completeInAdmin(staff, first.id)
    const invoice = await issuedInvoice(first.id)

    // The invoice email, its PDF attached.
    const email = await latestEmail(gail.email, "invoice-issued")
    expect(email.data.invoice_number).toBe(invoice.number)
    expect((await sentAttachments(email.external_id!)).map((a) => a.filename)).toEqual([`${invoice.number}.pdf`])

    // The customer pays it with the saved card, without JavaScript.
    const portal = await browser.newPage({ javaScriptEnabled: false })
    await signInToPortal(portal, gail.email, gail.password)
    await portal.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices", exact: true }).click()
    const row = portal.getByTestId("invoice").filter({ hasText: invoice.number })
    await row.getByTestId("invoice-pay").click()
    await portal.getByTestId("pay-invoices").waitFor()
    await portal.getByTestId("pay-submit").click()
    await portal.getByTestId("invoice-paid-notice").waitFor()
    expect(await portal.getByTestId("invoice-status").innerText()).toBe("Paid")
    await portal.goto(`${inject("portalUrl")}/account/payments`)
    expect(await portal.getByTestId("past-payment").filter({ hasText: invoice.number }).innerText()).toContain("visa card ending 4242")
    await portal.close()

    // Staff record a bank transfer on the second visit's invoice…
    await completeInAdmin(staff, second.id)
    const other = await issuedInvoice(second.id)
    await staff.goto(app(`/invoices/${other.id}`))
    await staff.getByTestId("invoice-page").waitFor()
    await staff.getByTestId("invoice-record-payment").click()
    await staff.getByTestId("invoice-payment-drawer").waitFor()
    await staff.getByTestId("invoice-payment-field-reference").fill("BACS 77120")
    await staff.getByTestId("invoice-payment-save").click()
    await expect.poll(() => staff.getByTestId("invoice-status").innerText()).toBe("Paid")

    // …and email the statement, which owes nothing.
    await staff.goto(app(`/statements/${gail.customer.id}`))
    await staff.getByTestId("statement-page").waitFor()
    await expect.poll(() => staff.getByTestId("statement-closing").innerText()).toBe("£0.00")
    await staff.getByTestId("statement-email").click()
    await staff.getByRole("button", { name: "Send" }).click()
    await staff.getByText(`Statement emailed to ${gail.email}`).waitFor()
    const statement = await latestEmail(gail.email, "account-statement")
    expect((await sentAttachments(statement.external_id!)).length).toBe(1)
    const { body } = await api(`/admin/customers/${gail.customer.id}/statement`, { token: admin })
    expect(body.statement.closing_balance).toBe(0)
    expect(body.statement.entries.map((entry: { kind: string }) => entry.kind).sort()).toEqual(["invoice", "invoice", "payment", "payment"])
    await staff.close()
  })
})
