import { mkdirSync } from "node:fs"
import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { completedVisit, issued } from "../support/invoices"

/** Issue #17 item 5 in the browser: the Invoices page, one invoice's actions, and Settings → Billing. */

let browser: Browser
let admin: string
let footerBefore: string | null = null

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await adminToken()
  mkdirSync(".tmp/screenshots", { recursive: true })
})
afterAll(async () => {
  await api("/admin/billing/settings", {
    token: admin,
    body: { seller: { ...(await api("/admin/billing/settings", { token: admin })).body.settings.seller, footer: footerBefore } },
  })
  await browser?.close()
})

const app = (path: string) => `${inject("backendUrl")}/app${path}`
const listedIds = (page: Page) => page.getByTestId("invoices-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-invoice-id")))
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor()
const pad = (n: number) => String(n).padStart(2, "0")

/** Nothing wider than the window: the page never scrolls sideways on a phone. */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe.sequential("Admin: invoices", () => {
  it("finds a customer's invoices, records a bank transfer, credits, re-dates and voids another, at 1280 and 390 px", async () => {
    const suffix = randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 6)
      .padEnd(6, "q")
    const fay = await signUpCustomer({ first_name: "Fay", last_name: `Ledger${suffix}` })
    const visit = await completedVisit(admin, fay)
    const first = await issued(admin, visit.invoice)
    const second = await issued(admin, (await completedVisit(admin, fay)).invoice)

    const page = await signInToAdmin(browser)
    // The admin's language set to English (UK), so dates are typed day first.
    await page.context().addCookies([{ name: "lng", value: "enGB", url: inject("backendUrl") }])
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app("/invoices"))
    await page.getByTestId("invoices-table").waitFor()

    // Add filter → Customer, found as the directory finds them.
    await page.getByTestId("invoices-add-filter").click()
    await page.getByTestId("invoices-add-filter-customer").click()
    await page.getByTestId("invoices-customer-search").fill(`ledger${suffix}`)
    await page.getByTestId("invoices-customer-option").first().click()
    await expect.poll(() => new URL(page.url()).searchParams.get("customer_id")).toBe(fay.customer.id)
    await expect.poll(() => listedIds(page)).toEqual([second.id, first.id])
    await expect.poll(() => page.locator('[data-testid="invoices-filter"][data-filter="customer"]').innerText()).toContain(`Fay Ledger${suffix}`)
    expect(await page.getByTestId("invoices-export").getAttribute("href")).toContain(`customer_id=${fay.customer.id}`)
    // Sorted by number, oldest first.
    await page.getByTestId("invoices-sort-number").click()
    await expect.poll(() => listedIds(page)).toEqual([first.id, second.id])
    await page.screenshot({ path: ".tmp/screenshots/admin-invoices-list.png" })

    // The first invoice: a bank transfer for what is owed, with its reference → paid.
    await page.locator(`[data-testid="invoices-row"][data-invoice-id="${first.id}"]`).getByTestId("invoices-row-number").click()
    await page.getByTestId("invoice-page").waitFor()
    expect(await page.getByTestId("invoice-number").innerText()).toBe(first.number)
    expect(await page.getByTestId("invoice-line").count()).toBe(1)
    await page.getByTestId("invoice-record-payment").click()
    await page.getByTestId("invoice-payment-drawer").waitFor()
    expect(await page.getByTestId("invoice-payment-field-amount").inputValue()).toBe(first.total.toFixed(2))
    await page.getByTestId("invoice-payment-field-reference").fill("BACS 40917")
    await page.getByTestId("invoice-payment-save").click()
    await toast(page, "Payment recorded")
    await expect.poll(() => page.getByTestId("invoice-status").innerText()).toBe("Paid")
    expect(await page.getByTestId("invoice-payment-row").innerText()).toContain("Bank transfer")
    expect(await page.getByTestId("invoice-payment-row").innerText()).toContain("ref BACS 40917")
    expect(await page.getByTestId("invoice-balance").innerText()).toContain("£0.00")
    await page.screenshot({ path: ".tmp/screenshots/admin-invoice-paid.png", fullPage: true })
    const recorded = (await api(`/admin/invoices/${first.id}`, { token: admin })).body.invoice
    expect(recorded.payments).toHaveLength(1)
    expect(recorded.payments[0]).toMatchObject({ method: "bank_transfer", reference: "BACS 40917", amount: first.total })

    // The visit's booking page links its invoice.
    await page.goto(app(`/bookings/${visit.booking.id}`))
    await expect.poll(() => page.getByTestId("booking-invoice-link").innerText()).toBe(first.number)
    await page.getByTestId("booking-invoice-link").click()
    await expect.poll(() => page.getByTestId("invoice-page").getAttribute("data-invoice-id")).toBe(first.id)

    // The second: a credit note, a due date of its own, then void.
    await page.goto(app(`/invoices/${second.id}`))
    await page.getByTestId("invoice-page").waitFor()
    await page.getByTestId("invoice-more").click()
    await page.getByTestId("invoice-credit").click()
    await page.getByTestId("invoice-credit-field-amount").fill("10.00")
    await page.getByTestId("invoice-credit-field-reason").fill("Oven not cleaned")
    await page.getByTestId("invoice-credit-save").click()
    await toast(page, "Credit note issued")
    expect(await page.getByTestId("invoice-credit-note").innerText()).toContain("Oven not cleaned")

    const due = new Date(Date.now() + 40 * 86_400_000)
    await page.getByTestId("invoice-due-change").click()
    await page.getByTestId("invoice-due-picker").locator('[role="spinbutton"]').first().click()
    await page.keyboard.type(`${pad(due.getDate())}${pad(due.getMonth() + 1)}${due.getFullYear()}`)
    await page.getByTestId("invoice-due-save").click()
    await toast(page, "Due date changed")
    await expect.poll(() => page.getByTestId("invoice-due-rule").innerText()).toBe("Set on this invoice")
    expect((await api(`/admin/invoices/${second.id}`, { token: admin })).body.invoice.due_rule).toBe("invoice")
    // Staff far from the business, ahead of it or behind, see the business's day, not their own.
    // The day, whatever language the new browser formats it in ("16 Jan 2027", "Jan 16, 2027").
    const dueDay = Date.parse(await page.getByTestId("invoice-due-date").innerText())
    expect(dueDay).not.toBeNaN()
    for (const timezoneId of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const far = await signInToAdmin(browser, { timezoneId })
      await far.goto(`${inject("backendUrl")}/app/invoices/${second.id}`)
      await expect.poll(async () => Date.parse(await far.getByTestId("invoice-due-date").innerText()), { message: timezoneId }).toBe(dueDay)
      await far.context().close()
    }

    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: ".tmp/screenshots/admin-invoice-390.png", fullPage: true })
    expect(await sideways(page)).toBeLessThanOrEqual(0)
    await page.getByTestId("invoice-more").click()
    await page.getByTestId("invoice-void").click()
    await page.getByTestId("invoice-void-confirm").click()
    expect(await page.getByTestId("invoice-void-error").innerText()).toContain("Say why")
    await page.getByTestId("invoice-void-reason").fill("Booked twice by mistake")
    await page.getByTestId("invoice-void-confirm").click()
    await toast(page, "is void")
    await expect.poll(() => page.getByTestId("invoice-status").innerText()).toBe("Void")

    // The customer's billing card: nothing owed now (one paid, one void), the bank transfer as the last payment.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app(`/customers/${fay.customer.id}`))
    await page.getByTestId("customer-billing").waitFor()
    await expect.poll(() => page.getByTestId("customer-billing-balance").innerText()).toBe("£0.00")
    expect(await page.getByTestId("customer-billing-last-payment").innerText()).toContain(first.number)
    expect(await page.getByTestId("customer-billing-invoice").count()).toBe(2)
    expect(await page.getByTestId("customer-billing-statement").getAttribute("href")).toBe(`/app/statements/${fay.customer.id}`)
    await page.getByTestId("customer-billing").screenshot({ path: ".tmp/screenshots/admin-customer-billing.png" })
    await page.getByTestId("customer-billing-view-all").click()
    await expect.poll(() => listedIds(page)).toEqual([second.id, first.id])
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: ".tmp/screenshots/admin-invoices-list-390.png", fullPage: true })
    expect(await sideways(page)).toBeLessThanOrEqual(0)
    await page.close()
    // The first visit compiles the admin (up to a minute on 2 cores).
  }, 240_000)

  it("saves Settings → Billing", async () => {
    footerBefore = (await api("/admin/billing/settings", { token: admin })).body.settings.seller.footer
    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app("/settings/billing"))
    await page.getByTestId("billing-settings-form").waitFor()
    expect(await page.getByTestId("billing-settings-page").innerText()).toContain("{YYYY} becomes the year issued")
    const footer = `Registered in England ${randomUUID().slice(0, 6)}`
    await page.getByTestId("billing-footer").fill(footer)
    await page.getByTestId("billing-settings-save").click()
    await toast(page, "Billing settings saved")
    expect((await api("/admin/billing/settings", { token: admin })).body.settings.seller.footer).toBe(footer)
    await page.screenshot({ path: ".tmp/screenshots/admin-billing-settings.png", fullPage: true })
    await page.close()
  })
})
