import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, latestEmail, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"
import { bookingInvoice } from "../support/invoices"

/**
 * Issue #17 items 3 and 6 in the browser: staff open a customer's statement from the directory's
 * row menu and email it, set the customer's invoice terms from the same menu, and the customer
 * reads their own statement in the portal, with and without JavaScript, at a desk's and a phone's width.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

const SHOTS = ".tmp/screenshots"
const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }
const suffix = randomUUID().slice(0, 6)
let browser: Browser
let admin: string
let dora: Customer
let closingText = ""

async function completedVisit(customer: Customer) {
  const { booking } = await bookSomething(customer.token, "regular-home-clean", { address: bristol })
  expect((await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })).status).toBe(200)
  return (await bookingInvoice(admin, booking.id)) as { id: string; total: number }
}

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await adminToken()
  dora = await signUpCustomer({ first_name: "Dora", last_name: `Ledger${suffix}` })
  const first = await completedVisit(dora)
  const second = await completedVisit(dora)
  // Round totals whatever the visits came to (the test stack's visits can be priced at nothing).
  for (const [invoice, total] of [
    [first, "120"],
    [second, "80"],
  ] as const) {
    await sql(`update invoice set total = $2::numeric, raw_total = jsonb_build_object('value', $2::text, 'precision', 20) where id = $1`, [invoice.id, total])
    invoice.total = Number(total)
  }
  // A bank transfer on the first: the statement shows two invoices and a payment.
  const paid = await api(`/admin/invoices/${first.id}/payments`, {
    token: admin,
    body: { method: "bank_transfer", amount: first.total.toFixed(2), reference: "BACS 1234" },
  })
  expect(paid.status, JSON.stringify(paid.body)).toBe(201)
  const { body } = await api(`/admin/customers/${dora.customer.id}/statement`, { token: admin })
  closingText = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(body.statement.closing_balance)
}, 240_000)

afterAll(async () => {
  await browser?.close()
})

const row = (page: Page) => page.locator(`[data-testid="crm-directory-row"][data-customer-id="${dora.customer.id}"]`)

async function rowAction(page: Page, action: string) {
  await row(page).getByTestId("crm-directory-row-actions").click()
  await page.getByTestId(`crm-directory-action-${action}`).click()
}

async function sidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

describe("account statements", () => {
  it("staff open the statement from the directory's row menu, see the entries and balances, and email it to the customer", async () => {
    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${inject("backendUrl")}/app/crm?q=Ledger${suffix}`)
    await rowAction(page, "statement")
    await page.waitForURL((url) => url.pathname.endsWith(`/app/statements/${dora.customer.id}`))
    await page.getByTestId("statement-page").waitFor()
    expect(await page.getByTestId("statement-customer").innerText()).toContain(`Dora Ledger${suffix}`)
    await expect
      .poll(() => page.getByTestId("statement-entry").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-kind"))))
      .toEqual(["invoice", "invoice", "payment"])
    expect(await page.getByTestId("statement-closing").innerText()).toBe(closingText)
    expect(await page.getByTestId("statement-ageing-total").innerText()).toContain(closingText)
    // The PDF link carries the period shown.
    const href = await page.getByTestId("statement-download").getAttribute("href")
    expect(href).toMatch(new RegExp(`^/admin/customers/${dora.customer.id}/statement/pdf\\?from=\\d{4}-\\d\\d-\\d\\d&to=\\d{4}-\\d\\d-\\d\\d$`))
    const pdf = await page.request.get(`${inject("backendUrl")}${href}`)
    expect(pdf.headers()["content-type"]).toBe("application/pdf")
    await page.screenshot({ path: `${SHOTS}/admin-statement-1280.png`, fullPage: true })

    await page.getByTestId("statement-email").click()
    await page.getByRole("button", { name: "Send" }).click()
    await page.getByText(`Statement emailed to ${dora.email}`).waitFor()
    const email = await latestEmail(dora.email, "account-statement")
    expect(email.data.balance_text).toBe(`${closingText} owed`)
    await page.close()
  }, 180_000)

  it("staff set the customer's invoice due date (payment terms) from the row menu", async () => {
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/crm?q=Ledger${suffix}`)
    await rowAction(page, "due-date")
    const drawer = page.getByTestId("crm-payment-terms-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-payment-terms-custom").click()
    await drawer.getByTestId("crm-payment-terms-days").fill("400")
    await drawer.getByTestId("crm-payment-terms-save").click()
    expect(await drawer.getByTestId("crm-payment-terms-error").innerText()).toContain("at most 365 days")
    await drawer.getByTestId("crm-payment-terms-30").click()
    await drawer.getByTestId("crm-payment-terms-save").click()
    await page.getByText("Payment terms saved").waitFor()
    await drawer.waitFor({ state: "hidden" })
    const { body } = await api(`/admin/customers/${dora.customer.id}/profile`, { token: admin })
    expect(body.profile.payment_terms_days).toBe(30)

    // Opened again, it shows the saved terms; "Company default" clears them.
    await rowAction(page, "due-date")
    await expect.poll(() => drawer.getByTestId("crm-payment-terms-30").getAttribute("data-state")).toBe("checked")
    await drawer.getByTestId("crm-payment-terms-default").click()
    await drawer.getByTestId("crm-payment-terms-save").click()
    await drawer.waitFor({ state: "hidden" })
    await expect.poll(async () => (await api(`/admin/customers/${dora.customer.id}/profile`, { token: admin })).body.profile.payment_terms_days).toBeNull()
    await page.close()
  })

  for (const { width, javaScriptEnabled } of [
    { width: 1280, javaScriptEnabled: true },
    { width: 390, javaScriptEnabled: false },
  ]) {
    it(`the customer reads their own statement in the portal at ${width} px${javaScriptEnabled ? "" : " without JavaScript"}`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 844 }, javaScriptEnabled })
      const page = await context.newPage()
      await signInToPortal(page, dora.email, dora.password)
      await page.getByTestId("account-statement").getByRole("link", { name: "View statement" }).click()
      await page.waitForURL((url) => url.pathname === "/invoices/statement")
      await page.getByTestId("statement-entries").waitFor()
      expect(await page.getByTestId("statement-entry").count()).toBe(3)
      expect(await page.getByTestId("statement-closing").innerText()).toBe(closingText)

      // A period with nothing in it, through the plain form; then a bad one, said in words.
      await page.getByLabel("From", { exact: true }).fill("2020-01-01")
      await page.getByLabel("To", { exact: true }).fill("2020-12-31")
      await page.getByRole("button", { name: "Show statement" }).click()
      await page.waitForURL((url) => url.search.includes("from=2020-01-01"))
      // With JavaScript the address changes before the new period's page is drawn.
      await page.getByText("Nothing was invoiced, credited, paid or refunded in this period.").waitFor()
      expect(await page.getByTestId("statement-entry").count()).toBe(0)
      await page.goto(`${inject("portalUrl")}/invoices/statement?from=2024-06-30&to=2024-01-01`)
      expect(await page.getByText("The first day must be on or before the last day.").count()).toBe(1)

      await page.goto(`${inject("portalUrl")}/invoices/statement`)
      await page.getByTestId("statement-entries").waitFor()
      expect(await sidewaysScroll(page)).toBe(0)
      await page.screenshot({ path: `${SHOTS}/portal-statement-${width}.png`, fullPage: true })
      const href = await page.getByTestId("statement-pdf").getAttribute("href")
      const pdf = await page.request.get(`${inject("portalUrl")}${href}`)
      expect(pdf.status()).toBe(200)
      expect(pdf.headers()["content-type"]).toBe("application/pdf")
      expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-")
      await context.close()
    }, 120_000)
  }
})
