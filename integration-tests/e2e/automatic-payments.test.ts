import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, signUpCustomer } from "../support/api"
import { dueInvoice, runAutomaticPaymentJob } from "../support/automatic-payments"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { saveCard, TEST_CARDS } from "../support/stripe"

/** Issue #18 item 4: a customer turns automatic payment on in the portal on a phone; staff see its failure in the admin list. */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe("automatic payment", () => {
  it("the customer turns it on at 390 px without JavaScript; a declined charge shows in staff's failed list and on the customer page", async () => {
    const admin = await adminToken()
    const customer = await signUpCustomer({ first_name: "Phoebe", last_name: "Autopay" })
    await saveCard(customer.token, TEST_CARDS.declinesCharges)

    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(`${inject("portalUrl")}/account/payments`)
    const section = page.getByTestId("automatic-payment")
    await section.getByRole("button", { name: "Turn on automatic payment" }).waitFor()
    await section.getByLabel("I agree to have my invoices charged to my default card on their due date").check()
    await page.screenshot({ path: ".tmp/screenshots/automatic-payment-portal-390.png", fullPage: true })
    await section.getByRole("button", { name: "Turn on automatic payment" }).click()
    await page.getByTestId("payments-notice").waitFor()
    expect(await page.getByTestId("payments-notice").innerText()).toContain("Automatic payment is on")
    expect(await page.getByTestId("automatic-payment-status").innerText()).toContain("Visa ending 0341")
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await page.screenshot({ path: ".tmp/screenshots/automatic-payment-portal-390-on.png", fullPage: true })
    await page.close()

    const invoice = await dueInvoice(admin, customer.token)
    await runAutomaticPaymentJob(new Date(Date.parse(invoice.due_at) + 3_600_000))

    const staff = await signInToAdmin(browser)
    await staff.goto(`${inject("backendUrl")}/app/invoices/automatic-payments`)
    const row = staff.getByTestId("failed-automatic-payment").filter({ hasText: invoice.number })
    await row.waitFor()
    expect(await row.innerText()).toContain("Your card was declined.")
    expect(await row.innerText()).toContain("Phoebe Autopay")
    await staff.screenshot({ path: ".tmp/screenshots/automatic-payment-failed-list.png", fullPage: true })
    await row.getByRole("link", { name: "Phoebe Autopay" }).click()
    const card = staff.getByTestId("customer-automatic-payment")
    await card.getByTestId("automatic-payment-attempt").first().waitFor()
    expect(await card.getByTestId("automatic-payment-state").innerText()).toBe("On")
    expect(await card.getByTestId("automatic-payment-attempt").first().innerText()).toContain("Failed, tries again")
    await card.screenshot({ path: ".tmp/screenshots/automatic-payment-customer-card.png" })
  }, 240_000)
})
