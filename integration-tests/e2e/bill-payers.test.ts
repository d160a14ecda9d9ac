import { mkdirSync } from "node:fs"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer, uniqueEmail } from "../support/api"
import { bookVisit, completeVisit, setCycle } from "../support/billing-cycles"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { saveCard } from "../support/stripe"

/**
 * Issue #18 item 3 in the browser: a monthly tenant's invoices go to their letting agency. Staff
 * see the payer on the customer page, press "Bill now"; the agency signs into the portal (without
 * JavaScript), finds the consolidated invoice made out to them and pays it with their card, at
 * phone width and on a desktop. The tenant's own Invoices page doesn't list it. Staff then hand the
 * tenant's invoices to a new billing contact on the same card.
 */

const app = (path: string) => `${inject("backendUrl")}/app${path}`
let browser: Browser
let admin: string

beforeAll(async () => {
  mkdirSync(".tmp/screenshots", { recursive: true })
  browser = await launchBrowser()
  admin = await adminToken()
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

async function portalPage(email: string, password: string, width: number) {
  const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width, height: 900 } })
  await signInToPortal(page, email, password)
  // At phone width the menu is folded away: the address is what the menu's link opens.
  await page.goto(`${inject("portalUrl")}/invoices`)
  await page.getByRole("heading", { name: "Invoices" }).waitFor()
  return page
}

describe("bill payers", () => {
  it("staff bill a monthly customer now and the payer pays the consolidated invoice in the portal", async () => {
    const agency = await signUpCustomer({ first_name: "Quay", last_name: "Lettings", kind: "business" })
    const tenant = await signUpCustomer({ first_name: "Tomas", last_name: "Tenant" })
    const contactEmail = uniqueEmail("nadia.office")
    await saveCard(agency.token)
    await setCycle(admin, tenant.customer.id, { frequency: "monthly", month_day: "last" })
    const set = await api(`/admin/customers/${tenant.customer.id}/bill-payer`, { token: admin, body: { pays: "other_customer", payer_id: agency.customer.id } })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    const visits = [await bookVisit(tenant.token), await bookVisit(tenant.token)]
    for (const visit of visits) await completeVisit(admin, visit.id)
    await eventually(async () => {
      const { body } = await api(`/admin/customers/${tenant.customer.id}/billing-cycle`, { token: admin })
      if (body.waiting?.[0]?.visits.length !== 2) throw new Error("visits not waiting yet")
    })

    const staff = await signInToAdmin(browser)
    await staff.setViewportSize({ width: 1280, height: 900 })
    await staff.goto(app(`/customers/${tenant.customer.id}`))
    const payerCard = staff.getByTestId("customer-bill-payer")
    await payerCard.waitFor()
    await payerCard.getByTestId("bill-payer-current").getByText("Quay Lettings").waitFor()
    await payerCard.screenshot({ path: ".tmp/screenshots/admin-bill-payer.png" })
    const cycleCard = staff.getByTestId("customer-billing-cycle")
    expect(await cycleCard.getByTestId("billing-cycle-waiting").innerText()).toContain("To Quay Lettings")
    await cycleCard.getByTestId("billing-cycle-bill-now").click()
    await staff.getByText("1 invoice made for 2 visits.").waitFor()
    await payerCard.getByTestId("bill-payer-edit").click()
    await payerCard.getByTestId("bill-payer-form").waitFor()
    // From now on a new billing contact pays: the card adds them as a customer (and invites them).
    await payerCard.getByTestId("bill-payer-pays").click()
    await staff.getByRole("option", { name: "A new billing contact" }).click()
    await payerCard.getByTestId("bill-payer-name").fill("Nadia Office")
    await payerCard.getByTestId("bill-payer-email").fill(contactEmail)
    await payerCard.getByTestId("bill-payer-company").fill("Quay Holdings")
    await payerCard.screenshot({ path: ".tmp/screenshots/admin-bill-payer-form.png" })
    await payerCard.getByTestId("bill-payer-save").click()
    await staff.getByText("Bill payer saved").waitFor()
    expect(await payerCard.getByTestId("bill-payer-current").innerText()).toBe(`Nadia Office (Quay Holdings), ${contactEmail}`)

    const invoice = await eventually(async () => {
      const { body } = await api(`/admin/invoices?customer_id=${agency.customer.id}`, { token: admin })
      const found = body.invoices?.[0]
      if (!found || found.status === "draft") throw new Error("not issued yet")
      return found as { id: string; number: string }
    }, 20_000)

    // The tenant still has their visits, not the invoice.
    const tenantPage = await portalPage(tenant.email, tenant.password, 390)
    expect(await tenantPage.getByTestId("invoice").filter({ hasText: invoice.number }).count()).toBe(0)
    await tenantPage.close()

    const page = await portalPage(agency.email, agency.password, 1280)
    const item = page.getByTestId("invoice").filter({ hasText: invoice.number })
    await item.waitFor()
    await page.screenshot({ path: ".tmp/screenshots/portal-payer-invoices-desktop.png", fullPage: true })
    await item.getByTestId("invoice-number").click()
    await page.getByTestId("invoice-page").waitFor()
    const lines = await page.getByTestId("invoice-lines").innerText()
    expect(lines.match(/Tomas Tenant: /g)?.length).toBe(2)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: ".tmp/screenshots/portal-payer-invoice-390.png", fullPage: true })
    await page.getByTestId("invoice-pay").click()
    await page.getByTestId("pay-invoices").waitFor()
    expect(await page.getByLabel("Visa ending 4242").isChecked()).toBe(true)
    await page.getByTestId("pay-submit").click()
    await page.getByTestId("invoice-paid-notice").waitFor()
    expect(await page.getByTestId("invoice-status").innerText()).toBe("Paid")
    expect(await page.getByTestId("invoice-balance").innerText()).toBe("£0.00")
    await page.screenshot({ path: ".tmp/screenshots/portal-payer-invoice-paid-390.png", fullPage: true })
    await page.close()
  })
})
