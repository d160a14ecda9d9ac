import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { launchBrowser, signInToPortal } from "../support/browser"
import { bookSomething } from "../support/customer-records"
import { saveCard, TEST_CARDS } from "../support/stripe"

/**
 * Issue #17 item 4 in the browser: the customer opens Invoices, pays one with a saved card without
 * JavaScript, sees it paid and under Past payments; pays another with a card whose bank asks for
 * 3-D Secure (Stripe.js shows the check); on a phone's width and a desktop's.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let browser: Browser
let admin: string
let customer: Customer

async function openInvoice(): Promise<{ id: string; number: string }> {
  const { booking } = await bookSomething(customer.token, "regular-home-clean", {
    address: { address_1: "8 Ledger Lane", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" },
  })
  const done = await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  return eventually(async () => {
    const { body } = await api("/store/customers/me/invoices?view=open", { token: customer.token })
    const found = body.invoices.find((i: { booking_ids: string[] }) => i.booking_ids.includes(booking.id))
    if (!found) throw new Error("no invoice yet")
    return found
  }, 20_000)
}

async function signedInPage(javaScriptEnabled: boolean, width = 1280) {
  const page = await browser.newPage({ javaScriptEnabled, viewport: { width, height: 900 } })
  await signInToPortal(page, customer.email, customer.password)
  return page
}

const invoiceItem = (page: Page, number: string) => page.getByTestId("invoice").filter({ hasText: number })

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await adminToken()
  customer = await signUpCustomer({ first_name: "Ivy", last_name: "Invoice" })
  await saveCard(customer.token)
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe("Invoices in the portal", () => {
  it("pays an invoice with a saved card without JavaScript, then shows it paid and under Past payments", async () => {
    const invoice = await openInvoice()
    const page = await signedInPage(false)
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices", exact: true }).click()
    await page.getByRole("heading", { name: "Invoices" }).waitFor()
    expect(await invoiceItem(page, invoice.number).getByTestId("invoice-status").innerText()).toBe("Issued")
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: ".tmp/screenshots/portal-invoices-phone.png", fullPage: true })
    await invoiceItem(page, invoice.number).getByTestId("invoice-pay").click()
    await page.getByTestId("pay-invoices").waitFor()
    await page.screenshot({ path: ".tmp/screenshots/portal-invoices-pay-phone.png", fullPage: true })
    expect(await page.getByLabel("Visa ending 4242").isChecked()).toBe(true)
    await page.getByTestId("pay-submit").click()
    await page.getByTestId("invoice-paid-notice").waitFor()
    expect(await page.getByTestId("invoice-status").innerText()).toBe("Paid")
    expect(await page.getByTestId("invoice-balance").innerText()).toBe("£0.00")
    expect(await page.getByTestId("invoice-payments").innerText()).toContain("visa card ending 4242")
    await page.screenshot({ path: ".tmp/screenshots/portal-invoice-paid-phone.png", fullPage: true })

    const pdf = await page.request.get(`${inject("portalUrl")}/invoices/${invoice.id}/pdf`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()["content-type"]).toBe("application/pdf")

    await page.goto(`${inject("portalUrl")}/account/payments`)
    const past = page.getByTestId("past-payment").filter({ hasText: invoice.number })
    expect(await past.innerText()).toContain("visa card ending 4242")
    await page.close()
  })

  it("pays with a card whose bank asks for 3-D Secure: Stripe.js shows the check, then the invoice is paid", async () => {
    await saveCard(customer.token, TEST_CARDS.needsAuthentication)
    const invoice = await openInvoice()
    const page = await signedInPage(true)
    await page.goto(`${inject("portalUrl")}/invoices/${invoice.id}`)
    await page.getByTestId("invoice-pay").click()
    await page.getByTestId("pay-invoices").waitFor()
    await page.getByLabel("Visa ending 3184").check()
    await page.screenshot({ path: ".tmp/screenshots/portal-invoices-pay-desktop.png", fullPage: true })
    await page.getByTestId("pay-submit").click()
    const check = page.getByRole("dialog", { name: "3D Secure test page" })
    await check.waitFor()
    await check.getByRole("button", { name: "Complete authentication" }).click()
    await page.getByTestId("invoice-paid-notice").waitFor()
    expect(await page.getByTestId("invoice-status").innerText()).toBe("Paid")
    await page.goto(`${inject("portalUrl")}/invoices?view=paid`)
    await invoiceItem(page, invoice.number).waitFor()
    await page.screenshot({ path: ".tmp/screenshots/portal-invoices-desktop.png", fullPage: true })
    await page.close()
  })
})
